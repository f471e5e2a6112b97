import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import drizzle from 'eslint-plugin-drizzle';
import prettier from 'eslint-config-prettier/flat';

/*
 * The layering, kept by the linter (README, Architecture). One rule,
 * `@typescript-eslint/no-restricted-imports` (core `no-restricted-imports` plus
 * `allowTypeImports`), set per folder with `files` blocks. A later block replaces an earlier
 * block's options for the same file, so every file matches exactly one block below (payments'
 * `domain/` gets both lists). lib/boundaries.test.ts lints a wrong import for each rule.
 */
const noDatabase = {
  group: ['@/db', '@/db/**'],
  message: 'Pages and components read through features/*/queries.ts (`read()` from @/lib/data), never the database.',
};
const noCapabilities = {
  group: ['@/features/**'],
  message: 'lib/ is shared infrastructure and knows no capability: move the code into features/ or pass it in.',
};
const paymentsIsALeaf = {
  group: [
    '@/features/booking',
    '@/features/booking/**',
    '@/features/courses',
    '@/features/courses/**',
    '../booking/**',
    '../courses/**',
    '../../booking/**',
    '../../courses/**',
  ],
  message:
    'Payments is a leaf: a capability registers its fulfilment (features/fulfilments.ts); payments never imports it.',
};
const pureMessage =
  'domain/ is pure (plain TypeScript, the clock passed in): no database, framework, mail, Stripe or environment. @/lib/time is fine.';
const domainIsPure = [
  // A type from the schema (an enum's values) is erased at build time: allowed.
  { group: ['@/db', '@/db/**'], allowTypeImports: true, message: pureMessage },
  {
    group: [
      'next',
      'next/**',
      'next-auth',
      'next-auth/**',
      'server-only',
      'react',
      'react-dom',
      'stripe',
      'nodemailer',
      'postgres',
      'drizzle-orm',
      'drizzle-orm/**',
      '@electric-sql/**',
      'pg-boss',
      'node:*',
      '@/lib/env',
      '@/lib/stripe',
      '@/lib/auth',
      '@/lib/auth/**',
      '@/features/accounts/auth',
      '@/features/accounts/auth/**',
      '@/lib/data',
      '@/lib/secret-file',
      '@/features/mail',
      '@/features/mail/**',
      '@/jobs/**',
    ],
    message: pureMessage,
  },
  {
    regex: '^(@/features/[^/]+|\\.\\.)/(service|queries|actions|checkout|fulfilment|mails|hold|seats|admin-[^/]+)$',
    message: pureMessage,
  },
];
const restrict = (...patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });
const boundaries = [
  { files: ['app/**', 'components/**'], rules: restrict(noDatabase) },
  { files: ['lib/**'], rules: restrict(noCapabilities) },
  { files: ['features/payments/**'], rules: restrict(paymentsIsALeaf) },
  { files: ['**/domain/**'], rules: restrict(...domainIsPure) },
  { files: ['features/payments/domain/**'], rules: restrict(paymentsIsALeaf, ...domainIsPure) },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    plugins: { drizzle },
    rules: {
      // An update or delete without `where` touches every row: never what a feature means.
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
    },
  },
  ...boundaries,
  {
    // No circle between modules: each is understood (and tested) from the ones it imports.
    settings: { 'import/ignore': ['node_modules'] },
    rules: { 'import/no-cycle': ['error', { ignoreExternal: true }] },
  },
  // Formatting is Prettier's (npm run format; npm run lint checks it): no style rules here.
  prettier,
  // Playwright fixtures call their continuation `use`, which is not React's hook.
  { files: ['e2e/**'], rules: { 'react-hooks/rules-of-hooks': 'off' } },
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      '.data/**',
      'db/migrations/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
    ],
  },
];

export default config;
