import 'server-only';
import { and, asc, eq, inArray, min, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { courseCohorts, courseEnrollments, courseLessons, courseWaitlist, users } from '@/db/schema';
import { deliverQueued, queueNotice } from '@/features/mail/notice';
import { holdColumnsAs, holdHasLapsedSql } from '@/lib/holds';
import { absoluteUrl } from '@/lib/site-url';
import { whenFor } from '@/lib/time';
import { waitlistOfferHours } from './domain/terms';
import { courseMails } from './mails';

const HOUR_MS = 60 * 60 * 1000;

/** A seat offered to the next in line; `queued` is its offer mail, written with it (deliver after the commit). */
export type SeatOffer = { enrollmentId: string; clientId: string; cohortId: string; expiresAt: Date; queued: string[] };

/**
 * Locks a cohort's row for the rest of the transaction: every change that can take a seat
 * runs under this lock, so seats are counted and taken by one transaction at a time.
 */
export async function lockCohort(tx: Db, cohortId: string) {
  const [cohort] = await tx.select().from(courseCohorts).where(eq(courseCohorts.id, cohortId)).for('update');
  if (!cohort) return undefined;
  const [first] = await tx
    .select({ at: min(courseLessons.startsAt) })
    .from(courseLessons)
    .where(eq(courseLessons.cohortId, cohortId));
  return { ...cohort, firstLessonAt: first?.at ? new Date(first.at) : null };
}

export type LockedCohort = NonNullable<Awaited<ReturnType<typeof lockCohort>>>;

/** Held, awaiting and enrolled seats (call under the cohort's lock, after `settleSeats`). */
export async function countTakenSeats(tx: Db, cohortId: string): Promise<number> {
  return tx.$count(
    courseEnrollments,
    and(
      eq(courseEnrollments.cohortId, cohortId),
      inArray(courseEnrollments.status, ['held', 'awaiting_payment', 'enrolled']),
    ),
  );
}

/**
 * Under the cohort's lock: releases holds whose time is up, then offers each free seat to the
 * next in line as a 24-hour hold, its offer mail queued in the same transaction. Repeating it
 * changes nothing, so a seat is offered once. The caller delivers the offers' mails after its
 * commit (`deliverOfferMails`).
 */
export async function settleSeats(tx: Db, cohort: LockedCohort, now: Date): Promise<SeatOffer[]> {
  const lapsed = await tx
    .update(courseEnrollments)
    .set({ status: 'expired', updatedAt: now })
    .where(and(eq(courseEnrollments.cohortId, cohort.id), holdHasLapsedSql(courseEnrollments, now)))
    .returning({ id: courseEnrollments.id });
  if (lapsed.length > 0) {
    await tx
      .update(courseWaitlist)
      .set({ status: 'lapsed' })
      .where(
        and(
          eq(courseWaitlist.status, 'offered'),
          inArray(
            courseWaitlist.enrollmentId,
            lapsed.map((l) => l.id),
          ),
        ),
      );
  }
  // No offers once the cohort is cancelled or its first lesson has begun.
  if (cohort.status !== 'open' || (cohort.firstLessonAt && cohort.firstLessonAt <= now)) return [];
  const free = cohort.capacity - (await countTakenSeats(tx, cohort.id));
  if (free <= 0) return [];
  const line = await tx
    .select()
    .from(courseWaitlist)
    .where(and(eq(courseWaitlist.cohortId, cohort.id), eq(courseWaitlist.status, 'waiting')))
    .orderBy(asc(courseWaitlist.createdAt), asc(courseWaitlist.id))
    .limit(free);
  const offers: SeatOffer[] = [];
  for (const entry of line) {
    if (!entry.clientId) continue;
    const expiresAt = new Date(now.getTime() + waitlistOfferHours * HOUR_MS);
    const [seat] = await tx
      .insert(courseEnrollments)
      .values({
        cohortId: cohort.id,
        clientId: entry.clientId,
        status: 'held',
        holdExpiresAt: expiresAt,
        priceYen: cohort.priceYen,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: courseEnrollments.id });
    // A client who already holds a seat here leaves the line instead.
    await tx
      .update(courseWaitlist)
      .set(seat ? { status: 'offered', enrollmentId: seat.id, offeredAt: now } : { status: 'closed' })
      .where(eq(courseWaitlist.id, entry.id));
    if (seat)
      offers.push({
        enrollmentId: seat.id,
        clientId: entry.clientId,
        cohortId: cohort.id,
        expiresAt,
        queued: await queueOfferMail(tx, seat.id, entry.clientId, expiresAt),
      });
  }
  return offers;
}

/** The offer mail; the link opens the held seat's application. */
async function queueOfferMail(tx: Db, enrollmentId: string, clientId: string, expiresAt: Date): Promise<string[]> {
  const [client] = await tx.select().from(users).where(eq(users.id, clientId));
  if (!client) return [];
  const mail = courseMails.offer({
    until: whenFor(expiresAt, client.timeZone),
    url: absoluteUrl(`/courses/apply/${enrollmentId}`),
  });
  return queueNotice(
    tx,
    { to: client.email, ...mail },
    `waitlist offer ${enrollmentId}`,
    `waitlist-offer:${enrollmentId}`,
  );
}

/** After the commit: tells each client offered a seat (the job retries what fails now). */
export async function deliverOfferMails(db: Db, offers: SeatOffer[]): Promise<void> {
  await deliverQueued(
    db,
    offers.flatMap((o) => o.queued),
  );
}

/** Cohorts with a hold whose time is up, or a free seat and someone waiting: the job settles these. */
export async function cohortsToSettle(db: Db, now: Date): Promise<string[]> {
  // Plain SQL with explicit aliases: correlated subqueries need qualified columns.
  const rows = await db.execute<{ id: string }>(sql`
    select distinct e.cohort_id as id from course_enrollments e
      where ${holdHasLapsedSql(holdColumnsAs('e'), now)}
    union
    select c.id from course_cohorts c
      where c.status = 'open'
        and exists (select 1 from course_waitlist w where w.cohort_id = c.id and w.status = 'waiting')
        and (select count(*) from course_enrollments e where e.cohort_id = c.id and e.status in ('held', 'awaiting_payment', 'enrolled')) < c.capacity`);
  return (Array.isArray(rows) ? rows : (rows as { rows: { id: string }[] }).rows).map((r) => r.id);
}
