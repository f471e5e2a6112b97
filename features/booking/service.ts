import 'server-only';
import { and, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { ServiceContext } from '@/lib/service';
import { bookings, type PolicyTier, sessionTypes } from '@/db/schema';
import { AppError, isExclusionViolation } from '@/lib/errors';
import { holdHasLapsedSql, isHoldLive } from '@/lib/holds';
import { cancellationPolicy, reminderLeadHours } from '@/lib/site-config';
import { deliverQueued } from '@/features/mail/notice';
import { noticeBookingRescheduled } from '@/features/notifications/triggers';
import { sessionCancellationTerms } from './domain/cancellation';
import { defaultMeetingUrlOf, getBookingSettings, getOpenSlots } from './queries';

const minute = 60 * 1000;

/**
 * Holds whose time is up are released (lazily here, and by the hold-expiry job); answers the
 * ids released, which the job keeps as its output.
 */
export async function releaseExpiredHolds({ db, now }: ServiceContext): Promise<string[]> {
  const released = await db
    .update(bookings)
    .set({ status: 'expired', updatedAt: now })
    .where(holdHasLapsedSql(bookings, now))
    .returning({ id: bookings.id });
  return released.map((r) => r.id);
}

/** The client agrees to the cancellation table before paying; the table is kept with the booking. */
export async function recordPolicyAgreement(
  { db, now }: ServiceContext,
  input: { bookingId: string; clientId: string },
) {
  const [row] = await db
    .update(bookings)
    .set({
      policy: cancellationPolicy.session.map((t) => ({ ...t })) as PolicyTier[],
      policyAgreedAt: now,
      updatedAt: now,
    })
    .where(and(eq(bookings.id, input.bookingId), eq(bookings.clientId, input.clientId), eq(bookings.status, 'held')))
    .returning();
  if (!row) throw new AppError('hold_expired');
  if (!isHoldLive(row, now)) throw new AppError('hold_expired');
  return row;
}

/**
 * Confirms a booking whose payment succeeded. A hold that already lapsed is taken back if
 * its time is still free; if someone else has it now (or it was cancelled, or booked with a
 * credit instead), the booking is lost and the caller refunds.
 */
export async function confirmPaidBooking(
  { db, now }: ServiceContext,
  bookingId: string,
): Promise<'confirmed' | 'already' | 'lost'> {
  const [current] = await db
    .select({ status: bookings.status, paidWith: bookings.paidWith })
    .from(bookings)
    .where(eq(bookings.id, bookingId))
    .limit(1);
  if (!current) return 'lost';
  // Booked with a package's credit meanwhile (its Checkout could not be closed): this payment
  // pays for nothing and is refunded.
  if (current.paidWith === 'credit') return 'lost';
  if (current.status === 'confirmed' || current.status === 'completed' || current.status === 'no_show')
    return 'already';
  if (current.status === 'cancelled') return 'lost';
  try {
    // A savepoint, so that a constraint violation leaves the caller's transaction usable.
    const updated = await db.transaction(async (sp) =>
      sp
        .update(bookings)
        .set({
          status: 'confirmed',
          holdExpiresAt: null,
          // The session type's default link, if the booking has none yet (set after the hold was made).
          meetingUrl: sql`coalesce(${bookings.meetingUrl}, ${defaultMeetingUrlOf(bookings.sessionTypeId)})`,
          updatedAt: now,
        })
        .where(and(eq(bookings.id, bookingId), inArray(bookings.status, ['held', 'awaiting_payment', 'expired'])))
        .returning({ id: bookings.id }),
    );
    return updated.length > 0 ? 'confirmed' : 'already';
  } catch (err) {
    if (isExclusionViolation(err)) return 'lost';
    throw err;
  }
}

/** Releases the hold of a checkout that expired or failed, or the slot kept for a konbini payment that lapsed. */
export async function releaseHold({ db, now }: ServiceContext, bookingId: string): Promise<void> {
  await db
    .update(bookings)
    .set({ status: 'expired', updatedAt: now })
    .where(and(eq(bookings.id, bookingId), inArray(bookings.status, ['held', 'awaiting_payment'])));
}

/**
 * The client chose konbini and her voucher is out: the slot is kept for her until `until` (the
 * voucher's deadline and a grace), blocking it like a hold (the exclusion constraint covers
 * `awaiting_payment`). A hold that lapsed meanwhile is taken back if the time is still free;
 * if someone else has it now (or it was cancelled), `lost`.
 */
export async function awaitBookingPayment(
  { db, now }: ServiceContext,
  bookingId: string,
  until: Date,
): Promise<'awaiting' | 'already' | 'lost'> {
  const [current] = await db
    .select({ status: bookings.status })
    .from(bookings)
    .where(eq(bookings.id, bookingId))
    .limit(1);
  if (!current || current.status === 'cancelled') return 'lost';
  if (current.status === 'confirmed' || current.status === 'completed' || current.status === 'no_show')
    return 'already';
  try {
    // A savepoint, so that a constraint violation leaves the caller's transaction usable.
    const updated = await db.transaction(async (sp) =>
      sp
        .update(bookings)
        .set({ status: 'awaiting_payment', holdExpiresAt: until, updatedAt: now })
        .where(and(eq(bookings.id, bookingId), inArray(bookings.status, ['held', 'expired'])))
        .returning({ id: bookings.id }),
    );
    return updated.length > 0 ? 'awaiting' : 'already';
  } catch (err) {
    if (isExclusionViolation(err)) return 'lost';
    throw err;
  }
}

/**
 * Cancels a confirmed booking under the table the client agreed to; returns the refund due (the
 * counselor may also cancel one awaiting its konbini payment: nothing to refund).
 * The status guard makes a repeated cancellation do nothing. With `expectedFeeYen` (the fee the
 * client was shown), a fee that has changed since (a tier boundary passed) cancels nothing.
 */
export async function cancelBooking(
  { db, now }: ServiceContext,
  input: { bookingId: string; by: 'client' | 'counselor'; expectedFeeYen?: number },
) {
  const [booking] = await db.select().from(bookings).where(eq(bookings.id, input.bookingId)).limit(1);
  // A booking awaiting its konbini payment: nothing was paid, so nothing is refunded; the
  // counselor may cancel it (the caller closes the voucher), the client lets it lapse.
  const awaitingPayment = booking?.status === 'awaiting_payment' && input.by === 'counselor';
  if (!booking || (booking.status !== 'confirmed' && !awaitingPayment)) throw new AppError('not_cancellable');
  const terms = sessionCancellationTerms({
    policy: booking.policy ?? cancellationPolicy.session,
    startsAt: booking.startsAt,
    now,
    priceYen: booking.priceYen,
    cancelledBy: input.by,
    ...(awaitingPayment ? { priceYen: 0 } : {}),
  });
  if (terms.started && input.by === 'client') throw new AppError('not_cancellable');
  if (input.expectedFeeYen !== undefined && input.expectedFeeYen !== terms.feeYen) {
    throw new AppError('cancellation_terms_changed');
  }
  const [updated] = await db
    .update(bookings)
    .set({ status: 'cancelled', cancelledAt: now, cancelledBy: input.by, updatedAt: now })
    .where(and(eq(bookings.id, booking.id), eq(bookings.status, booking.status)))
    .returning({ id: bookings.id });
  if (!updated) throw new AppError('not_cancellable');
  return { booking, terms, awaitingPayment };
}

/** Moves a confirmed booking to another open slot, keeping its payment; free only while cancelling is. */
export async function rescheduleBooking(
  { db, now }: ServiceContext,
  input: { bookingId: string; clientId: string; startsAt: Date },
) {
  const [row] = await db
    .select({ booking: bookings, type: sessionTypes })
    .from(bookings)
    .innerJoin(sessionTypes, eq(sessionTypes.id, bookings.sessionTypeId))
    .where(and(eq(bookings.id, input.bookingId), eq(bookings.clientId, input.clientId)))
    .limit(1);
  if (!row || row.booking.status !== 'confirmed') throw new AppError('not_cancellable');
  const terms = sessionCancellationTerms({
    policy: row.booking.policy ?? cancellationPolicy.session,
    startsAt: row.booking.startsAt,
    now,
    priceYen: row.booking.priceYen,
    cancelledBy: 'client',
  });
  if (!terms.freeReschedule) throw new AppError('reschedule_not_allowed');
  const open = await getOpenSlots(db, row.type, now, { around: input.startsAt });
  if (!open.some((s) => s.start.getTime() === input.startsAt.getTime())) throw new AppError('slot_taken');
  const settings = await getBookingSettings(db);
  const endsAt = new Date(input.startsAt.getTime() + row.type.durationMinutes * minute);
  // One UPDATE: the booking is never in two places, and the constraint still holds. The
  // counselor's notice commits with it.
  const queued = await db.transaction(async (tx) => {
    let moved: { id: string }[];
    try {
      moved = await tx
        .update(bookings)
        .set({
          startsAt: input.startsAt,
          endsAt,
          blockedUntil: new Date(endsAt.getTime() + settings.bufferMinutes * minute),
          reminderSentAt: null,
          updatedAt: now,
        })
        .where(and(eq(bookings.id, row.booking.id), eq(bookings.status, 'confirmed')))
        .returning({ id: bookings.id });
    } catch (err) {
      if (isExclusionViolation(err)) throw new AppError('slot_taken');
      throw err;
    }
    // Cancelled meanwhile (another tab): nothing moved, nobody is told.
    if (moved.length === 0) throw new AppError('not_cancellable');
    return noticeBookingRescheduled(
      { db: tx, now },
      { bookingId: row.booking.id, from: row.booking.startsAt, to: input.startsAt, sessionName: row.type.name },
    );
  });
  await deliverQueued(db, queued);
}

/** The counselor records how a session went. */
export async function markBookingOutcome(
  { db, now }: ServiceContext,
  input: { bookingId: string; outcome: 'completed' | 'no_show' },
) {
  const [row] = await db
    .update(bookings)
    .set({ status: input.outcome, updatedAt: now })
    .where(and(eq(bookings.id, input.bookingId), eq(bookings.status, 'confirmed'), lte(bookings.startsAt, now)))
    .returning({ id: bookings.id });
  if (!row) throw new AppError('not_cancellable');
}

/**
 * Claims the confirmed bookings whose reminder is due (starting within `hoursBefore`), each
 * exactly once: one UPDATE marks them, so two workers never claim the same booking. Call it in
 * the transaction that queues the reminders (jobs/workers.ts): the claim and the notice commit together.
 */
export async function claimDueReminders({ db, now }: ServiceContext, hoursBefore: number = reminderLeadHours.session) {
  return db
    .update(bookings)
    .set({ reminderSentAt: now })
    .where(
      and(
        eq(bookings.status, 'confirmed'),
        isNull(bookings.reminderSentAt),
        gt(bookings.startsAt, now),
        lte(bookings.startsAt, new Date(now.getTime() + hoursBefore * 60 * minute)),
      ),
    )
    .returning();
}

/** The theme the client chose in the questionnaire becomes the booking's (never shown in mail or calendars). */
export async function setBookingTheme(
  { db, now }: ServiceContext,
  input: { bookingId: string; clientId: string; theme: string | null },
): Promise<void> {
  await db
    .update(bookings)
    .set({ theme: input.theme, updatedAt: now })
    .where(and(eq(bookings.id, input.bookingId), eq(bookings.clientId, input.clientId)));
}
