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
import lockfile from 'proper-lockfile';
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
    migrate: () => migratePostgres(drizzlePostgres(client), { migrationsFolder }),
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * PGlite in a folder (or in memory without one). PGlite has no lock between processes and
 * a second opener silently loses its writes, so the folder is locked for as long as it is
 * open and a second process fails at once.
 */
export async function openPglite(dir?: string): Promise<DatabaseHandle> {
  let release: (() => Promise<void>) | undefined;
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    try {
      release = await lockfile.lock(dir, {
        lockfilePath: `${dir}.lock`,
        stale: 15_000,
        update: 5_000,
        retries: 0,
        realpath: false,
        onCompromised: (err) => console.error(`[db] lost the lock on ${dir}: ${err.message}`),
      });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ELOCKED') {
        throw new Error(
          `The embedded database in ${path.resolve(dir)} is already open in another process ` +
            `(npm run dev, npm run demo or a script). PGlite cannot be shared between processes: ` +
            `stop the other one, or give this one its own DATA_DIR.`,
        );
      }
      throw err;
    }
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
      await release?.();
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
