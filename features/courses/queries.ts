import 'server-only';
import { and, asc, desc, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { courseCohorts, courseEnrollments, courseLessons, courses, courseWaitlist, payments, users } from '@/db/schema';
import { paidWithoutRefundSql, paymentsOf } from '@/features/payments/queries';
import { holdColumnsAs, placeIsKeptSql } from '@/lib/holds';
import { isUuid } from '@/lib/ids';

/**
 * Seats taken as a visitor should see them: enrolled, and held seats whose time is not up.
 * Written with explicit table names: drizzle leaves columns unqualified in a one-table select,
 * which inside this subquery would compare the enrolment's columns with themselves.
 */
function seatsTakenSql(now: Date) {
  return sql<number>`(select count(*)::int from course_enrollments e where e.cohort_id = course_cohorts.id and (e.status = 'enrolled' or ${placeIsKeptSql(holdColumnsAs('e'), now)}))`;
}

export async function listCourses(db: Db, options: { includeInactive?: boolean } = {}) {
  return db
    .select()
    .from(courses)
    .where(options.includeInactive ? undefined : eq(courses.active, true))
    .orderBy(asc(courses.sortOrder), asc(courses.createdAt));
}

/** The price shown on the home page and the 特商法 page: each active course's open cohorts' price range. */
export async function listCoursePrices(db: Db) {
  return db
    .select({
      title: courses.title,
      slug: courses.slug,
      minYen: sql<number>`min(${courseCohorts.priceYen})::int`,
      maxYen: sql<number>`max(${courseCohorts.priceYen})::int`,
    })
    .from(courses)
    .innerJoin(courseCohorts, and(eq(courseCohorts.courseId, courses.id), eq(courseCohorts.status, 'open')))
    .where(eq(courses.active, true))
    .groupBy(courses.id)
    .orderBy(asc(courses.sortOrder));
}

/** Lessons in start order (the id settles a tie), the order that numbers them 第1回, 第2回… everywhere. */
async function lessonsOf(db: Db, cohortIds: string[]) {
  if (cohortIds.length === 0) return [];
  return db
    .select()
    .from(courseLessons)
    .where(inArray(courseLessons.cohortId, cohortIds))
    .orderBy(asc(courseLessons.startsAt), asc(courseLessons.id));
}

/** A cohort's lessons, for its .ics and the lesson mails. */
export async function listCohortLessons(db: Db, cohortId: string) {
  return lessonsOf(db, [cohortId]);
}

/** A course page: its open cohorts with lesson times (never links or materials) and seats taken. */
export async function getCourseBySlug(db: Db, slug: string, now: Date) {
  const [course] = await db
    .select()
    .from(courses)
    .where(and(eq(courses.slug, slug), eq(courses.active, true)))
    .limit(1);
  if (!course) return undefined;
  const cohorts = await db
    .select({ cohort: courseCohorts, seatsTaken: seatsTakenSql(now) })
    .from(courseCohorts)
    .where(and(eq(courseCohorts.courseId, course.id), eq(courseCohorts.status, 'open')))
    .orderBy(asc(courseCohorts.registrationDeadline));
  const lessons = await lessonsOf(
    db,
    cohorts.map((c) => c.cohort.id),
  );
  return {
    course,
    cohorts: cohorts.map(({ cohort, seatsTaken }) => ({
      ...cohort,
      seatsTaken: Number(seatsTaken),
      lessons: lessons
        .filter((l) => l.cohortId === cohort.id)
        .map((l) => ({ id: l.id, title: l.title, startsAt: l.startsAt, endsAt: l.endsAt })),
    })),
  };
}

/** What a client has going with a course's cohorts: live seats and places in line. */
export async function getClientCourseStanding(db: Db, clientId: string, cohortIds: string[]) {
  if (cohortIds.length === 0) return { seats: [], waiting: [] };
  const seats = await db
    .select()
    .from(courseEnrollments)
    .where(
      and(
        eq(courseEnrollments.clientId, clientId),
        inArray(courseEnrollments.cohortId, cohortIds),
        inArray(courseEnrollments.status, ['held', 'awaiting_payment', 'enrolled']),
      ),
    );
  const waiting = await db
    .select()
    .from(courseWaitlist)
    .where(
      and(
        eq(courseWaitlist.clientId, clientId),
        inArray(courseWaitlist.cohortId, cohortIds),
        eq(courseWaitlist.status, 'waiting'),
      ),
    );
  return { seats, waiting };
}

/** A seat with its cohort, course and lessons (times only), for the application page. */
export async function getEnrollment(db: Db, enrollmentId: string) {
  if (!isUuid(enrollmentId)) return undefined;
  const [row] = await db
    .select({ enrollment: courseEnrollments, cohort: courseCohorts, course: courses })
    .from(courseEnrollments)
    .innerJoin(courseCohorts, eq(courseCohorts.id, courseEnrollments.cohortId))
    .innerJoin(courses, eq(courses.id, courseCohorts.courseId))
    .where(eq(courseEnrollments.id, enrollmentId))
    .limit(1);
  if (!row) return undefined;
  const lessons = await lessonsOf(db, [row.cohort.id]);
  return {
    ...row,
    lessons: lessons.map((l) => ({ id: l.id, title: l.title, startsAt: l.startsAt, endsAt: l.endsAt })),
  };
}

/**
 * A cohort as its enrolled client sees it, with meeting links and materials; undefined for
 * anyone without an enrolled seat in it (the page answers 404).
 */
export async function getEnrolledCohort(db: Db, input: { cohortId: string; clientId: string }) {
  if (!isUuid(input.cohortId)) return undefined;
  const [row] = await db
    .select({ enrollment: courseEnrollments, cohort: courseCohorts, course: courses })
    .from(courseEnrollments)
    .innerJoin(courseCohorts, eq(courseCohorts.id, courseEnrollments.cohortId))
    .innerJoin(courses, eq(courses.id, courseCohorts.courseId))
    .where(
      and(
        eq(courseEnrollments.cohortId, input.cohortId),
        eq(courseEnrollments.clientId, input.clientId),
        eq(courseEnrollments.status, 'enrolled'),
      ),
    )
    .limit(1);
  if (!row) return undefined;
  const [payment] = await db
    .select({ id: payments.id })
    .from(payments)
    .where(
      and(
        paymentsOf('course', row.enrollment.id),
        inArray(payments.status, ['paid', 'partially_refunded', 'refunded']),
      ),
    )
    .limit(1);
  return { ...row, lessons: await lessonsOf(db, [row.cohort.id]), paymentId: payment?.id };
}

/** The portal's list: the client's seats (held with time left, or enrolled) and places in line. */
export async function listClientCourses(db: Db, clientId: string, now: Date) {
  const seats = await db
    .select({
      enrollment: courseEnrollments,
      cohortName: courseCohorts.name,
      courseTitle: courses.title,
      cohortStatus: courseCohorts.status,
    })
    .from(courseEnrollments)
    .innerJoin(courseCohorts, eq(courseCohorts.id, courseEnrollments.cohortId))
    .innerJoin(courses, eq(courses.id, courseCohorts.courseId))
    .where(
      and(
        eq(courseEnrollments.clientId, clientId),
        or(eq(courseEnrollments.status, 'enrolled'), placeIsKeptSql(courseEnrollments, now)),
      ),
    )
    .orderBy(desc(courseEnrollments.createdAt));
  const waiting = await db
    .select({ entry: courseWaitlist, cohortName: courseCohorts.name, courseTitle: courses.title, slug: courses.slug })
    .from(courseWaitlist)
    .innerJoin(courseCohorts, eq(courseCohorts.id, courseWaitlist.cohortId))
    .innerJoin(courses, eq(courses.id, courseCohorts.courseId))
    .where(and(eq(courseWaitlist.clientId, clientId), eq(courseWaitlist.status, 'waiting')));
  return { seats, waiting };
}

/** The counselor's view of a cohort: lessons, roster with payment state, the line. */
export async function getCohortForCounselor(db: Db, cohortId: string) {
  if (!isUuid(cohortId)) return undefined;
  const [row] = await db
    .select({ cohort: courseCohorts, course: courses })
    .from(courseCohorts)
    .innerJoin(courses, eq(courses.id, courseCohorts.courseId))
    .where(eq(courseCohorts.id, cohortId))
    .limit(1);
  if (!row) return undefined;
  const roster = await db
    .select({
      enrollment: courseEnrollments,
      familyName: users.familyName,
      givenName: users.givenName,
      email: users.email,
      paymentStatus: payments.status,
      paidYen: payments.amountYen,
      refundedYen: payments.refundedYen,
    })
    .from(courseEnrollments)
    .leftJoin(users, eq(users.id, courseEnrollments.clientId))
    .leftJoin(
      payments,
      and(
        paymentsOf('course', courseEnrollments.id),
        inArray(payments.status, ['paid', 'partially_refunded', 'refunded']),
      ),
    )
    .where(
      and(
        eq(courseEnrollments.cohortId, cohortId),
        inArray(courseEnrollments.status, ['held', 'awaiting_payment', 'enrolled', 'cancelled']),
      ),
    )
    .orderBy(asc(courseEnrollments.createdAt));
  const line = await db
    .select({ entry: courseWaitlist, familyName: users.familyName, givenName: users.givenName, email: users.email })
    .from(courseWaitlist)
    .leftJoin(users, eq(users.id, courseWaitlist.clientId))
    .where(and(eq(courseWaitlist.cohortId, cohortId), inArray(courseWaitlist.status, ['waiting', 'offered'])))
    .orderBy(asc(courseWaitlist.createdAt), asc(courseWaitlist.id));
  return { ...row, lessons: await lessonsOf(db, [cohortId]), roster, line };
}

export async function listCohortsForCounselor(db: Db, courseId: string, now: Date) {
  return db
    .select({ cohort: courseCohorts, seatsTaken: seatsTakenSql(now) })
    .from(courseCohorts)
    .where(eq(courseCohorts.courseId, courseId))
    .orderBy(desc(courseCohorts.registrationDeadline));
}

/** Everyone enrolled in a cohort, for the counselor's message to all participants and the lesson mails. */
export async function listEnrolledClients(db: Db, cohortId: string) {
  return db
    .select({ enrollmentId: courseEnrollments.id, email: users.email, timeZone: users.timeZone })
    .from(courseEnrollments)
    .innerJoin(users, eq(users.id, courseEnrollments.clientId))
    .where(and(eq(courseEnrollments.cohortId, cohortId), eq(courseEnrollments.status, 'enrolled')));
}

/** Every seat and place in line a client ever had, for their data export. */
export async function exportClientCourses(db: Db, clientId: string) {
  const seats = await db
    .select({
      course: courses.title,
      cohort: courseCohorts.name,
      status: courseEnrollments.status,
      applicationAnswer: courseEnrollments.applicationAnswer,
      priceYen: courseEnrollments.priceYen,
      createdAt: courseEnrollments.createdAt,
    })
    .from(courseEnrollments)
    .innerJoin(courseCohorts, eq(courseCohorts.id, courseEnrollments.cohortId))
    .innerJoin(courses, eq(courses.id, courseCohorts.courseId))
    .where(eq(courseEnrollments.clientId, clientId))
    .orderBy(desc(courseEnrollments.createdAt));
  const waitlist = await db
    .select({
      course: courses.title,
      cohort: courseCohorts.name,
      status: courseWaitlist.status,
      joinedAt: courseWaitlist.createdAt,
    })
    .from(courseWaitlist)
    .innerJoin(courseCohorts, eq(courseCohorts.id, courseWaitlist.cohortId))
    .innerJoin(courses, eq(courses.id, courseCohorts.courseId))
    .where(eq(courseWaitlist.clientId, clientId));
  return { seats, waitlist };
}

/** Lessons of open cohorts that start in [from, to), with their cohort and course, for the counselor's agenda. */
export async function listLessonsBetween(db: Db, from: Date, to: Date) {
  return db
    .select({
      id: courseLessons.id,
      title: courseLessons.title,
      startsAt: courseLessons.startsAt,
      endsAt: courseLessons.endsAt,
      meetingUrl: courseLessons.meetingUrl,
      cohortId: courseCohorts.id,
      cohortName: courseCohorts.name,
      courseTitle: courses.title,
    })
    .from(courseLessons)
    .innerJoin(courseCohorts, eq(courseCohorts.id, courseLessons.cohortId))
    .innerJoin(courses, eq(courses.id, courseCohorts.courseId))
    .where(and(gte(courseLessons.startsAt, from), lt(courseLessons.startsAt, to), eq(courseCohorts.status, 'open')))
    .orderBy(asc(courseLessons.startsAt), asc(courseLessons.id));
}

/**
 * Open cohorts whose application deadline falls within [now, until) and that still have free
 * seats (enrolled and live holds counted as a visitor sees them).
 */
export async function listCohortsClosingWithSeats(db: Db, now: Date, until: Date) {
  const taken = seatsTakenSql(now);
  return db
    .select({
      cohortId: courseCohorts.id,
      cohortName: courseCohorts.name,
      courseTitle: courses.title,
      registrationDeadline: courseCohorts.registrationDeadline,
      capacity: courseCohorts.capacity,
      seatsTaken: taken,
    })
    .from(courseCohorts)
    .innerJoin(courses, eq(courses.id, courseCohorts.courseId))
    .where(
      and(
        eq(courseCohorts.status, 'open'),
        gte(courseCohorts.registrationDeadline, now),
        lt(courseCohorts.registrationDeadline, until),
        sql`${taken} < ${courseCohorts.capacity}`,
      ),
    )
    .orderBy(asc(courseCohorts.registrationDeadline));
}

/**
 * Seats paid for but not enrolled (held or lapsed, with no refund recorded): the payment
 * arrived and nothing fulfilled it. Payments newer than `paidBefore` are still being handled.
 */
export async function listPaidUnfulfilledSeats(db: Db, paidBefore: Date) {
  return db
    .select({
      enrollmentId: courseEnrollments.id,
      cohortId: courseCohorts.id,
      cohortName: courseCohorts.name,
      status: courseEnrollments.status,
      familyName: users.familyName,
      givenName: users.givenName,
      paidAt: payments.paidAt,
      amountYen: payments.amountYen,
    })
    .from(courseEnrollments)
    .innerJoin(courseCohorts, eq(courseCohorts.id, courseEnrollments.cohortId))
    .innerJoin(payments, paymentsOf('course', courseEnrollments.id))
    .leftJoin(users, eq(users.id, courseEnrollments.clientId))
    .where(and(inArray(courseEnrollments.status, ['held', 'expired']), paidWithoutRefundSql(paidBefore)))
    .orderBy(asc(payments.paidAt));
}
