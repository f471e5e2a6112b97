import 'server-only';
import { and, eq, min } from 'drizzle-orm';
import type { ServiceContext } from '@/lib/service';
import { courseCohorts, courseEnrollments, courseLessons, courses, users } from '@/db/schema';
import { deliverQueued, queueNotice } from '@/features/mail/notice';
import { noticeSeatCancelled } from '@/features/notifications/triggers';
import { checkoutCouponFor } from '@/features/coupons/service';
import { openCheckout } from '@/features/payments/checkout';
import { konbiniExpiresAfterDays } from '@/features/payments/domain/konbini';
import { closeVouchersFor, voidVouchersAtStripe } from '@/features/payments/konbini';
import { checkoutMethodsFor } from '@/features/payments/methods';
import { requestRefund, submitRefundsSoon } from '@/features/payments/refunds';
import { expireOpenCheckouts, paidPaymentsFor } from '@/features/payments/service';
import { AppError } from '@/lib/errors';
import { isHoldLive } from '@/lib/holds';
import { checkoutExpiry } from './domain/terms';
import { clientOf, courseMails } from './mails';
import { deliverOfferMails } from './seats';
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
  const coupon = await checkoutCouponFor(db, enrollment, now);
  const expiresAt = checkoutExpiry(enrollment.holdExpiresAt, now);
  // A delayed method must settle before the cohort closes or begins, whichever comes first.
  const [first] = await db
    .select({ at: min(courseLessons.startsAt) })
    .from(courseLessons)
    .where(eq(courseLessons.cohortId, row.cohort.id));
  const firstLessonAt = first?.at ? new Date(first.at) : null;
  const startsAt =
    firstLessonAt && firstLessonAt < row.cohort.registrationDeadline ? firstLessonAt : row.cohort.registrationDeadline;
  return openCheckout(
    { db, now },
    {
      purpose: 'course',
      referenceId: enrollment.id,
      metadata: { enrollmentId: enrollment.id },
      clientId: input.clientId,
      email: row.email,
      amountYen: enrollment.priceYen,
      coupon,
      paymentMethodTypes: await checkoutMethodsFor({ db, now }, startsAt),
      name: `${row.course.title}・${row.cohort.name}`,
      statementDescriptor: 'COURSE',
      expiresAt,
      konbiniExpiresAfterDays: konbiniExpiresAfterDays({ startsAt, now }),
      successUrl: `${input.baseUrl}/courses/success?session_id={CHECKOUT_SESSION_ID}`,
      cancelUrl: `${input.baseUrl}/courses/apply/${enrollment.id}?cancelled=1`,
    },
    () => extendSeatHold({ db, now }, { enrollmentId: enrollment.id, until: expiresAt }),
  );
}

/**
 * Cancels an enrolled seat under the course terms (a counselor's cancellation in full),
 * atomically on our side: the refund, the freed seat's offer and the notices are recorded in
 * the cancelling transaction; after the commit the refund is sent to Stripe and the mails delivered.
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
    const client = await clientOf(tx, enrollment.clientId);
    const [course] = await tx.select({ title: courses.title }).from(courses).where(eq(courses.id, cohort.courseId));
    const told: string[] = [];
    if (client && course) {
      const mail = courseMails.cancelled({
        courseTitle: course.title,
        refundYen: refund.refundYen,
        byCounselor: input.by === 'counselor',
      });
      told.push(
        ...(await queueNotice(
          tx,
          { to: client.email, ...mail },
          `seat ${enrollment.id} cancelled`,
          `seat-cancelled:${enrollment.id}`,
        )),
      );
    }
    const counselor = await noticeSeatCancelled(
      { db: tx, now },
      { enrollmentId: enrollment.id, by: input.by, refundYen: refund.refundYen },
    );
    return { refund, offers, paymentId: payment?.id, told, counselor };
  });
  if (result.paymentId) await submitRefundsSoon({ db, now }, [result.paymentId]);
  await deliverOfferMails(db, result.offers);
  const told = result.told.length > 0 && (await deliverQueued(db, result.told));
  await deliverQueued(db, result.counselor);
  return { ...result.refund, told };
}

/**
 * The counselor cancels a cohort: every paid seat is refunded in full, once (the cohort's
 * status guards the cancellation; each refund has its idempotency key), every konbini voucher
 * still out is closed (its client told not to pay it; a payment made anyway is refunded in full
 * as lost), and everyone with a seat or a place in line is told: the mails commit with the
 * cancellation and go after it.
 */
export async function cancelCohortWithRefunds({ db, now }: ServiceContext, input: { cohortId: string }) {
  const result = await db.transaction(async (tx) => {
    const cancelled = await cancelCohort({ db: tx, now }, input);
    // Seats awaiting a konbini payment: the voucher is closed, and their mail says not to pay it.
    const vouchers = await closeVouchersFor(
      tx,
      'course',
      cancelled.seats.map((s) => s.id),
      now,
    );
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
    const [course] = await tx
      .select({ title: courses.title })
      .from(courses)
      .where(eq(courses.id, cancelled.cohort.courseId));
    // One mail per client: a seat's (with its refund) before a place in line.
    const mails = new Map<
      string,
      { about: string; refundYen: number | null; unpaidVoucher?: { number: string | null } }
    >();
    for (const seat of cancelled.seats) {
      if (!seat.clientId || mails.has(seat.clientId)) continue;
      const payment = paid.find((p) => p.referenceId === seat.id);
      const voucher = vouchers.find((v) => v.referenceId === seat.id);
      mails.set(seat.clientId, {
        about: `cohort ${cancelled.cohort.id} cancelled, seat ${seat.id}`,
        refundYen: payment ? payment.amountYen - payment.refundedYen : null,
        ...(voucher ? { unpaidVoucher: { number: voucher.voucherNumber } } : {}),
      });
    }
    for (const clientId of cancelled.waitingClientIds)
      if (!mails.has(clientId))
        mails.set(clientId, { about: `cohort ${cancelled.cohort.id} cancelled, waitlist`, refundYen: null });
    const queued: string[][] = [];
    for (const [clientId, { about, refundYen, unpaidVoucher }] of mails) {
      const client = await clientOf(tx, clientId);
      if (!client) continue;
      const mail = courseMails.cohortCancelled({
        courseTitle: course!.title,
        cohortName: cancelled.cohort.name,
        refundYen,
        ...(unpaidVoucher ? { unpaidVoucher } : {}),
      });
      queued.push(
        await queueNotice(
          tx,
          { to: client.email, ...mail },
          about,
          `cohort-cancelled:${cancelled.cohort.id}:${client.id}`,
        ),
      );
    }
    return { ...cancelled, paid, queued, vouchers };
  });
  await voidVouchersAtStripe(result.vouchers);
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
  let untold = 0;
  for (const ids of result.queued) if (!(await deliverQueued(db, ids))) untold += 1;
  return {
    refunded: result.paid.length,
    vouchers: result.vouchers.length,
    told: result.queued.length - untold,
    untold,
  };
}
