import 'server-only';
import { z } from 'zod';

/**
 * Environment, validated once. With no configuration the app runs on embedded parts
 * (PGlite, the Stripe emulator, the mail outbox, generated secrets); a production start
 * (`NODE_ENV=production` without `EMBEDDED_DEFAULTS=1`) requires the real parts and lists
 * every missing setting instead of falling back silently.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  EMBEDDED_DEFAULTS: z.enum(['0', '1']).optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  DATABASE_URL: z.url().optional(),
  SITE_URL: z.url().optional(),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  AUTH_SECRET_PREVIOUS: z.string().min(32, 'AUTH_SECRET_PREVIOUS must be at least 32 characters').optional(),
  STRIPE_SECRET_KEY: z.string().startsWith('sk_').optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().min(3).optional(),
  INTAKE_ENCRYPTION_KEYS: z
    .string()
    .regex(
      /^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+)*$/,
      'INTAKE_ENCRYPTION_KEYS must be id:base64key[,id:base64key…]',
    )
    .optional(),
  /** Whether the counselor's imported calendars may be on private or loopback addresses (calendar-sync). */
  CALENDAR_IMPORT_ALLOW_PRIVATE: z.enum(['0', '1']).optional(),
  /** Proxies in front of the app that append to X-Forwarded-For (lib/auth/client-ip). */
  TRUSTED_PROXY_HOPS: z.string().regex(/^\d+$/, 'TRUSTED_PROXY_HOPS must be a whole number (0 = no proxy)').optional(),
});

export type Env = z.infer<typeof envSchema> & { embedded: boolean; siteUrl: string };

/** Settings a production start cannot do without, and what each is for. */
export const productionSettings = {
  DATABASE_URL: 'PostgreSQL connection string (postgres://…)',
  SITE_URL: 'public address of the site, e.g. https://example.jp',
  AUTH_SECRET: 'secret for session cookies (openssl rand -base64 32)',
  STRIPE_SECRET_KEY: 'Stripe secret key (sk_live_… or sk_test_…)',
  STRIPE_WEBHOOK_SECRET: 'Stripe webhook signing secret (whsec_…)',
  SMTP_URL: 'mail server, e.g. smtps://user:pass@smtp.example.jp:465',
  MAIL_FROM: 'sender address, e.g. "カウンセリングルーム <info@example.jp>"',
  INTAKE_ENCRYPTION_KEYS: 'keys for questionnaire answers, id:base64key (npm run intake:rotate-key -- --print-new-key)',
} as const;

export function isEmbeddedAllowed(raw: NodeJS.ProcessEnv): boolean {
  return raw.NODE_ENV !== 'production' || raw.EMBEDDED_DEFAULTS === '1';
}

/** Every problem with the environment, as lines a person can act on. Empty when fine. */
export function environmentProblems(raw: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  const parsed = envSchema.safeParse(blankToUndefined(raw));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}`);
  }
  if (!isEmbeddedAllowed(raw)) {
    for (const [name, what] of Object.entries(productionSettings)) {
      if (!raw[name]) problems.push(`${name} is missing: ${what}`);
    }
  }
  return problems;
}

/**
 * Imported calendars are fetched by the server, so a pasted URL must not reach into the server's
 * own network (SSRF). Private, loopback and link-local addresses are refused in production and
 * allowed with embedded defaults (development, tests, demo), unless CALENDAR_IMPORT_ALLOW_PRIVATE
 * says otherwise either way.
 */
export function calendarImportAllowsPrivate(raw: NodeJS.ProcessEnv = process.env): boolean {
  if (raw.CALENDAR_IMPORT_ALLOW_PRIVATE === '1') return true;
  if (raw.CALENDAR_IMPORT_ALLOW_PRIVATE === '0') return false;
  return isEmbeddedAllowed(raw);
}

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const problems = environmentProblems(process.env);
  if (problems.length > 0) {
    throw new Error(`The environment is not usable:\n  - ${problems.join('\n  - ')}`);
  }
  const env = envSchema.parse(blankToUndefined(process.env));
  cached = {
    ...env,
    embedded: isEmbeddedAllowed(process.env),
    siteUrl: (env.SITE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, ''),
  };
  return cached;
}

function blankToUndefined(raw: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v === '' ? undefined : v]));
}

/**
 * Where the database is, without requiring the rest of the settings: `npm run db:migrate`
 * and `db:seed` run during a deploy, before the app's other secrets matter.
 */
export function databaseTarget(raw: NodeJS.ProcessEnv = process.env): { url?: string; dataDir: string } {
  return { url: raw.DATABASE_URL || undefined, dataDir: raw.DATA_DIR || '.data' };
}

export const demoCounselor = { email: 'counselor@example.jp', password: 'demo-counselor-2026' } as const;

/**
 * The counselor account the seed creates. With embedded defaults it falls back to the
 * documented demo credentials; a production seed needs both variables.
 */
export function counselorSeedSettings(raw: NodeJS.ProcessEnv = process.env): {
  email: string;
  password: string;
  isDemo: boolean;
} {
  if (raw.COUNSELOR_EMAIL && raw.COUNSELOR_PASSWORD) {
    return { email: raw.COUNSELOR_EMAIL.toLowerCase(), password: raw.COUNSELOR_PASSWORD, isDemo: false };
  }
  if (isEmbeddedAllowed(raw) || !raw.DATABASE_URL) return { ...demoCounselor, isDemo: true };
  throw new Error('COUNSELOR_EMAIL and COUNSELOR_PASSWORD are required to seed the counselor account in production.');
}

export const stripeEmulatorDefaults = {
  url: 'http://127.0.0.1:12111',
  secretKey: 'sk_test_emulator',
  webhookSecret: 'whsec_emulator_local_development_only',
} as const;

/**
 * Stripe's real API when STRIPE_SECRET_KEY is set, otherwise (embedded defaults only) the
 * project's emulator. Both are driven by the same SDK; only the endpoint differs.
 */
export function stripeSettings(raw: NodeJS.ProcessEnv = process.env): {
  secretKey: string;
  webhookSecret: string;
  emulatorUrl?: string;
} {
  if (raw.STRIPE_SECRET_KEY) {
    // A production-like test (npm run cluster) may point a test key at the emulator, only
    // when told so explicitly: a live key never goes anywhere but Stripe.
    const toEmulator =
      raw.ALLOW_STRIPE_EMULATOR === '1' && raw.STRIPE_EMULATOR_URL && raw.STRIPE_SECRET_KEY.startsWith('sk_test_');
    return {
      secretKey: raw.STRIPE_SECRET_KEY,
      webhookSecret: raw.STRIPE_WEBHOOK_SECRET ?? '',
      ...(toEmulator ? { emulatorUrl: raw.STRIPE_EMULATOR_URL } : {}),
    };
  }
  if (!isEmbeddedAllowed(raw)) throw new Error('STRIPE_SECRET_KEY is missing');
  return {
    secretKey: stripeEmulatorDefaults.secretKey,
    webhookSecret: raw.STRIPE_WEBHOOK_SECRET || stripeEmulatorDefaults.webhookSecret,
    emulatorUrl: raw.STRIPE_EMULATOR_URL || stripeEmulatorDefaults.url,
  };
}
