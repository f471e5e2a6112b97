import 'server-only';
import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { courseCohorts, courseEnrollments, courseLessonReminders, courseLessons, users } from '@/db/schema';
import { sendMail } from '@/features/mail/service';
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
 * Sends the due lesson reminders, each once; one that could not be sent is released and
 * tried again on the next run.
 */
export async function sendDueLessonReminders(db: Db, now: Date): Promise<number> {
  const claimed = await claimDueLessonReminders(db, now);
  const lessonsByCohort = new Map<string, Awaited<ReturnType<typeof listCohortLessons>>>();
  for (const claim of claimed) {
    try {
      const row = await reminderToSend(db, claim);
      if (!row) continue;
      if (!lessonsByCohort.has(row.cohortId))
        lessonsByCohort.set(row.cohortId, await listCohortLessons(db, row.cohortId));
      const url = absoluteUrl(`/portal/courses/${row.cohortId}`);
      const number = lessonNumber(lessonsByCohort.get(row.cohortId)!, claim.lessonId);
      await sendMail(db, {
        to: row.email,
        ...lessonMails.reminder({ number, when: whenFor(row.startsAt, row.timeZone), url }),
      });
    } catch (err) {
      console.error('[jobs] lesson reminder not sent, will retry', claim.lessonId, claim.enrollmentId, err);
      // A release that fails too (the database is away) must not stop the rest of the batch.
      await db
        .delete(courseLessonReminders)
        .where(
          and(
            eq(courseLessonReminders.lessonId, claim.lessonId),
            eq(courseLessonReminders.enrollmentId, claim.enrollmentId),
            eq(courseLessonReminders.startsAt, claim.startsAt),
          ),
        )
        .catch((releaseErr: unknown) =>
          console.error('[jobs] lesson reminder claim not released', claim.lessonId, claim.enrollmentId, releaseErr),
        );
    }
  }
  return claimed.length;
}
