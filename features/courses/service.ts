import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { ServiceContext } from '@/lib/service';
import { courseCohorts, courseEnrollments, courses, courseWaitlist, type EnrollmentStatus } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { holdIsLiveSql } from '@/lib/holds';
import { cancellationPolicy } from '@/lib/site-config';
import { courseRefund, registrationState, seatHoldMinutes } from './domain/terms';
import {
  cohortsToSettle,
  countTakenSeats,
  deliverOfferMails,
  lockCohort,
  type LockedCohort,
  type SeatOffer,
  settleSeats,
} from './seats';

const MINUTE_MS = 60 * 1000;

async function lockOpenCohortOrThrow(tx: Db, cohortId: string): Promise<LockedCohort> {
  const cohort = await lockCohort(tx, cohortId);
  if (!cohort) throw new AppError('not_found');
  const [course] = await tx.select({ active: courses.active }).from(courses).where(eq(courses.id, cohort.courseId));
  if (!course?.active) throw new AppError('not_found');
  return cohort;
}

async function liveSeatOf(tx: Db, cohortId: string, clientId: string) {
  const [seat] = await tx
    .select()
    .from(courseEnrollments)
    .where(
      and(
        eq(courseEnrollments.cohortId, cohortId),
        eq(courseEnrollments.clientId, clientId),
        inArray(courseEnrollments.status, ['held', 'awaiting_payment', 'enrolled']),
      ),
    )
    .limit(1);
  return seat;
}

export type HoldResult = { status: 'held' | 'enrolled'; enrollmentId: string } | { status: 'full' };

/**
 * Holds a seat for 30 minutes, or answers `full` (the page then offers the waitlist). Seats
 * are counted under the cohort's row lock, and the database's trigger refuses an oversold
 * cohort besides: whatever the concurrency, held and paid seats never exceed the capacity.
 * Lapsed holds are released first, and a freed seat goes to the first in line, not to
 * whoever happens to ask next.
 */
export async function holdSeat(
  { db, now }: ServiceContext,
  input: { cohortId: string; clientId: string },
): Promise<HoldResult> {
  const { result, offers } = await db.transaction(async (tx) => {
    const cohort = await lockOpenCohortOrThrow(tx, input.cohortId);
    const offers = await settleSeats(tx, cohort, now);
    const own = await liveSeatOf(tx, cohort.id, input.clientId);
    if (own)
      return {
        result: { status: own.status === 'enrolled' ? 'enrolled' : 'held', enrollmentId: own.id } as HoldResult,
        offers,
      };
    const state = registrationState({
      ...cohort,
      seatsTaken: await countTakenSeats(tx, cohort.id),
      deadline: cohort.registrationDeadline,
      now,
    });
    if (state === 'closed' || state === 'cancelled') throw new AppError('registration_closed');
    if (state === 'full') return { result: { status: 'full' } as HoldResult, offers };
    const [seat] = await tx
      .insert(courseEnrollments)
      .values({
        cohortId: cohort.id,
        clientId: input.clientId,
        status: 'held',
        holdExpiresAt: new Date(now.getTime() + seatHoldMinutes * MINUTE_MS),
        priceYen: cohort.priceYen,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: courseEnrollments.id });
    return { result: { status: 'held', enrollmentId: seat!.id } as HoldResult, offers };
  });
  await deliverOfferMails(db, offers);
  return result;
}

/**
 * Puts the client in line for a full cohort (once). If a seat is free after all, it is
 * offered at once, to the first in line.
 */
