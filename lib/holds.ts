import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/**
 * A hold keeps a slot or a course seat for one client until `holdExpiresAt`. The one rule,
 * everywhere (pages, services, SQL): a hold is live while its status is 'held' and its time is
 * not up (`holdExpiresAt > now`); at `holdExpiresAt` itself it has lapsed. A lapsed hold never
 * blocks anyone, even before the expiry job marks it expired.
 *
 * A place awaiting a delayed payment (`awaiting_payment`: a konbini voucher issued, not paid yet)
 * is kept the same way until its `holdExpiresAt` (the voucher's deadline): it blocks the slot or
 * seat like a hold, but it is not a hold its client can still take to checkout.
 */
export type Hold = { status: string; holdExpiresAt: Date | null };

/** The states that keep a slot or a seat for someone until `holdExpiresAt`. */
export const placeKeepingStatuses = ['held', 'awaiting_payment'] as const;

export function isHoldLive<T extends Hold>(hold: T, now: Date): hold is T & { holdExpiresAt: Date } {
  return hold.status === 'held' && hold.holdExpiresAt !== null && hold.holdExpiresAt > now;
}

/** Held or awaiting a delayed payment, and its time not up: the slot or seat is kept. */
export function isPlaceKept<T extends Hold>(hold: T, now: Date): hold is T & { holdExpiresAt: Date } {
  return (
    (placeKeepingStatuses as readonly string[]).includes(hold.status) &&
    hold.holdExpiresAt !== null &&
    hold.holdExpiresAt > now
  );
}

/** The columns of a table (or aliases in plain SQL) that carry a hold. */
export type HoldColumns = { status: SQLWrapper; holdExpiresAt: SQLWrapper };

/**
 * The same rule in SQL. The instant is passed as text with a cast, so the fragment reads the same
 * inside drizzle's builder and inside plain SQL with aliases (`sql.raw('e.status')`).
 */
export function holdIsLiveSql(t: HoldColumns, now: Date): SQL {
  return sql`(${t.status} = 'held' and ${t.holdExpiresAt} > ${now.toISOString()}::timestamptz)`;
}

/** `isPlaceKept` in SQL: held or awaiting a delayed payment, its time not up. */
export function placeIsKeptSql(t: HoldColumns, now: Date): SQL {
  return sql`(${t.status} in ('held', 'awaiting_payment') and ${t.holdExpiresAt} > ${now.toISOString()}::timestamptz)`;
}

/**
 * Held (or awaiting a delayed payment), but its time is up: what the expiry jobs and lazy
 * releases mark expired.
 */
export function holdHasLapsedSql(t: HoldColumns, now: Date): SQL {
  return sql`(${t.status} in ('held', 'awaiting_payment') and not ${placeIsKeptSql(t, now)})`;
}

/** A hold's columns under a table alias of plain SQL (`status`, `hold_expires_at`). */
export function holdColumnsAs(alias: string): HoldColumns {
  return { status: sql.raw(`${alias}.status`), holdExpiresAt: sql.raw(`${alias}.hold_expires_at`) };
}
