import 'server-only';
import { and, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { ServiceContext } from '@/lib/service';
import { bookings } from '@/db/schema';
import { AppError, isExclusionViolation } from '@/lib/errors';
import { holdHasLapsedSql, isHoldLive, isPlaceKept } from '@/lib/holds';
import { retryTransientConflicts } from '@/lib/transaction-retry';
import { findOpenSlot } from './domain/slots';
import { defaultMeetingUrlOf, getBookingConfig, slotSettingsFor } from './queries';
import { listImportedBusy } from '@/features/calendar-sync/queries';

const minute = 60 * 1000;
const day = 24 * 60 * minute;

/**
 * The first statement of a hold, built once per database: under a rush of holds, building
 * drizzle queries was most of the CPU a hold cost (measured with `npm run bench`).
 */
function prepareHoldStatements(db: Db) {
  return {
    /** Held and confirmed bookings near the slot, and the client's own live or lapsed hold anywhere. */
    nearby: db
      .select({
        id: bookings.id,
        clientId: bookings.clientId,
        sessionTypeId: bookings.sessionTypeId,
        status: bookings.status,
        start: bookings.startsAt,
        end: bookings.endsAt,
        blockedUntil: bookings.blockedUntil,
        holdExpiresAt: bookings.holdExpiresAt,
      })
      .from(bookings)
      .where(
        or(
          and(
            lt(bookings.startsAt, sql.placeholder('to')),
            gt(bookings.endsAt, sql.placeholder('from')),
            inArray(bookings.status, ['held', 'awaiting_payment', 'confirmed']),
          ),
          and(eq(bookings.clientId, sql.placeholder('clientId')), eq(bookings.status, 'held')),
        ),
      )
      .prepare('booking_hold_nearby'),
  };
}

const statementsByDb = new WeakMap<Db, ReturnType<typeof prepareHoldStatements>>();

function holdStatements(db: Db) {
  let statements = statementsByDb.get(db);
  if (!statements) {
    statements = prepareHoldStatements(db);
    statementsByDb.set(db, statements);
  }
  return statements;
}

type Booking = typeof bookings.$inferSelect;

/**
 * What runs in the hold's own transaction once the slot is held (features/booking/book.ts:
 * `bookWithCredit` spends a credit and confirms there): whatever it throws undoes the hold,
 * and the client keeps the hold she had before. It may run again if PostgreSQL aborts the
 * transaction for a deadlock.
 */
export type InHold = (tx: Db, held: Booking) => Promise<Booking>;

/**
 * Holds a slot for a client for the hold time (30 min, Stripe Checkout's minimum). The slot
 * is checked against the current availability, and the exclusion constraint settles races:
 * of concurrent holds on one slot exactly one succeeds, the others get `slot_taken`.
 * The busy time near the slot is read first, without locks; the release of the client's earlier
 * hold and the insert then run in one transaction under `lockForHold`.
 */
export async function holdSlot(
  { db, now }: ServiceContext,
  input: { clientId: string; sessionTypeSlug: string; startsAt: Date; theme: string | null },
  inHold?: InHold,
): Promise<Booking> {
  const { settings, availability, sessionTypes: types } = await getBookingConfig(db);
  const type = types.find((t) => t.slug === input.sessionTypeSlug && t.active);
  if (!type) throw new AppError('not_found');
  const endsAt = new Date(input.startsAt.getTime() + type.durationMinutes * minute);
  const blockedUntil = new Date(endsAt.getTime() + settings.bufferMinutes * minute);
  const statements = holdStatements(db);

  const nearby = await statements.nearby.execute({
    // Placeholders outside a column's own values skip drizzle's encoding: pass the driver a string.
    from: new Date(input.startsAt.getTime() - day).toISOString(),
    to: new Date(input.startsAt.getTime() + day).toISOString(),
    clientId: input.clientId,
  });
  // A slot kept for a konbini payment (until its voucher's deadline) is as busy as a live hold.
  const isLive = (b: (typeof nearby)[number]) => b.status === 'confirmed' || isPlaceKept(b, now);
  const isNear = (b: (typeof nearby)[number]) =>
    b.start.getTime() < input.startsAt.getTime() + day && b.end.getTime() > input.startsAt.getTime() - day;
  const isOwnHold = (b: (typeof nearby)[number]) => b.status === 'held' && b.clientId === input.clientId;

  // Choosing the time she already holds resumes that hold (issue #12 item 6): same row, same expiry.
  const resumed = nearby.find(
    (b) =>
      isOwnHold(b) &&
      isHoldLive(b, now) &&
      b.sessionTypeId === type.id &&
      b.start.getTime() === input.startsAt.getTime(),
  );
  if (resumed) {
    const resume = async (tx: Db) => {
      const [booking] = await tx
        .update(bookings)
        .set({ theme: input.theme, updatedAt: now })
        .where(and(eq(bookings.id, resumed.id), eq(bookings.status, 'held')))
        .returning();
      return booking && inHold ? inHold(tx, booking) : booking;
    };
    const booking = inHold
      ? await retryTransientConflicts(() =>
          db.transaction(async (tx) => {
            await lockForHold(tx, input.clientId, resumed.start, resumed.blockedUntil);
            return resume(tx);
          }),
        )
      : await resume(db);
    if (booking) return booking;
  }

  // Lapsed holds never count as busy (the job marks them expired in its own time), nor do the
  // client's own holds, which this hold replaces.
  // Her own appointments (imported calendars) close the slot too; a hold already made is never undone by one.
  const imported = await listImportedBusy(db, {
    from: new Date(input.startsAt.getTime() - day),
    to: new Date(input.startsAt.getTime() + day),
  });
  const busy = [...nearby.filter((b) => isNear(b) && isLive(b) && !isOwnHold(b)), ...imported];
  const slotInput = {
    now,
    rules: availability.rules,
    overrides: availability.overrides,
    settings: slotSettingsFor(type, settings),
  };
  if (!findOpenSlot(input.startsAt, { ...slotInput, busy })) {
    // Taken by someone else just now, or a time the counselor never offered.
    throw new AppError(findOpenSlot(input.startsAt, { ...slotInput, busy: [] }) ? 'slot_taken' : 'slot_unavailable');
  }

  // A client holds one slot at a time (choosing another time replaces her hold), and lapsed
  // holds in this one's way are released before the insert (the constraint does not know a
  // hold has lapsed).
  const release = nearby
    .filter(
      (b) =>
        isOwnHold(b) ||
        ((b.status === 'held' || b.status === 'awaiting_payment') &&
          !isLive(b) &&
          b.start < blockedUntil &&
          b.blockedUntil > input.startsAt),
    )
    .map((b) => b.id)
    .sort();
  const values = {
    clientId: input.clientId,
    sessionTypeId: type.id,
    startsAt: input.startsAt,
    endsAt,
    blockedUntil,
    status: 'held' as const,
    holdExpiresAt: new Date(now.getTime() + settings.holdMinutes * minute),
    theme: input.theme,
    priceYen: type.priceYen,
    // Read in the insert, not from the cached config: the link she saved a second ago counts.
    meetingUrl: defaultMeetingUrlOf(type.id),
  };
  try {
    // One transaction, so a client who loses the race keeps the hold they had; run again if
    // PostgreSQL aborts it for a deadlock, so that no caller ever sees one.
    return await retryTransientConflicts(() =>
      db.transaction(async (tx) => {
        await lockForHold(tx, input.clientId, input.startsAt, blockedUntil);
        if (release.length > 0) {
          await tx
            .update(bookings)
            .set({ status: 'expired', updatedAt: now })
            .where(
              and(
                inArray(bookings.id, release),
                or(
                  and(eq(bookings.status, 'held'), eq(bookings.clientId, input.clientId)),
                  holdHasLapsedSql(bookings, now),
                ),
              ),
            );
        }
        const [booking] = await tx.insert(bookings).values(values).returning();
        return inHold ? inHold(tx, booking!) : booking!;
      }),
    );
  } catch (err) {
    // The exclusion constraint settles the race: another hold got there first.
    if (isExclusionViolation(err)) throw new AppError('slot_taken');
    throw err;
  }
}

/** The span of time one hold lock covers. */
const lockSpan = 30 * minute;

/**
 * The locks a hold takes, for the rest of its transaction and always in this order: the client
 * (two holds of one client take turns), then each 30-minute span its blocked time touches,
 * earliest first (holds that could overlap share a span, so they take turns; holds far apart
 * run side by side). Concurrent inserts into the exclusion constraint otherwise wait for each
 * other, and PostgreSQL aborts one of them as a deadlock (issue #14.4); under these locks the
 * later of two overlapping holds sees the earlier one committed and is refused at once.
 */
async function lockForHold(tx: Db, clientId: string, startsAt: Date, blockedUntil: Date) {
  const keys = [`kokoro:hold:client:${clientId}`];
  const first = Math.floor(startsAt.getTime() / lockSpan);
  const last = Math.floor((blockedUntil.getTime() - 1) / lockSpan);
  for (let span = first; span <= last; span++) keys.push(`kokoro:hold:span:${span}`);
  // One round trip; the locks are taken in the list's order (no key holds a comma).
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(t.key)) from unnest(string_to_array(${keys.join(',')}, ',')) with ordinality as t(key, n) order by t.n`,
  );
}