export async function joinWaitlist(
  { db, now }: ServiceContext,
  input: { cohortId: string; clientId: string },
): Promise<{ status: 'waiting' | 'offered' | 'enrolled'; enrollmentId?: string }> {
  const { status, offers } = await db.transaction(async (tx) => {
    const cohort = await lockOpenCohortOrThrow(tx, input.cohortId);
    if (cohort.status !== 'open' || cohort.registrationDeadline <= now) throw new AppError('registration_closed');
    const own = await liveSeatOf(tx, cohort.id, input.clientId);
    if (own)
      return {
        status: {
          status: own.status === 'enrolled' ? ('enrolled' as const) : ('offered' as const),
          enrollmentId: own.id,
        },
        offers: [],
      };
    await tx
      .insert(courseWaitlist)
      .values({ cohortId: cohort.id, clientId: input.clientId, status: 'waiting', createdAt: now })
      .onConflictDoNothing();
    const offers = await settleSeats(tx, cohort, now);
    const mine = offers.find((o) => o.clientId === input.clientId);
    return {
      status: mine ? { status: 'offered' as const, enrollmentId: mine.enrollmentId } : { status: 'waiting' as const },
      offers,
    };
  });
  await deliverOfferMails(db, offers);
  return status;
}

/** The client leaves the line (an offered seat they hold stays theirs until it lapses). */
export async function leaveWaitlist(db: Db, input: { cohortId: string; clientId: string }): Promise<void> {
  await db
    .update(courseWaitlist)
    .set({ status: 'left' })
    .where(
      and(
        eq(courseWaitlist.cohortId, input.cohortId),
        eq(courseWaitlist.clientId, input.clientId),
        eq(courseWaitlist.status, 'waiting'),
      ),
    );
}

/** The application answer and the agreement to the course terms, recorded before paying. */
export async function recordApplication(
  { db, now }: ServiceContext,
  input: { enrollmentId: string; clientId: string; answer: string },
) {
  const [row] = await db
    .update(courseEnrollments)
    .set({
      applicationAnswer: input.answer,
      fullRefundUntilDaysBefore: cancellationPolicy.course.fullRefundUntilDaysBefore,
      policyAgreedAt: now,
      updatedAt: now,
    })
    .where(
      and(
        eq(courseEnrollments.id, input.enrollmentId),
        eq(courseEnrollments.clientId, input.clientId),
        holdIsLiveSql(courseEnrollments, now),
      ),
    )
    .returning();
  if (!row) throw new AppError('seat_hold_expired');
  return row;
}

/**
 * Keeps a held seat until the Checkout Session expires (never shortening a waitlist offer).
 * Fails when the hold has already lapsed.
 */
export async function extendSeatHold(
  { db, now }: ServiceContext,
  input: { enrollmentId: string; until: Date },
): Promise<void> {
  const [row] = await db
    .update(courseEnrollments)
    .set({ holdExpiresAt: input.until, updatedAt: now })
    .where(and(eq(courseEnrollments.id, input.enrollmentId), holdIsLiveSql(courseEnrollments, now)))
    .returning({ id: courseEnrollments.id });
  if (!row) throw new AppError('seat_hold_expired');
}

/**
 * Locks the seat's cohort and says whether the seat can be taken for its client: `already` in
 * one of the states given, `lost` when cancelled, the cohort no longer open, or (a hold that
 * lapsed) its place gone to someone else or to another seat of hers; otherwise `free`.
 */
async function seatToTake(
  tx: Db,
  enrollmentId: string,
  alreadyIn: EnrollmentStatus[],
): Promise<'free' | 'already' | 'lost'> {
  const [seat] = await tx.select().from(courseEnrollments).where(eq(courseEnrollments.id, enrollmentId)).limit(1);
  if (!seat) return 'lost';
  const cohort = await lockCohort(tx, seat.cohortId);
  const [current] = await tx.select().from(courseEnrollments).where(eq(courseEnrollments.id, enrollmentId)).limit(1);
  if (!cohort || !current) return 'lost';
  if (alreadyIn.includes(current.status)) return 'already';
  if (current.status === 'cancelled' || cohort.status !== 'open') return 'lost';
  if (current.status === 'expired' && (await countTakenSeats(tx, cohort.id)) >= cohort.capacity) return 'lost';
  // Another live seat of the same client (registered again after this hold lapsed) wins.
  if (current.status === 'expired' && current.clientId && (await liveSeatOf(tx, cohort.id, current.clientId)))
    return 'lost';
  return 'free';
}

