import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { lockDataDir } from './data-dir-lock';
import * as schema from './schema';

/** The one database type features take: PGlite and postgres.js share the query builder. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseHandle = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where it is: a folder for PGlite, the host and database for PostgreSQL. */
  location: string;
  /** The embedded engine itself, when the database is PGlite (the job queue reaches it over a socket). */
  pglite?: PGlite;
  /** The connection string, when the database is PostgreSQL (the job queue connects with it). */
  url?: string;
  migrate(): Promise<void>;
  close(): Promise<void>;
};

export const migrationsFolder = path.join(/* turbopackIgnore: true */ process.cwd(), 'db', 'migrations');

export async function openPostgres(url: string, options: { max?: number } = {}): Promise<DatabaseHandle> {
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {} });
  const db = drizzlePostgres(client, { schema }) as unknown as Db;
  const { host, pathname } = new URL(url);
  return {
    db,
    kind: 'postgres',
    location: `${host}${pathname}`,
    url,
    // Serialized across processes: two instances or deploy steps migrating at once would race.
    migrate: () =>
      withAdvisoryLock(url, 'migrate', () => migratePostgres(drizzlePostgres(client), { migrationsFolder })),
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * Runs `work` while holding a PostgreSQL advisory lock named `name`, on a connection of its
 * own (the lock belongs to the session), so processes starting together take turns.
 */
export async function withAdvisoryLock<T>(url: string, name: string, work: () => Promise<T>): Promise<T> {
  const lockClient = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const key = `kokoro:${name}`;
    await lockClient`select pg_advisory_lock(hashtext(${key}))`;
    try {
      return await work();
    } finally {
      await lockClient`select pg_advisory_unlock(hashtext(${key}))`.catch(() => {});
    }
  } finally {
    await lockClient.end({ timeout: 5 });
  }
}

/**
 * Migrations in the folder that the database has not applied yet (drizzle records the
 * `when` of each one it applies; it applies those newer than the last recorded).
 */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  let last = -1;
  try {
    const result: unknown = await db.execute(
      sql`select max(created_at)::text as last from drizzle.__drizzle_migrations`,
    );
    // postgres.js answers the rows, PGlite an object holding them
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { last: string | null }[];
    last = Number(rows[0]?.last ?? -1);
  } catch {
    // no migrations table: nothing applied
  }
  return journal.entries.filter((entry) => entry.when > last).map((entry) => entry.tag);
}

/**
 * PGlite in a folder (or in memory without one). PGlite has no lock between processes and
 * a second opener silently loses its writes, so the folder is locked for as long as it is
 * open: a second live process fails at once, and a lock left by a dead one is taken over.
 */
export async function openPglite(dir?: string): Promise<DatabaseHandle> {
  let release: (() => void) | undefined;
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    release = lockDataDir(dir);
  }
  const client = new PGlite({ dataDir: dir, extensions: { btree_gist, pg_trgm } });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    location: dir ? path.resolve(dir) : 'memory',
    pglite: client,
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
    close: async () => {
      await client.close();
      release?.();
    },
  };
}

export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

/** PostgreSQL when a URL is given, otherwise PGlite in `<dataDir>/pglite`. */
export function openDatabaseAt(target: { url?: string; dataDir: string }): Promise<DatabaseHandle> {
  return target.url ? openPostgres(target.url) : openPglite(path.join(target.dataDir, 'pglite'));
}
