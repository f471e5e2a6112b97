import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { courseCohorts, courseEnrollments, courses, payments, users } from '@/db/schema';
import { cohortIcsAttachments } from '@/features/courses/calendar';
import { courseMails } from '@/features/courses/mails';
import { listCohortLessons } from '@/features/courses/queries';
import { sendNotice } from '@/features/mail/notice';
import { absoluteUrl } from '@/lib/site-url';
import { whenFor } from '@/lib/time';

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

/** The enrolment mail, with every lesson of the cohort in one .ics. */
export async function mailEnrollmentConfirmed(db: Db, enrollmentId: string): Promise<void> {
  const row = await seatWithClient(db, enrollmentId);
  if (!row) return;
  const lessons = await listCohortLessons(db, row.cohort.id);
  const url = absoluteUrl(`/portal/courses/${row.cohort.id}`);
  await sendNotice(
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
  );
}

/** The payment arrived after its seat was given up or its cohort cancelled: it is refunded in full; say so. */
export async function mailLostEnrollment(db: Db, paymentId: string): Promise<void> {
  const [payment] = await db.select().from(payments).where(eq(payments.id, paymentId));
  if (!payment?.enrollmentId) return;
  const row = await seatWithClient(db, payment.enrollmentId);
  if (row) {
    const mail = courseMails.lostAndRefunded({
      courseTitle: row.course.title,
      amountYen: payment.amountYen,
      url: absoluteUrl(`/courses/${row.course.slug}`),
    });
    await sendNotice(db, { to: row.user.email, ...mail }, `payment ${paymentId} refunded as lost`);
  }
}

/** The payments of a seat that hold money (what a cancellation refunds). */
export async function paidPaymentsOf(db: Db, enrollmentIds: string[]) {
  if (enrollmentIds.length === 0) return [];
  return db
    .select()
    .from(payments)
    .where(
      and(inArray(payments.enrollmentId, enrollmentIds), inArray(payments.status, ['paid', 'partially_refunded'])),
    );
}
