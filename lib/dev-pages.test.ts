import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('@/db', () => ({ getDb: async () => ({}) }));
vi.mock('@/features/mail/queries', () => ({ listOutbox: async () => [] }));
vi.mock('next/navigation', () => ({
  notFound: () => {
    throw Object.assign(new Error('NEXT_HTTP_ERROR_FALLBACK;404'), { digest: 'NEXT_HTTP_ERROR_FALLBACK;404' });
  },
}));

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function renderDevMail() {
  const { default: DevMailPage } = await import('@/app/dev/mail/page');
  return DevMailPage({ searchParams: Promise.resolve({}) });
}

describe('/dev/mail', () => {
  it('shows the outbox with embedded defaults', async () => {
    // NODE_ENV is "test" here: not production, so embedded parts are allowed.
    await expect(renderDevMail()).resolves.toBeTruthy();
  });

  // Last: stubbing production makes React's development runtime unavailable for later renders.
  it('answers 404 in production', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    for (const [k, v] of Object.entries({
      DATABASE_URL: 'postgres://app@db/app',
      SITE_URL: 'https://example.jp',
      AUTH_SECRET: 'x'.repeat(40),
      STRIPE_SECRET_KEY: 'sk_live_x',
      STRIPE_WEBHOOK_SECRET: 'whsec_x',
      SMTP_URL: 'smtp://mail.example.jp',
      MAIL_FROM: 'info@example.jp',
      INTAKE_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
    }))
      vi.stubEnv(k, v);
    await expect(renderDevMail()).rejects.toThrow('NEXT_HTTP_ERROR_FALLBACK;404');
  });
});
