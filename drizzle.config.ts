import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates migrations here; they are applied by `npm run db:migrate`
// (scripts/db-migrate.ts), which also serves embedded PGlite (STACK-NOTES: drizzle-kit's
// own PGlite migrate fails silently on CREATE EXTENSION).
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  strict: true,
});
