import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { courseCohorts, courseLessons, courses } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { fromJstLocal } from '@/lib/publication-days';
import { countTakenSeats, lockCohort, settleSeats, type SeatOffer } from './seats';
import type { z } from 'zod';
import type { cohortSchema, courseSchema, lessonSchema } from './schemas';

export async function saveCourse(db: Db, input: z.output<typeof courseSchema>, now: Date): Promise<string> {
  const { id, ...values } = input;
  const [clash] = await db
    .select({ id: courses.id })
    .from(courses)
    .where(and(eq(courses.slug, values.slug), id ? ne(courses.id, id) : undefined))
    .limit(1);
  if (clash) throw new AppError('invalid_input', 'このスラッグはすでに使われています。別のスラッグにしてください。');
  if (id) {
    const [row] = await db.update(courses).set({ ...values, updatedAt: now }).where(eq(courses.id, id)).returning({ id: courses.id });
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
export async function saveCohort(db: Db, input: z.output<typeof cohortSchema>, now: Date): Promise<{ id: string; offers: SeatOffer[] }> {
  const { id, registrationDeadline, ...values } = input;
  const deadline = fromJstLocal(registrationDeadline);
  if (!id) {
    const [row] = await db.insert(courseCohorts).values({ ...values, registrationDeadline: deadline }).returning({ id: courseCohorts.id });
    return { id: row!.id, offers: [] };
  }
  return db.transaction(async (tx) => {
    const cohort = await lockCohort(tx, id);
    if (!cohort || cohort.courseId !== values.courseId) throw new AppError('not_found');
    if (values.capacity < (await countTakenSeats(tx, id))) throw new AppError('capacity_below_taken');
    await tx
      .update(courseCohorts)
      .set({ name: values.name, capacity: values.capacity, priceYen: values.priceYen, registrationDeadline: deadline, updatedAt: now })
      .where(eq(courseCohorts.id, id));
    const offers = await settleSeats(tx, { ...cohort, capacity: values.capacity }, now);
    return { id, offers };
  });
}

export async function saveLesson(db: Db, input: z.output<typeof lessonSchema>): Promise<void> {
  const { id, cohortId, startsAt, minutes, meetingUrl, materialsReleaseAt, ...values } = input;
  const start = fromJstLocal(startsAt);
  const row = {
    ...values,
    startsAt: start,
    endsAt: new Date(start.getTime() + minutes * 60_000),
    meetingUrl: meetingUrl || null,
    materialsReleaseAt: fromJstLocal(materialsReleaseAt),
  };
  if (id) {
    const [updated] = await db
      .update(courseLessons)
      .set(row)
      .where(and(eq(courseLessons.id, id), eq(courseLessons.cohortId, cohortId)))
      .returning({ id: courseLessons.id });
    if (!updated) throw new AppError('not_found');
  } else {
    await db.insert(courseLessons).values({ ...row, cohortId });
  }
}
