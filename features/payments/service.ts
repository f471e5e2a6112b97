import { and, eq, inArray, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { Db } from '@/db/client';
import { bookings, payments, refunds, sessionTypes, users } from '@/db/schema';
import { bookingIcs } from '@/features/booking/calendar';
import { bookingMails } from '@/features/booking/mails';
import { cancelBooking, confirmPaidBooking, releaseHold } from '@/features/booking/service';
import { confirmPaidEnrollment, releaseSeatHold } from '@/features/courses/service';
import { sendNotice } from '@/features/mail/notice';
import { AppError } from '@/lib/errors';
import { siteUrl } from '@/lib/site-url';
import { getStripe } from '@/lib/stripe';
import { whenFor } from '@/lib/time';
import { openCheckout } from './checkout';
import { mailEnrollmentConfirmed, mailLostEnrollment } from './course-fulfilment';
import { paymentStatesBefore, refundStatusFor } from './domain/payment-state';
import { isUuid } from '@/lib/ids';
import { requestRefund, submitRefundsSoon } from './refunds';

const minute = 60 * 1000;

/**
 * Opens (or reopens) the Stripe Checkout Session of a held booking. Its expiry and the hold's
 * are set to the same instant, Stripe's minimum of 30 minutes from now.
 */
export async function startBookingCheckout(
  db: Db,
  input: { bookingId: string; clientId: string; baseUrl: string; now: Date },
): Promise<string> {
  const [row] = await db
    .select({ booking: bookings, type: sessionTypes, email: users.email })
    .from(bookings)
    .innerJoin(sessionTypes, eq(sessionTypes.id, bookings.sessionTypeId))
    .innerJoin(users, eq(users.id, bookings.clientId))
    .where(and(eq(bookings.id, input.bookingId), eq(bookings.clientId, input.clientId)))
    .limit(1);
  if (!row || row.booking.status !== 'held' || !row.booking.holdExpiresAt || row.booking.holdExpiresAt <= input.now)
    throw new AppError('hold_expired');
  if (!row.booking.policyAgreedAt) throw new AppError('invalid_input');

  const expiresAt = new Date(input.now.getTime() + 31 * minute);
  return openCheckout(
    db,
    {
      purpose: 'booking',
      bookingId: row.booking.id,
      clientId: input.clientId,
      email: row.email,
      amountYen: row.booking.priceYen,
      name: row.type.name,
      statementDescriptor: 'SESSION',
      expiresAt,
      successUrl: `${input.baseUrl}/book/success?session_id={CHECKOUT_SESSION_ID}`,
      cancelUrl: `${input.baseUrl}/book/checkout/${row.booking.id}?cancelled=1`,
    },
    input.now,
    async () => {
      await db
        .update(bookings)
        .set({ holdExpiresAt: expiresAt, updatedAt: input.now })
        .where(eq(bookings.id, row.booking.id));
    },
  );
}

type Outcome = 'confirmed' | 'already' | 'lost' | 'pending' | 'expired' | 'unknown';

/**
 * Brings our records in line with a Checkout Session, whoever calls first: the webhook or
 * the success page. Every step is guarded by state, so repeats change nothing.
 */
export async function reconcileCheckoutSession(db: Db, session: Stripe.Checkout.Session, now: Date): Promise<Outcome> {
  const [payment] = await db.select().from(payments).where(eq(payments.stripeCheckoutSessionId, session.id)).limit(1);
  if (!payment) return 'unknown';
  if (session.status === 'expired') {
    await db
      .update(payments)
      .set({ status: 'expired', updatedAt: now })
      .where(and(eq(payments.id, payment.id), eq(payments.status, 'pending')));
    if (payment.bookingId) await releaseHold(db, payment.bookingId, now);
    if (payment.enrollmentId) await releaseSeatHold(db, payment.enrollmentId, now);
    return 'expired';
  }
  if (session.payment_status !== 'paid') return 'pending';

  const paymentIntentId =
    typeof session.payment_intent === 'string' ? session.payment_intent : (session.payment_intent?.id ?? null);
  const lostRefundKey = `lost-${payment.id}`;
  // The move to paid, the confirmation and (when the slot or seat was lost meanwhile) the full
  // refund's record commit together; only the call that made the move goes on to mail and
  // refund. A repeat (a reload of the success page, a redelivered event, after a cancellation)
  // changes nothing.
  const moved = await db.transaction(async (tx) => {
    const updated = await tx
      .update(payments)
      .set({ status: 'paid', stripePaymentIntentId: paymentIntentId, paidAt: now, updatedAt: now })
      .where(and(eq(payments.id, payment.id), inArray(payments.status, paymentStatesBefore('paid'))))
      .returning({ id: payments.id });
    if (updated.length === 0) return undefined;
    const outcome = payment.enrollmentId
      ? await confirmPaidEnrollment(tx, payment.enrollmentId, now)
      : payment.bookingId
        ? await confirmPaidBooking(tx, payment.bookingId, now)
        : ('already' as const);
    if (outcome === 'lost') {
      const reason = payment.enrollmentId
        ? 'course seat lost before payment completed'
        : 'slot lost before payment completed';
      await requestRefund(tx, {
        paymentId: payment.id,
        amountYen: payment.amountYen,
        reason,
        idempotencyKey: lostRefundKey,
      });
    }
    return outcome;
  });
  if (!moved) {
    const [lost] = await db
      .select({ id: refunds.id })
      .from(refunds)
      .where(eq(refunds.idempotencyKey, lostRefundKey))
      .limit(1);
    return lost ? 'lost' : 'already';
  }
  if (moved === 'confirmed') {
    if (payment.enrollmentId) await mailEnrollmentConfirmed(db, payment.enrollmentId);
    else if (payment.bookingId) await mailConfirmation(db, payment.bookingId);
  }
  if (moved === 'lost') {
    await submitRefundsSoon(db, now, [payment.id]);
    if (payment.enrollmentId) await mailLostEnrollment(db, payment.id);
    else await mailLostBooking(db, payment.id);
  }
  return moved;
}

async function mailConfirmation(db: Db, bookingId: string) {
  const [row] = await db
    .select({ booking: bookings, type: sessionTypes, user: users })
    .from(bookings)
    .innerJoin(sessionTypes, eq(sessionTypes.id, bookings.sessionTypeId))
    .innerJoin(users, eq(users.id, bookings.clientId))
    .where(eq(bookings.id, bookingId));
  if (!row) return;
  const url = `${siteUrl()}/portal/bookings/${bookingId}`;
  const ics = bookingIcs({ ...row.booking, mode: row.type.mode }, url);
  await sendNotice(
    db,
    {
      to: row.user.email,
      ...bookingMails.confirmed({
        when: whenFor(row.booking.startsAt, row.user.timeZone),
        sessionName: row.type.name,
        priceYen: row.booking.priceYen,
        url,
      }),
      attachments: [
        {
          filename: 'session.ics',
          contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
          contentBase64: Buffer.from(ics).toString('base64'),
        },
      ],
    },
    `booking ${bookingId} confirmed`,
  );
}

/** The payment arrived after its slot went to someone else: it is refunded in full; say so. */
async function mailLostBooking(db: Db, paymentId: string) {
  const [row] = await db
    .select({ payment: payments, booking: bookings, user: users })
    .from(payments)
    .innerJoin(bookings, eq(bookings.id, payments.bookingId))
    .innerJoin(users, eq(users.id, payments.clientId))
    .where(eq(payments.id, paymentId));
  if (!row) return;
  await sendNotice(
    db,
    {
      to: row.user.email,
      ...bookingMails.lostAndRefunded({
        when: whenFor(row.booking.startsAt, row.user.timeZone),
        amountYen: row.payment.amountYen,
        url: `${siteUrl()}/sessions`,
      }),
    },
    `payment ${paymentId} refunded as lost`,
  );
}

/**
 * Stripe's word on how much of a charge is refunded; never lowers what we recorded. It may
 * arrive before the payment's own completion event: then the payment is found through the
 * PaymentIntent's metadata and its checkout is reconciled first, so any order works.
 */
export async function applyChargeRefunded(db: Db, charge: Stripe.Charge, now: Date): Promise<void> {
  const paymentIntentId = typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
  if (!paymentIntentId) return;
  let payment = await findPaymentForIntent(db, paymentIntentId);
  if (!payment) return; // not a payment of this site
  if (!['paid', 'partially_refunded', 'refunded'].includes(payment.status) && payment.stripeCheckoutSessionId) {
    await reconcileCheckoutSession(
      db,
      await getStripe().checkout.sessions.retrieve(payment.stripeCheckoutSessionId),
      now,
    );
    payment = (await db.select().from(payments).where(eq(payments.id, payment.id)))[0]!;
  }
  if (charge.amount_refunded <= payment.refundedYen) return;
  await db
    .update(payments)
    .set({
      refundedYen: charge.amount_refunded,
      status: refundStatusFor(payment.amountYen, charge.amount_refunded),
      updatedAt: now,
    })
    .where(
      and(
        eq(payments.id, payment.id),
        inArray(payments.status, ['paid', 'partially_refunded']),
        sql`${payments.refundedYen} < ${charge.amount_refunded}`,
      ),
    );
}

async function findPaymentForIntent(db: Db, paymentIntentId: string) {
  const [known] = await db.select().from(payments).where(eq(payments.stripePaymentIntentId, paymentIntentId)).limit(1);
  if (known) return known;
  const intent = await getStripe().paymentIntents.retrieve(paymentIntentId);
  const paymentId = intent.metadata?.paymentId;
  if (!paymentId || !isUuid(paymentId)) return undefined;
  const [byId] = await db.select().from(payments).where(eq(payments.id, paymentId)).limit(1);
  return byId;
}

/** A delayed payment (e.g. konbini) failed: the payment is failed and its hold released. */
export async function applyAsyncPaymentFailed(db: Db, session: Stripe.Checkout.Session, now: Date): Promise<void> {
  const [payment] = await db.select().from(payments).where(eq(payments.stripeCheckoutSessionId, session.id)).limit(1);
  if (!payment) return;
  await db
    .update(payments)
    .set({ status: 'failed', updatedAt: now })
    .where(and(eq(payments.id, payment.id), eq(payments.status, 'pending')));
  if (payment.bookingId) await releaseHold(db, payment.bookingId, now);
  if (payment.enrollmentId) await releaseSeatHold(db, payment.enrollmentId, now);
}

/**
 * Cancels a booking and refunds what the table says, atomically on our side: the refund is
 * recorded in the same transaction as the cancellation, then sent to Stripe.
 */
export async function cancelBookingWithRefund(
  db: Db,
  input: { bookingId: string; by: 'client' | 'counselor'; now: Date },
) {
  const result = await db.transaction(async (tx) => {
    const { booking, terms } = await cancelBooking(tx, input);
    const [payment] = await tx
      .select()
      .from(payments)
      .where(and(eq(payments.bookingId, booking.id), inArray(payments.status, ['paid', 'partially_refunded'])))
      .limit(1);
    if (payment && terms.refundYen > 0) {
      await requestRefund(tx, {
        paymentId: payment.id,
        amountYen: terms.refundYen,
        reason: `cancelled by ${input.by}`,
        idempotencyKey: `cancel-${booking.id}`,
      });
    }
    return { booking, terms, paymentId: payment?.id };
  });
  if (result.paymentId) {
    // If Stripe is unreachable now, the refund stays recorded and is sent on the next attempt.
    await submitRefundsSoon(db, input.now, [result.paymentId]);
  }
  const [user] = result.booking.clientId
    ? await db.select().from(users).where(eq(users.id, result.booking.clientId))
    : [];
  if (user) {
    await sendNotice(
      db,
      {
        to: user.email,
        ...bookingMails.cancelled({
          when: whenFor(result.booking.startsAt, user.timeZone),
          refundYen: result.terms.refundYen,
          feeYen: result.terms.feeYen,
          byCounselor: input.by === 'counselor',
        }),
      },
      `booking ${result.booking.id} cancelled`,
    );
  }
  return result.terms;
}

/**
 * The success page's check: asks Stripe for the session and applies it, so a client never
 * sees "paid but not booked" even before the webhook arrives. Only the payer may ask.
 */
export async function reconcileForClient(db: Db, input: { checkoutSessionId: string; clientId: string; now: Date }) {
  const [payment] = await db
    .select()
    .from(payments)
    .where(eq(payments.stripeCheckoutSessionId, input.checkoutSessionId))
    .limit(1);
  if (!payment || payment.clientId !== input.clientId) return undefined;
  const session = await getStripe().checkout.sessions.retrieve(input.checkoutSessionId);
  const outcome = await reconcileCheckoutSession(db, session, input.now);
  const [after] = payment.bookingId
    ? await db.select({ status: bookings.status }).from(bookings).where(eq(bookings.id, payment.bookingId))
    : [];
  return {
    outcome,
    purpose: payment.purpose,
    bookingId: payment.bookingId,
    bookingStatus: after?.status,
    enrollmentId: payment.enrollmentId,
  };
}
