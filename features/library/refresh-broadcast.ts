import 'server-only';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import type { Db } from '@/db/client';
import { log } from '@/lib/log';
import { requestPublicRefresh } from './refresh-request';

/**
 * With several app instances each keeps its own copies of the public pages, and Next only drops
 * them where `revalidatePath` runs. So a publish, an edit or a scheduled publication is also
 * announced over PostgreSQL's LISTEN/NOTIFY, and every instance refreshes its own pages
 * (through its refresh route: Next only revalidates inside a request). Without this, an
 * instance that had answered 404 for a new slug, or held the old text, kept it up to 5 minutes.
 */
export const libraryRefreshChannel = 'library_refresh';
/** A NOTIFY payload is limited to 8000 bytes: slugs go in batches well under it. */
const slugsPerNotice = 40;

export async function announcePublicRefresh(db: Db, slugs: string[]): Promise<void> {
  for (let i = 0; i < slugs.length; i += slugsPerNotice) {
    const batch = JSON.stringify(slugs.slice(i, i + slugsPerNotice));
    await db.execute(sql`select pg_notify(${libraryRefreshChannel}, ${batch})`);
  }
}

/**
 * Listens on its own connection (postgres.js listens again after a reconnect) and refreshes
 * this server's pages for each announcement. Returns the function that stops listening.
 */
export async function listenForPublicRefresh(databaseUrl: string, ownOrigin: string): Promise<() => Promise<void>> {
  const listener = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  await listener.listen(libraryRefreshChannel, (payload) => {
    let slugs: unknown;
    try {
      slugs = JSON.parse(payload);
    } catch {
      return;
    }
    if (!Array.isArray(slugs) || !slugs.every((s) => typeof s === 'string')) return;
    requestPublicRefresh(ownOrigin, slugs).catch((err) =>
      log.warn({ err, slugs }, 'announced refresh of public pages failed here; they expire within 5 minutes'),
    );
  });
  return () => listener.end({ timeout: 5 });
}
