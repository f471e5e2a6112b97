import 'server-only';
import crypto from 'node:crypto';
import postgres from 'postgres';
import { type DatabaseHandle, openPglite, openPostgres } from './client';

/**
 * A fresh, migrated database for one test file: a new database on the server named by
 * TEST_DATABASE_URL (dropped afterwards), otherwise an in-memory PGlite.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const handle = await openPglite();
    await handle.migrate();
    return handle;
  }
  const name = `test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString(), { max: 10 });
  await handle.migrate();
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * How many connections a test that races many attempts may open: PostgreSQL is shared by the
 * suites running at once (max_connections 100), so a racer test never opens one per attempt.
 * This many transactions are open together and the other attempts queue for a connection, so
 * 50 attempts still race each other (and the invariant under test still has to hold for all).
 */
export const racePoolSize = 16;

/**
 * A second, bounded pool on the test database for racing attempts (PostgreSQL); PGlite has one
 * connection anyway, and the handle itself is returned. Close it if it is not `handle`.
 */
export async function openRacePool(handle: DatabaseHandle): Promise<DatabaseHandle> {
  return handle.kind === 'postgres' && handle.url ? openPostgres(handle.url, { max: racePoolSize }) : handle;
}
