import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { ServiceContext } from '@/lib/service';
import { courseCohorts, type CourseLesson, courseLessons, courses } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { fromJstLocal } from '@/lib/time';
import { type LessonChange, lessonChange } from './domain/lessons';
import { queueLessonChange } from './lesson-mails';
import { countTakenSeats, lockCohort, settleSeats, type SeatOffer } from './seats';
import type { z } from 'zod';
import type { cohortSchema, courseSchema, lessonSchema } from './schemas';

export async function saveCourse({ db, now }: ServiceContext, input: z.output<typeof courseSchema>): Promise<string> {
  const { id, ...values } = input;
  const [clash] = await db
    .select({ id: courses.id })
    .from(courses)
    .where(and(eq(courses.slug, values.slug), id ? ne(courses.id, id) : undefined))
    .limit(1);
  if (clash) throw new AppError('invalid_input', 'このURLの末尾はすでに使われています。別の言葉にしてください。');
  if (id) {
    const [row] = await db
      .update(courses)
      .set({ ...values, updatedAt: now })
      .where(eq(courses.id, id))
      .returning({ id: courses.id });
    if (!row) throw new AppError('not_found');
    return row.id;
  }
  const [row] = await db.insert(courses).values(values).returning({ id: courses.id });
  return row!.id;
}

/**
 * Creates or edits a cohort. A price change applies to new registrations only (each seat keeps
 * its price); the capacity cannot drop below the seats already taken, checked under the lock.
 * A raised capacity offers the new seats to the line at once.
 */
export async function saveCohort(
  { db, now }: ServiceContext,
  input: z.output<typeof cohortSchema>,
): Promise<{ id: string; offers: SeatOffer[] }> {
  const { id, registrationDeadline, ...values } = input;
  const deadline = fromJstLocal(registrationDeadline);
  if (!id) {
    const [row] = await db
      .insert(courseCohorts)
      .values({ ...values, registrationDeadline: deadline })
      .returning({ id: courseCohorts.id });
    return { id: row!.id, offers: [] };
  }
  return db.transaction(async (tx) => {
    const cohort = await lockCohort(tx, id);
    if (!cohort || cohort.courseId !== values.courseId) throw new AppError('not_found');
    if (values.capacity < (await countTakenSeats(tx, id))) throw new AppError('capacity_below_taken');
    await tx
      .update(courseCohorts)
      .set({
        name: values.name,
        capacity: values.capacity,
        priceYen: values.priceYen,
        registrationDeadline: deadline,
        updatedAt: now,
      })
      .where(eq(courseCohorts.id, id));
    const offers = await settleSeats(tx, { ...cohort, capacity: values.capacity }, now);
    return { id, offers };
  });
}

/** A saved lesson: what changed, and the participants' notices of it, queued with the save (delivered by `mailLessonChange`). */
export type SavedLesson = { lessonId: string; cohortId: string; change: LessonChange | null; queued: string[] };

/**
 * Creates or edits a lesson, and queues what its participants need to hear of it. The lesson's
 * row is locked while it is compared and written, so two saves at once each compare with what
 * the other left. A change raises the cohort's calendar sequence in the same transaction, so
 * every .ics built after it (mailed or downloaded) updates the events calendar apps have; its
 * mails commit with it.
 */
export async function saveLesson(
  { db, now }: ServiceContext,
  input: z.output<typeof lessonSchema>,
): Promise<SavedLesson> {
  const { id, cohortId, startsAt, minutes, meetingUrl, materialsReleaseAt, ...values } = input;
  const start = fromJstLocal(startsAt);
  const row = {
    ...values,
    startsAt: start,
    endsAt: new Date(start.getTime() + minutes * 60_000),
    meetingUrl: meetingUrl || null,
    materialsReleaseAt: fromJstLocal(materialsReleaseAt),
  };
  return db.transaction(async (tx) => {
    let before: CourseLesson | undefined;
    if (id) {
      [before] = await tx
        .select()
        .from(courseLessons)
        .where(and(eq(courseLessons.id, id), eq(courseLessons.cohortId, cohortId)))
        .for('update');
      if (!before) throw new AppError('not_found');
      await tx.update(courseLessons).set(row).where(eq(courseLessons.id, id));
    }
    const lessonId =
      before?.id ??
      (
        await tx
          .insert(courseLessons)
          .values({ ...row, cohortId })
          .returning({ id: courseLessons.id })
      )[0]!.id;
    const change = lessonChange(before, row);
    if (change) {
      await tx
        .update(courseCohorts)
        .set({ calendarSequence: sql`${courseCohorts.calendarSequence} + 1` })
        .where(eq(courseCohorts.id, cohortId));
    }
    const queued = await queueLessonChange({ db: tx, now }, { lessonId, cohortId, change });
    return { lessonId, cohortId, change, queued };
  });
}
