import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 30_000 });

/**
 * The layering rules of eslint.config.mjs, tried on deliberate wrong imports: each must fail
 * with the boundary rule, and the right way to write the same thing must pass.
 */
const root = path.resolve(import.meta.dirname, '..');
let eslint: ESLint;

beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  await eslint.lintText('', { filePath: path.join(root, 'lib/format.ts') }); // loads the plugins
}, 60_000);

/** Lints `code` as if it were the file at `filePath` (an existing file: import/no-cycle reads it). */
async function problemsOf(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports' || m.ruleId === 'import/no-cycle')
    .map((m) => `${m.ruleId}: ${m.message}`);
}

const wrong: [boundary: string, file: string, code: string][] = [
  ['a page → the database', 'app/(auth)/login/page.tsx', "import { getDb } from '@/db';\n"],
  ['a page → the schema', 'app/(auth)/register/page.tsx', "import { bookings } from '@/db/schema';\n"],
  ['a component → the database', 'components/booking/slot-calendar.tsx', "import { getDb } from '@/db';\n"],
  ['lib → a capability', 'lib/format.ts', "import { listSessionTypes } from '@/features/booking/queries';\n"],
  // The Auth.js wiring lives in features/accounts/auth/ now: lib/auth has no exemption left.
  [
    'lib/auth → accounts',
    'lib/auth/client-ip.ts',
    "import { signInWithPassword } from '@/features/accounts/sign-in-guard';\n",
  ],
  ['lib/auth → mail', 'lib/auth/secret.ts', "import { sendMail } from '@/features/mail/service';\n"],
  ['a test in lib → a capability', 'lib/format.test.ts', "import { accountMails } from '@/features/accounts/mails';\n"],
  [
    'payments → booking',
    'features/payments/refunds.ts',
    "import { confirmPaidBooking } from '@/features/booking/service';\n",
  ],
  [
    'payments → courses, relative',
    'features/payments/refunds.ts',
    "import { courseFulfilment } from '../courses/fulfilment';\n",
  ],
  ['domain → the database', 'features/booking/domain/cancellation.ts', "import { getDb } from '@/db';\n"],
  ['domain → Next', 'features/booking/domain/cancellation.ts', "import { notFound } from 'next/navigation';\n"],
  ['domain → server-only', 'features/intake/domain/scoring.ts', "import 'server-only';\n"],
  ['domain → mail', 'features/courses/domain/terms.ts', "import { sendMail } from '@/features/mail/service';\n"],
  ['domain → Stripe', 'features/payments/domain/payment-state.ts', "import { getStripe } from '@/lib/stripe';\n"],
  ['domain → the environment', 'features/library/domain/search.ts', "import { getEnv } from '@/lib/env';\n"],
  ['domain → its service', 'features/booking/domain/cancellation.ts', "import { holdSlot } from '../service';\n"],
];

describe('the linter keeps the boundaries', () => {
  it('fails on a circle between two files', async () => {
    // First: the import plugin caches what each file imports, so this runs before the other
    // cases have read the files involved. slots.ts imports ranges.ts; ranges.ts importing slots.ts back closes a circle.
    const problems = await problemsOf(
      'features/booking/domain/ranges.ts',
      "import { computeSlots } from './slots';\nexport const x = computeSlots;\n",
    );
    expect(problems).toEqual([expect.stringMatching(/^import\/no-cycle: /)]);
  });

  it.each(wrong)('fails on %s', async (_boundary, file, code) => {
    const problems = await problemsOf(file, code);
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expect(problem).toMatch(/^@typescript-eslint\/no-restricted-imports: /);
  });

  it('lets the right imports through', async () => {
    expect(
      await problemsOf(
        'app/(auth)/login/page.tsx',
        "import { read } from '@/lib/data';\nimport { listSessionTypes } from '@/features/booking/queries';\nexport const x = [read, listSessionTypes];\n",
      ),
    ).toEqual([]);
    expect(
      await problemsOf(
        'features/booking/domain/cancellation.ts',
        "import { addDays } from '@/lib/time';\nimport type { BookingStatus } from '@/db/schema';\nimport { mergeRanges } from './ranges';\nexport const x = [addDays, mergeRanges];\nexport type Y = BookingStatus;\n",
      ),
    ).toEqual([]);
    expect(
      await problemsOf(
        'features/accounts/auth/index.ts',
        "import { findUserIdByEmail } from '@/features/accounts/queries';\nimport { getAuthSecret } from '@/lib/auth/secret';\nexport const x = [findUserIdByEmail, getAuthSecret];\n",
      ),
    ).toEqual([]);
    expect(
      await problemsOf(
        'app/admin/page.tsx',
        "import { requireCounselor } from '@/features/accounts/auth/guards';\nexport const x = requireCounselor;\n",
      ),
    ).toEqual([]);
    expect(
      await problemsOf(
        'features/booking/checkout.ts',
        "import { openCheckout } from '@/features/payments/checkout';\nexport const x = openCheckout;\n",
      ),
    ).toEqual([]);
  });
});

/**
 * Client-safe modules of features/: the form schemas and the theme list, which client
 * components import for validation. Everything else there (and the database modules) is
 * server code and says so.
 */
const clientSafe = new Set([
  'features/accounts/schemas.ts',
  'features/booking/schemas.ts',
  'features/booking/admin-schemas.ts',
  'features/courses/schemas.ts',
  'features/intake/schemas.ts',
  'features/library/schemas.ts',
  'features/library/admin-schemas.ts',
  'features/library/themes.ts',
  'features/newsletter/schemas.ts',
  'features/calendar-sync/schemas.ts',
  'features/calendar-sync/messages.ts',
  'features/notifications/schemas.ts',
  'features/session-notes/schemas.ts',
  'features/packages/schemas.ts',
  'features/payments/schemas.ts',
]);

/** Server modules: db/*.ts and every module of features/ but domain/, tests and the client-safe ones. */
function serverModules(): string[] {
  const walk = (dir: string, deep: boolean): string[] =>
    fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
      const file = `${dir}/${entry.name}`;
      if (entry.isDirectory()) return deep && entry.name !== 'domain' ? walk(file, true) : [];
      return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
    });
  const topLevel = (dir: string) => walk(dir, false);
  const capabilities = fs
    .readdirSync(path.join(root, 'features'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => walk(`features/${e.name}`, true));
  return [...topLevel('db'), ...topLevel('features'), ...capabilities].filter((f) => !clientSafe.has(f)).sort();
}

describe('server modules never reach the browser', () => {
  it.each(serverModules())('%s imports server-only (or is a server action file)', (file) => {
    const source = fs.readFileSync(path.join(root, file), 'utf8');
    // A 'use server' file is kept on the server by the directive itself.
    expect(/^'use server';/m.test(source) || /^import 'server-only';$/m.test(source)).toBe(true);
  });

  it('lists client-safe files that exist and do not import server-only', () => {
    for (const file of clientSafe) {
      const source = fs.readFileSync(path.join(root, file), 'utf8');
      expect(source, file).not.toMatch(/^import 'server-only';$/m);
    }
  });
});
