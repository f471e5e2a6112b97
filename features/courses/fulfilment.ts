import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { courseCohorts, courseEnrollments, courses, type Payment, users } from '@/db/schema';
import { whenFor } from '@/lib/time';
import { queueNotice } from '@/features/mail/notice';
import { noticePaymentForLostSlot, noticeSeatEnrolled } from '@/features/notifications/triggers';
import type { Fulfilment } from '@/features/payments/fulfilment';
import { absoluteUrl } from '@/lib/site-url';
import { cohortIcsAttachments } from './calendar';
import { courseMails } from './mails';
import { listCohortLessons } from './queries';
import { awaitSeatPayment, confirmPaidEnrollment, releaseSeatHold } from './service';

async function seatWithClient(db: Db, enrollmentId: string) {
  const [row] = await db
    .select({ enrollment: courseEnrollments, cohort: courseCohorts, course: courses, user: users })
    .from(courseEnrollments)
    .innerJoin(courseCohorts, eq(courseCohorts.id, courseEnrollments.cohortId))
    .innerJoin(courses, eq(courses.id, courseCohorts.courseId))
    .innerJoin(users, eq(users.id, courseEnrollments.clientId))
    .where(eq(courseEnrollments.id, enrollmentId));
  return row;
}

/** In the confirming transaction: the enrolment mail, with every lesson of the cohort in one .ics. */
export async function queueEnrollmentConfirmed(db: Db, enrollmentId: string): Promise<string[]> {
  const row = await seatWithClient(db, enrollmentId);
  if (!row) return [];
  const lessons = await listCohortLessons(db, row.cohort.id);
  const url = absoluteUrl(`/portal/courses/${row.cohort.id}`);
  return queueNotice(
    db,
    {
      to: row.user.email,
      ...courseMails.enrolled({
        courseTitle: row.course.title,
        cohortName: row.cohort.name,
        firstLesson: lessons[0] ? whenFor(lessons[0].startsAt, row.user.timeZone) : '未定',
        priceYen: row.enrollment.priceYen,
        url,
      }),
      attachments: cohortIcsAttachments(lessons, url, row.cohort.calendarSequence),
    },
    `enrollment ${enrollmentId} confirmed`,
    `enrollment-confirmed:${enrollmentId}`,
  );
}

/** In the same transaction: the payment arrived after its seat was given up or its cohort cancelled; it is refunded in full; say so. */
async function queueLostEnrollment(db: Db, payment: Payment): Promise<string[]> {
  const row = await seatWithClient(db, payment.referenceId);
  if (!row) return [];
  const input = {
    courseTitle: row.course.title,
    amountYen: payment.amountYen,
    url: absoluteUrl(`/courses/${row.course.slug}`),
  };
  // A konbini voucher paid after the cohort was cancelled: not a seat lost to someone else.
  const mail =
    row.cohort.status === 'cancelled' && payment.method === 'konbini'
      ? courseMails.paidAfterCohortCancelled({ ...input, cohortName: row.cohort.name })
      : courseMails.lostAndRefunded(input);
  return queueNotice(
    db,
    { to: row.user.email, ...mail },
    `payment ${payment.id} refunded as lost`,
    `payment-lost:${payment.id}`,
  );
}

/** What a paid, expired or lost seat checkout does (registered in features/fulfilments.ts). */
export const courseFulfilment: Fulfilment = {
  confirmPaid: confirmPaidEnrollment,
  release: releaseSeatHold,
  awaitPayment: awaitSeatPayment,
  describe: async ({ db }, enrollmentId) => {
    const row = await seatWithClient(db, enrollmentId);
    if (!row) return undefined;
    return {
      what: `${row.course.title}・${row.cohort.name}`,
      url: absoluteUrl(`/courses/apply/${enrollmentId}`),
      againUrl: absoluteUrl(`/courses/${row.course.slug}`),
    };
  },
  notifyConfirmed: async (ctx, enrollmentId) => [
    ...(await queueEnrollmentConfirmed(ctx.db, enrollmentId)),
    ...(await noticeSeatEnrolled(ctx, enrollmentId)),
  ],
  notifyLost: async (ctx, payment) => [
    ...(await queueLostEnrollment(ctx.db, payment)),
    ...(await noticePaymentForLostSlot(ctx, {
      purpose: 'course',
      paymentId: payment.id,
      amountYen: payment.amountYen,
      enrollmentId: payment.referenceId,
    })),
  ],
  markRefundedOutside: async ({ db, now }, enrollmentId) => {
    await db
      .update(courseEnrollments)
      .set({ refundedOutsideAt: now, updatedAt: now })
      .where(and(eq(courseEnrollments.id, enrollmentId), isNull(courseEnrollments.refundedOutsideAt)));
  },
  lostRefundReason: 'course seat lost before payment completed',
};