/**
 * Enrols a client whose payment succeeded. A hold that lapsed is taken back if a seat is
 * still free; if the seat went to someone else (or the cohort was cancelled), it is lost and
 * the caller refunds.
 */
export async function confirmPaidEnrollment(
  { db: tx, now }: ServiceContext,
  enrollmentId: string,
): Promise<'confirmed' | 'already' | 'lost'> {
  const taken = await seatToTake(tx, enrollmentId, ['enrolled']);
  if (taken !== 'free') return taken;
  const updated = await tx
    .update(courseEnrollments)
    .set({ status: 'enrolled', holdExpiresAt: null, updatedAt: now })
    .where(
      and(
        eq(courseEnrollments.id, enrollmentId),
        inArray(courseEnrollments.status, ['held', 'awaiting_payment', 'expired']),
      ),
    )
    .returning({ id: courseEnrollments.id });
  await tx.update(courseWaitlist).set({ status: 'accepted' }).where(eq(courseWaitlist.enrollmentId, enrollmentId));
  return updated.length > 0 ? 'confirmed' : 'already';
}

/** A checkout that expired or failed: its seat is released and offered to the next in line. */
export async function releaseSeatHold({ db, now }: ServiceContext, enrollmentId: string): Promise<void> {
  const offers = await db.transaction(async (tx) => {
    const [seat] = await tx
      .select({ cohortId: courseEnrollments.cohortId })
      .from(courseEnrollments)
      .where(eq(courseEnrollments.id, enrollmentId));
    if (!seat) return [];
    const cohort = (await lockCohort(tx, seat.cohortId))!;
    const released = await tx
      .update(courseEnrollments)
      .set({ status: 'expired', updatedAt: now })
      .where(
        and(eq(courseEnrollments.id, enrollmentId), inArray(courseEnrollments.status, ['held', 'awaiting_payment'])),
      )
      .returning({ id: courseEnrollments.id });
    if (released.length > 0)
      await tx
        .update(courseWaitlist)
        .set({ status: 'lapsed' })
        .where(and(eq(courseWaitlist.enrollmentId, enrollmentId), eq(courseWaitlist.status, 'offered')));
    return settleSeats(tx, cohort, now);
  });
  await deliverOfferMails(db, offers);
}

/**
 * The client chose konbini and her voucher is out: the seat is kept for her until `until` (the
 * voucher's deadline and a grace), counted like a held one. Under the cohort's lock: a hold that
 * lapsed meanwhile is taken back if a seat is still free; `lost` if not (or the cohort was cancelled).
 */
export async function awaitSeatPayment(
  { db: tx, now }: ServiceContext,
  enrollmentId: string,
  until: Date,
): Promise<'awaiting' | 'already' | 'lost'> {
  const taken = await seatToTake(tx, enrollmentId, ['enrolled', 'awaiting_payment']);
  if (taken !== 'free') return taken;
  const updated = await tx
    .update(courseEnrollments)
    .set({ status: 'awaiting_payment', holdExpiresAt: until, updatedAt: now })
    .where(and(eq(courseEnrollments.id, enrollmentId), inArray(courseEnrollments.status, ['held', 'expired'])))
    .returning({ id: courseEnrollments.id });
  return updated.length > 0 ? 'awaiting' : 'already';
}

/** Releases every lapsed hold and offers freed seats (the job; holds are also released lazily). */
export async function releaseExpiredSeatHolds({ db, now }: ServiceContext): Promise<number> {
  let offered = 0;
  for (const cohortId of await cohortsToSettle(db, now)) {
    const offers = await db.transaction(async (tx) => settleSeats(tx, (await lockCohort(tx, cohortId))!, now));
    await deliverOfferMails(db, offers);
    offered += offers.length;
  }
  return offered;
}

