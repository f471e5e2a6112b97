import { describe, expect, it } from 'vitest';
import { environmentProblems, isEmbeddedAllowed, productionSettings, stripeSettings } from './env';

const complete = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://app@db.example.jp:5432/app',
  SITE_URL: 'https://example.jp',
  AUTH_SECRET: 'x'.repeat(40),
  STRIPE_SECRET_KEY: 'sk_live_abc',
  STRIPE_WEBHOOK_SECRET: 'whsec_abc',
  SMTP_URL: 'smtps://user:pass@smtp.example.jp:465',
  MAIL_FROM: 'info@example.jp',
  INTAKE_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
} as const;

describe('environmentProblems', () => {
  it('needs nothing in development: every part falls back to its embedded default', () => {
    expect(environmentProblems({ NODE_ENV: 'development' })).toEqual([]);
  });

  it('lists every missing setting of a production start, never falling back silently', () => {
    const problems = environmentProblems({ NODE_ENV: 'production' });
    for (const name of Object.keys(productionSettings)) {
      expect(problems.some((p) => p.startsWith(`${name} is missing`))).toBe(true);
    }
  });

  it('accepts a complete production environment', () => {
    expect(environmentProblems(complete)).toEqual([]);
  });

  it('treats an empty value as missing and reports malformed ones', () => {
    expect(environmentProblems({ ...complete, SMTP_URL: '' })).toEqual([expect.stringMatching(/^SMTP_URL is missing/)]);
    expect(environmentProblems({ ...complete, STRIPE_SECRET_KEY: 'pk_live_abc' })[0]).toMatch(/^STRIPE_SECRET_KEY/);
    expect(environmentProblems({ ...complete, AUTH_SECRET: 'short' })[0]).toMatch(/AUTH_SECRET must be at least 32/);
    expect(environmentProblems({ ...complete, INTAKE_ENCRYPTION_KEYS: 'just-a-password' })[0]).toMatch(
      /INTAKE_ENCRYPTION_KEYS must be id:base64key/,
    );
  });

  it('allows embedded parts in a production build only when asked (npm run demo)', () => {
    expect(isEmbeddedAllowed({ NODE_ENV: 'production' })).toBe(false);
    expect(isEmbeddedAllowed({ NODE_ENV: 'production', EMBEDDED_DEFAULTS: '1' })).toBe(true);
    expect(environmentProblems({ NODE_ENV: 'production', EMBEDDED_DEFAULTS: '1' })).toEqual([]);
  });
});

describe('stripeSettings', () => {
  const production = {
    NODE_ENV: 'production',
    STRIPE_SECRET_KEY: 'sk_test_x',
    STRIPE_WEBHOOK_SECRET: 'whsec_x',
  } as const;
  const emulator = { STRIPE_EMULATOR_URL: 'http://127.0.0.1:12111' };

  it('sends a production test key to the emulator only under ALLOW_STRIPE_EMULATOR=1, never a live key', () => {
    expect(stripeSettings({ ...production, ...emulator }).emulatorUrl).toBeUndefined();
    expect(stripeSettings({ ...production, ...emulator, ALLOW_STRIPE_EMULATOR: '1' }).emulatorUrl).toBe(
      emulator.STRIPE_EMULATOR_URL,
    );
    expect(
      stripeSettings({ ...production, ...emulator, ALLOW_STRIPE_EMULATOR: '1', STRIPE_SECRET_KEY: 'sk_live_x' })
        .emulatorUrl,
    ).toBeUndefined();
  });
});
