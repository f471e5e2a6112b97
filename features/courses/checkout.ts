import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '@/lib/service';
import { courseCohorts, courseEnrollments, courses, users } from '@/db/schema';
import { sendNotice } from '@/features/mail/notice';
import { noticeSeatCancelled } from '@/features/notifications/triggers';
import { openCheckout } from '@/features/payments/checkout';
import { requestRefund, submitRefundsSoon } from '@/features/payments/refunds';
import { expireOpenCheckouts, paidPaymentsFor } from '@/features/payments/service';
import { AppError } from '@/lib/errors';
import { isHoldLive } from '@/lib/holds';
import { checkoutExpiry } from './domain/terms';
import { clientOf, courseMails, mailOffers } from './mails';
import { cancelCohort, cancelEnrollment, extendSeatHold, type SeatCanceller } from './service';

/**
 * Pays for a held course seat through the same Checkout path as bookings. The session expires
 * with the hold (at least Stripe's 30 minutes; a waitlist offer keeps its remaining hours).
 */
export async function startCourseCheckout(
  { db, now }: ServiceContext,
  input: { enrollmentId: string; clientId: string; baseUrl: string },
): Promise<string> {
  const [row] = await db
    .select({ enrollment: courseEnrollments, cohort: courseCohorts, course: courses, email: users.email })
    .from(courseEnrollments)
    .innerJoin(courseCohorts, eq(courseCohorts.id, courseEnrollments.cohortId))
    .innerJoin(courses, eq(courses.id, courseCohorts.courseId))
    .innerJoin(users, eq(users.id, courseEnrollments.clientId))
    .where(and(eq(courseEnrollments.id, input.enrollmentId), eq(courseEnrollments.clientId, input.clientId)))
    .limit(1);
  const { enrollment } = row ?? {};
  if (!row || !enrollment || !isHoldLive(enrollment, now)) throw new AppError('seat_hold_expired');
  if (!enrollment.policyAgreedAt) throw new AppError('invalid_input');
  const expiresAt = checkoutExpiry(enrollment.holdExpiresAt, now);
  return openCheckout(
    { db, now },
    {
      purpose: 'course',
      referenceId: enrollment.id,
      metadata: { enrollmentId: enrollment.id },
      clientId: input.clientId,
      email: row.email,
      amountYen: enrollment.priceYen,
      name: `${row.course.title}・${row.cohort.name}`,
      statementDescriptor: 'COURSE',
      expiresAt,
      successUrl: `${input.baseUrl}/courses/success?session_id={CHECKOUT_SESSION_ID}`,
      cancelUrl: `${input.baseUrl}/courses/apply/${enrollment.id}?cancelled=1`,
    },
    () => extendSeatHold({ db, now }, { enrollmentId: enrollment.id, until: expiresAt }),
  );
}

/**
 * Cancels an enrolled seat under the course terms (a counselor's cancellation in full),
 * atomically on our side: the refund is recorded in the cancelling transaction, then sent to
 * Stripe; the freed seat is offered and the client told, after the commit.
 */
export async function cancelEnrollmentWithRefund(
  { db, now }: ServiceContext,
  input: { enrollmentId: string } & SeatCanceller,
) {
  const result = await db.transaction(async (tx) => {
    const { enrollment, cohort, refund, offers } = await cancelEnrollment({ db: tx, now }, input);
    const [payment] = await paidPaymentsFor(tx, 'course', [enrollment.id]);
    if (payment && refund.refundYen > 0) {
      const amountYen = Math.min(refund.refundYen, payment.amountYen - payment.refundedYen);
      await requestRefund(tx, {
        paymentId: payment.id,
        amountYen,
        reason: `course cancelled by ${input.by}`,
        idempotencyKey: `course-cancel-${enrollment.id}`,
      });
    }
    return { enrollment, cohort, refund, offers, paymentId: payment?.id };
  });
  if (result.paymentId) await submitRefundsSoon({ db, now }, [result.paymentId]);
  await mailOffers(db, result.offers);
  const client = await clientOf(db, result.enrollment.clientId);
  const [course] = await db
    .select({ title: courses.title })
    .from(courses)
    .where(eq(courses.id, result.cohort.courseId));
  let told = false;
  if (client && course) {
    const mail = courseMails.cancelled({
      courseTitle: course.title,
      refundYen: result.refund.refundYen,
      byCounselor: input.by === 'counselor',
    });
    told = await sendNotice(db, { to: client.email, ...mail }, `seat ${result.enrollment.id} cancelled`);
  }
  await noticeSeatCancelled(
    { db, now },
    { enrollmentId: result.enrollment.id, by: input.by, refundYen: result.refund.refundYen },
  );
  return { ...result.refund, told };
}

/**
 * The counselor cancels a cohort: every paid seat is refunded in full, once (the cohort's
 * status guards the cancellation; each refund has its idempotency key), and everyone with a
 * seat or a place in line is told.
 */
export async function cancelCohortWithRefunds({ db, now }: ServiceContext, input: { cohortId: string }) {
  const result = await db.transaction(async (tx) => {
    const cancelled = await cancelCohort({ db: tx, now }, input);
    const paid = await paidPaymentsFor(
      tx,
      'course',
      cancelled.seats.map((s) => s.id),
    );
    for (const payment of paid) {
      await requestRefund(tx, {
        paymentId: payment.id,
        amountYen: payment.amountYen - payment.refundedYen,
        reason: 'cohort cancelled by counselor',
        idempotencyKey: `cohort-cancel-${payment.referenceId}`,
      });
    }
    return { ...cancelled, paid };
  });
  await submitRefundsSoon(
    { db, now },
    result.paid.map((p) => p.id),
  );
  // Seats that no longer exist: nobody pays for them (if Stripe is unreachable, a late payment is refunded as lost).
  await expireOpenCheckouts(
    db,
    'course',
    result.seats.filter((s) => s.status === 'cancelled').map((s) => s.id),
  );
  const [course] = await db
    .select({ title: courses.title })
    .from(courses)
    .where(eq(courses.id, result.cohort.courseId));
  const handled = new Set<string>();
  let untold = 0;
  for (const seat of result.seats) {
    const client = await clientOf(db, seat.clientId);
    if (!client || handled.has(client.id)) continue;
    handled.add(client.id);
    const payment = result.paid.find((p) => p.referenceId === seat.id);
    const mail = courseMails.cohortCancelled({
      courseTitle: course!.title,
      cohortName: result.cohort.name,
      refundYen: payment ? payment.amountYen - payment.refundedYen : null,
    });
    if (!(await sendNotice(db, { to: client.email, ...mail }, `cohort ${result.cohort.id} cancelled, seat ${seat.id}`)))
      untold += 1;
  }
  for (const clientId of result.waitingClientIds) {
    const client = await clientOf(db, clientId);
    if (!client || handled.has(client.id)) continue;
    handled.add(client.id);
    const mail = courseMails.cohortCancelled({
      courseTitle: course!.title,
      cohortName: result.cohort.name,
      refundYen: null,
    });
    if (!(await sendNotice(db, { to: client.email, ...mail }, `cohort ${result.cohort.id} cancelled, waitlist`)))
      untold += 1;
  }
  return { refunded: result.paid.length, told: handled.size - untold, untold };
}
