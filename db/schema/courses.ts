import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { coupons } from './coupons';

/** A course the counselor offers (the online psychology course); it runs in cohorts. */
export const courses = pgTable('courses', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  title: text('title').notNull(),
  summary: text('summary').notNull().default(''),
  /** Plain paragraphs separated by blank lines. */
  description: text('description').notNull().default(''),
  /** The short question asked of every applicant. */
  applicationQuestion: text('application_question').notNull().default(''),
  active: boolean('active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const cohortStatuses = ['open', 'cancelled'] as const;

/**
 * One run of a course. Seats are counted under a `FOR UPDATE` lock of this row: every change
 * that can take a seat (a hold, a waitlist offer, a late payment) happens under it.
 */
export const courseCohorts = pgTable(
  'course_cohorts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id),
    name: text('name').notNull(),
    capacity: integer('capacity').notNull(),
    /** Tax-inclusive yen (JPY has no minor unit). */
    priceYen: integer('price_yen').notNull(),
    registrationDeadline: timestamp('registration_deadline', { withTimezone: true }).notNull(),
    status: text('status', { enum: cohortStatuses }).notNull().default('open'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /**
     * The SEQUENCE of every event in the cohort's .ics, raised whenever a lesson is added or
     * changed: calendar apps then replace the events they already have (the UIDs stay) instead
     * of adding copies. One number for the cohort, since adding a lesson renumbers the later ones.
     */
    calendarSequence: integer('calendar_sequence').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('course_cohorts_capacity_check', sql`${t.capacity} between 1 and 1000`),
    check('course_cohorts_price_check', sql`${t.priceYen} > 0`),
    check('course_cohorts_status_check', sql`${t.status} in ('open', 'cancelled')`),
    index('course_cohorts_course').on(t.courseId),
  ],
);

/** A live online lesson; its meeting link and materials are shown only to enrolled clients. */
export const courseLessons = pgTable(
  'course_lessons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => courseCohorts.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    meetingUrl: text('meeting_url'),
    /** Markdown, shown from `materialsReleaseAt`. */
    materials: text('materials').notNull().default(''),
    materialsReleaseAt: timestamp('materials_release_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('course_lessons_time_order', sql`${t.startsAt} < ${t.endsAt}`),
    index('course_lessons_cohort').on(t.cohortId, t.startsAt),
  ],
);

export const enrollmentStatuses = ['held', 'awaiting_payment', 'enrolled', 'cancelled', 'expired'] as const;
export type EnrollmentStatus = (typeof enrollmentStatuses)[number];

/**
 * A seat: `held` (30 minutes for a registration, 24 hours for a waitlist offer) until paid,
 * then `enrolled`; `awaiting_payment` while a konbini voucher is unpaid (kept until its deadline).
 * Held, awaiting and enrolled seats of a cohort never exceed its capacity.
 */
export const courseEnrollments = pgTable(
  'course_enrollments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => courseCohorts.id),
    clientId: uuid('client_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: enrollmentStatuses }).notNull().default('held'),
    holdExpiresAt: timestamp('hold_expires_at', { withTimezone: true }),
    /** What the client pays for the seat: the cohort's price, less a coupon's discount when she used one. */
    priceYen: integer('price_yen').notNull(),
    /** The coupon applied before paying, and its discount (the list price is priceYen + discountYen). */
    couponId: uuid('coupon_id').references(() => coupons.id, { onDelete: 'set null' }),
    discountYen: integer('discount_yen').notNull().default(0),
    applicationAnswer: text('application_answer').notNull().default(''),
    /** The course terms the client agreed to before paying (days before the first lesson with a full refund). */
    fullRefundUntilDaysBefore: integer('full_refund_until_days_before'),
    policyAgreedAt: timestamp('policy_agreed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: text('cancelled_by', { enum: ['client', 'counselor', 'system'] }),
    /** Its payment was refunded outside this app (the Stripe dashboard): the counselor decides what follows. */
    refundedOutsideAt: timestamp('refunded_outside_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'course_enrollments_status_check',
      sql`${t.status} in ('held', 'awaiting_payment', 'enrolled', 'cancelled', 'expired')`,
    ),
    check(
      'course_enrollments_hold_has_expiry',
      sql`${t.status} not in ('held', 'awaiting_payment') or ${t.holdExpiresAt} is not null`,
    ),
    check('course_enrollments_price_check', sql`${t.priceYen} > 0`),
    // One live seat per client and cohort.
    uniqueIndex('course_enrollments_one_live_seat')
      .on(t.cohortId, t.clientId)
      .where(sql`${t.status} in ('held', 'awaiting_payment', 'enrolled')`),
    index('course_enrollments_cohort').on(t.cohortId, t.status),
    index('course_enrollments_client').on(t.clientId),
    index('course_enrollments_live_holds')
      .on(t.holdExpiresAt)
      .where(sql`${t.status} in ('held', 'awaiting_payment')`),
  ],
);

export const waitlistStatuses = ['waiting', 'offered', 'accepted', 'lapsed', 'left', 'closed'] as const;
export type WaitlistStatus = (typeof waitlistStatuses)[number];

/** The line for a full cohort, first come first offered; an offer is a 24-hour held seat. */
export const courseWaitlist = pgTable(
  'course_waitlist',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => courseCohorts.id),
    clientId: uuid('client_id').references(() => users.id, { onDelete: 'cascade' }),
    status: text('status', { enum: waitlistStatuses }).notNull().default('waiting'),
    enrollmentId: uuid('enrollment_id').references(() => courseEnrollments.id),
    offeredAt: timestamp('offered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'course_waitlist_status_check',
      sql`${t.status} in ('waiting', 'offered', 'accepted', 'lapsed', 'left', 'closed')`,
    ),
    check('course_waitlist_offer_has_seat', sql`${t.status} <> 'offered' or ${t.enrollmentId} is not null`),
    uniqueIndex('course_waitlist_one_place')
      .on(t.cohortId, t.clientId)
      .where(sql`${t.status} in ('waiting', 'offered')`),
    index('course_waitlist_line').on(t.cohortId, t.status, t.createdAt),
  ],
);

/**
 * The reminder before a lesson: one row per seat, lesson and start time, inserted with
 * ON CONFLICT DO NOTHING, so two workers never both claim one. A lesson that moves has a new
 * start time, and so a new reminder.
 */
export const courseLessonReminders = pgTable(
  'course_lesson_reminders',
  {
    lessonId: uuid('lesson_id')
      .notNull()
      .references(() => courseLessons.id, { onDelete: 'cascade' }),
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => courseEnrollments.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'course_lesson_reminders_once', columns: [t.lessonId, t.enrollmentId, t.startsAt] }),
    index('course_lesson_reminders_enrollment').on(t.enrollmentId),
  ],
);

export type Course = typeof courses.$inferSelect;
export type CourseCohort = typeof courseCohorts.$inferSelect;
export type CourseLesson = typeof courseLessons.$inferSelect;
export type CourseEnrollment = typeof courseEnrollments.$inferSelect;
export type WaitlistEntry = typeof courseWaitlist.$inferSelect;