/** Who cancels: a client only their own seat, the counselor any. */
export type SeatCanceller = { by: 'client'; clientId: string } | { by: 'counselor' };

/**
 * Cancels an enrolled seat under the course terms and returns the refund due: a client until
 * the first lesson, the counselor at any time and always in full. Freed seats go to the
 * waitlist; the caller mails the offers after its transaction commits.
 */
export async function cancelEnrollment(
  { db: tx, now }: ServiceContext,
  input: { enrollmentId: string } & SeatCanceller,
) {
  const ownSeat = input.by === 'client' ? eq(courseEnrollments.clientId, input.clientId) : undefined;
  const [seat] = await tx
    .select()
    .from(courseEnrollments)
    .where(and(eq(courseEnrollments.id, input.enrollmentId), ownSeat))
    .limit(1);
  // Another client's seat looks exactly like one that does not exist.
  if (!seat) throw new AppError('not_found');
  if (seat.status === 'cancelled') throw new AppError('enrollment_already_cancelled');
  if (seat.status !== 'enrolled') throw new AppError('enrollment_not_cancellable');
  const cohort = (await lockCohort(tx, seat.cohortId))!;
  const firstLessonAt = cohort.firstLessonAt ?? cohort.registrationDeadline;
  if (input.by === 'client' && firstLessonAt <= now) throw new AppError('enrollment_not_cancellable');
  const refund = courseRefund({
    fullRefundUntilDaysBefore: seat.fullRefundUntilDaysBefore ?? cancellationPolicy.course.fullRefundUntilDaysBefore,
    firstLessonAt,
    now,
    priceYen: seat.priceYen,
    cancelledBy: input.by,
  });
  const [updated] = await tx
    .update(courseEnrollments)
    .set({ status: 'cancelled', cancelledAt: now, cancelledBy: input.by, updatedAt: now })
    .where(and(eq(courseEnrollments.id, seat.id), eq(courseEnrollments.status, 'enrolled')))
    .returning();
  // Enrolled when read, not any more under the cohort's lock: a second click or another tab
  // cancelled it first (only a cancellation takes an enrolled seat), and refunded it once.
  if (!updated) throw new AppError('enrollment_already_cancelled');
  const offers = await settleSeats(tx, cohort, now);
  return { enrollment: updated, cohort, refund, offers };
}

/**
 * Cancels a whole cohort, once: every held and enrolled seat is cancelled and the line is
 * closed. The caller refunds each paid seat in full and tells everyone.
 */
export async function cancelCohort({ db: tx, now }: ServiceContext, input: { cohortId: string }) {
  const cohort = await lockCohort(tx, input.cohortId);
  if (!cohort) throw new AppError('not_found');
  if (cohort.status === 'cancelled') throw new AppError('enrollment_not_cancellable');
  await tx
    .update(courseCohorts)
    .set({ status: 'cancelled', cancelledAt: now, updatedAt: now })
    .where(eq(courseCohorts.id, cohort.id));
  const seats = await tx
    .update(courseEnrollments)
    .set({ status: 'cancelled', cancelledAt: now, cancelledBy: 'counselor', updatedAt: now })
    .where(
      and(
        eq(courseEnrollments.cohortId, cohort.id),
        inArray(courseEnrollments.status, ['held', 'awaiting_payment', 'enrolled']),
      ),
    )
    .returning();
  const line = await tx
    .update(courseWaitlist)
    .set({ status: 'closed' })
    .where(and(eq(courseWaitlist.cohortId, cohort.id), inArray(courseWaitlist.status, ['waiting', 'offered'])))
    .returning({ clientId: courseWaitlist.clientId });
  return { cohort, seats, waitingClientIds: line.map((l) => l.clientId).filter((id): id is string => Boolean(id)) };
}

export type { SeatOffer };
