import type { Db } from '@/db/client';

/**
 * What a service takes first: the database (or the caller's transaction) and the clock. The
 * convention is `service(ctx, input)`; an action's context already is one.
 */
export type ServiceContext = { db: Db; now: Date };
