import 'server-only';
import { databaseTarget, getEnv } from '@/lib/env';
import { type DatabaseHandle, type Db, openDatabaseAt } from './client';
import { seedDatabase } from './seed';

export type { Db } from './client';

const state = globalThis as unknown as { __appDatabase?: Promise<DatabaseHandle> };

/**
 * The app's database, opened on first use (never at import, so `next build` touches
 * nothing). With embedded defaults it is migrated and seeded on open; in production the
 * deploy runs `npm run db:migrate` and `npm run db:seed`.
 */
export function getDatabase(): Promise<DatabaseHandle> {
  state.__appDatabase ??= openAppDatabase().catch((err) => {
    state.__appDatabase = undefined;
    throw err;
  });
  return state.__appDatabase;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

async function openAppDatabase(): Promise<DatabaseHandle> {
  const env = getEnv();
  const handle = await openDatabaseAt(databaseTarget());
  if (env.embedded) {
    await handle.migrate();
    await seedDatabase(handle.db);
  }
  return handle;
}
