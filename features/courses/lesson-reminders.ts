import 'server-only';
import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { courseCohorts, courseEnrollments, courseLessonReminders, courseLessons, users } from '@/db/schema';
import { deliverNotice, enqueueNotice } from '@/features/mail/outbox';
import { reminderLeadHours } from '@/lib/site-config';
import { absoluteUrl } from '@/lib/site-url';
import { whenFor } from '@/lib/time';
import { lessonNumber, lessonReminderWindow } from './domain/lessons';
import { lessonMails } from './lesson-mails';
import { listCohortLessons } from './queries';

type Claim = typeof courseLessonReminders.$inferSelect;

// A lesson's enrolled seats, of an open cohort, with a client to write to.
const openCohort = and(eq(courseCohorts.id, courseLessons.cohortId), eq(courseCohorts.status, 'open'));
const enrolledSeat = and(
  eq(courseEnrollments.cohortId, courseLessons.cohortId),
  eq(courseEnrollments.status, 'enrolled'),
);
const seatClient = eq(users.id, courseEnrollments.clientId);

/**
 * Claims the reminders due now: every enrolled seat of an open cohort, for each lesson that
 * starts within the lead. The claim is a row keyed by seat, lesson and start time, inserted
 * with ON CONFLICT DO NOTHING: two workers never both claim one, and a lesson that moves is
 * due again at its new time. Cancelled seats and cancelled cohorts are never claimed.
 */
export async function claimDueLessonReminders(
  db: Db,
  now: Date,
  leadHours: number = reminderLeadHours.lesson,
): Promise<Claim[]> {
  const { after, until } = lessonReminderWindow(now, leadHours);
  const due = db
    .select({
      lessonId: courseLessons.id,
      enrollmentId: courseEnrollments.id,
      startsAt: courseLessons.startsAt,
      sentAt: sql`${now.toISOString()}::timestamptz`.as('sent_at'),
    })
    .from(courseLessons)
    .innerJoin(courseCohorts, openCohort)
    .innerJoin(courseEnrollments, enrolledSeat)
    .innerJoin(users, seatClient)
    .where(and(gt(courseLessons.startsAt, after), lte(courseLessons.startsAt, until)));
  return db.insert(courseLessonReminders).select(due).onConflictDoNothing().returning();
}

/** A claim's lesson and seat as they are now: none if the lesson moved or the seat or cohort was cancelled since. */
async function reminderToSend(db: Db, claim: Claim) {
  const [row] = await db
    .select({
      cohortId: courseLessons.cohortId,
      startsAt: courseLessons.startsAt,
      email: users.email,
      timeZone: users.timeZone,
    })
    .from(courseLessons)
    .innerJoin(courseCohorts, openCohort)
    .innerJoin(courseEnrollments, enrolledSeat)
    .innerJoin(users, seatClient)
    .where(
      and(
        eq(courseLessons.id, claim.lessonId),
        eq(courseEnrollments.id, claim.enrollmentId),
        eq(courseLessons.startsAt, claim.startsAt),
      ),
    );
  return row;
}

/**
 * Sends the due lesson reminders, each once. The claims and their notices are one transaction:
 * a worker that dies after it leaves the notices in the outbox for the delivery job, keyed by
 * seat, lesson and start so nothing claims them twice.
 */
export async function sendDueLessonReminders(db: Db, now: Date): Promise<number> {
  const { claimed, queued } = await db.transaction(async (tx) => {
    const claims = await claimDueLessonReminders(tx, now);
    const lessonsByCohort = new Map<string, Awaited<ReturnType<typeof listCohortLessons>>>();
    const ids: string[] = [];
    for (const claim of claims) {
      const row = await reminderToSend(tx, claim);
      if (!row) continue;
      if (!lessonsByCohort.has(row.cohortId))
        lessonsByCohort.set(row.cohortId, await listCohortLessons(tx, row.cohortId));
      const url = absoluteUrl(`/portal/courses/${row.cohortId}`);
      const number = lessonNumber(lessonsByCohort.get(row.cohortId)!, claim.lessonId);
      const mail = lessonMails.reminder({ number, when: whenFor(row.startsAt, row.timeZone), url });
      const id = await enqueueNotice(
        tx,
        { to: row.email, ...mail },
        `lesson reminder, lesson ${claim.lessonId}, seat ${claim.enrollmentId}`,
        { key: lessonReminderKey(claim), now },
      );
      if (id) ids.push(id);
    }
    return { claimed: claims.length, queued: ids };
  });
  for (const id of queued) await deliverNotice(db, id, { now });
  return claimed;
}

/** One reminder per seat, lesson and start, ever. */
export const lessonReminderKey = (claim: { lessonId: string; enrollmentId: string; startsAt: Date }) =>
  `reminder:lesson:${claim.lessonId}:${claim.enrollmentId}:${claim.startsAt.toISOString()}`;
