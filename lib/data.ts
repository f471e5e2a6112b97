import 'server-only';
import { getDb } from '@/db';
import type { Db } from '@/db/client';
import type { ServiceContext } from './service';

/**
 * How pages and route handlers reach the data without holding the database handle:
 * `await read(listCourses, { includeInactive: true })` runs the query on the app's
 * database. Queries keep their `(db, …)` signature, so a service's transaction or a test's
 * database calls the same function directly.
 */
export async function read<A extends unknown[], R>(query: (db: Db, ...args: A) => Promise<R>, ...args: A): Promise<R> {
  return query(await getDb(), ...args);
}

/** A service's context for a page or route handler that writes (actions get theirs from `defineAction`). */
export async function serviceContext(): Promise<ServiceContext> {
  return { db: await getDb(), now: new Date() };
}
