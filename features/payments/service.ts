import 'server-only';
import { and, desc, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { Db } from '@/db/client';
import type { ServiceContext } from '@/lib/service';
import { outsideRefunds, type Payment, type PaymentPurpose, payments, refunds } from '@/db/schema';
import { deliverQueued } from '@/features/mail/notice';
import { queueToCounselors } from '@/features/notifications/notify';
import { absoluteUrl } from '@/lib/site-url';
import { isUuid } from '@/lib/ids';
import { getStripe } from '@/lib/stripe';
import { methodFromStripe, type PaymentMethod } from './domain/methods';
import { paymentStatesBefore, refundStatusFor } from './domain/payment-state';
import { fulfilmentFor, type FulfilmentOutcome } from './fulfilment';
import { paymentMails } from './mails';
import { requestRefund, submitRefundsSoon } from './refunds';

type Outcome = FulfilmentOutcome | 'pending' | 'expired' | 'unknown';

/** The checkout was given up (expired) or its delayed payment failed: the payment says so and the hold goes. */
async function closeCheckout(
  { db, now }: ServiceContext,
  payment: Payment,
  status: 'expired' | 'failed',
): Promise<void> {
  await db
    .update(payments)
    .set({ status, updatedAt: now })
    .where(and(eq(payments.id, payment.id), eq(payments.status, 'pending')));
  await fulfilmentFor(payment.purpose).release({ db, now }, payment.referenceId);
}

/** What a retrieve of a Checkout Session expands, so that the time it was paid is known. */
export const sessionExpand = ['payment_intent.latest_charge'];

/** A Unix time from Stripe as a Date, when it is one. */
export const stripeTime = (seconds: number | null | undefined): Date | undefined =>
  typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : undefined;

/**
 * When the payment was made, by Stripe's word: the charge's creation when the session comes with
 * its PaymentIntent's charge expanded, else the time Stripe gives (the event's), else now; never
 * later than now. A card paid at 23:59 on the 31st belongs to that month even if we hear of it after midnight.
 */
function paidTime(session: Stripe.Checkout.Session, stripeAt: Date | undefined, now: Date): Date {
  const intent = typeof session.payment_intent === 'object' ? session.payment_intent : null;
  const charge = intent && typeof intent.latest_charge === 'object' ? intent.latest_charge : null;
  const at = stripeTime(charge?.created) ?? stripeAt;
  return at && at.getTime() < now.getTime() ? at : now;
}

/**
 * Which method paid the session, by Stripe's word (see methodFromStripe). A webhook's session
 * names its PaymentIntent by id only: when the session offered several methods, the
 * PaymentIntent is retrieved with its charge. If Stripe cannot say now, the method stays
 * unrecorded rather than holding back the payment's confirmation.
 */
export async function paymentMethodOf(session: Stripe.Checkout.Session): Promise<PaymentMethod | null> {
  const known = methodFromStripe(session);
  if (known) return known;
  const intentId = typeof session.payment_intent === 'string' ? session.payment_intent : session.payment_intent?.id;
  if (!intentId) return null;
  try {
    const intent = await getStripe().paymentIntents.retrieve(intentId, { expand: ['latest_charge'] });
    return methodFromStripe({ payment_method_types: session.payment_method_types, payment_intent: intent }) ?? null;
  } catch (err) {
    console.error('[payments] payment method not known; recorded without it', session.id, err);
    return null;
  }
}

/**
 * Brings our records in line with a Checkout Session, whoever calls first: the webhook or
 * the success page. Every step is guarded by state, so repeats change nothing. What the
 * payment is for is its purpose's business, reached through its registered fulfilment.
 * `stripeAt`: when Stripe says this happened (the event's time), for dating the payment.
 */
export async function reconcileCheckoutSession(
  { db, now }: ServiceContext,
  session: Stripe.Checkout.Session,
  stripeAt?: Date,
): Promise<Outcome> {
  const [payment] = await db.select().from(payments).where(eq(payments.stripeCheckoutSessionId, session.id)).limit(1);
  if (!payment) return 'unknown';
  const fulfilment = fulfilmentFor(payment.purpose);
  if (session.status === 'expired') {
    await closeCheckout({ db, now }, payment, 'expired');
    return 'expired';
  }
  if (session.payment_status !== 'paid') return 'pending';

  const paymentIntentId =
    typeof session.payment_intent === 'string' ? session.payment_intent : (session.payment_intent?.id ?? null);
  const lostRefundKey = `lost-${payment.id}`;
  const method = paymentStatesBefore('paid').includes(payment.status) ? await paymentMethodOf(session) : null;
  // The move to paid, the fulfilment, (when the thing sold was lost meanwhile) the full
  // refund's record and the notices commit together; only the call that made the move goes on
  // to deliver them and refund. A repeat (a reload of the success page, a redelivered event,
  // after a cancellation) changes nothing, and the notices' keys would refuse a second copy anyway.
  const moved = await db.transaction(async (tx) => {
    const updated = await tx
      .update(payments)
      .set({
        status: 'paid',
        stripePaymentIntentId: paymentIntentId,
        method,
        paidAt: paidTime(session, stripeAt, now),
        updatedAt: now,
      })
      .where(and(eq(payments.id, payment.id), inArray(payments.status, paymentStatesBefore('paid'))))
      .returning({ id: payments.id });
    if (updated.length === 0) return undefined;
    const outcome = await fulfilment.confirmPaid({ db: tx, now }, payment.referenceId);
    if (outcome === 'lost') {
      await requestRefund(tx, {
        paymentId: payment.id,
        amountYen: payment.amountYen,
        reason: fulfilment.lostRefundReason,
        idempotencyKey: lostRefundKey,
      });
    }
    const queued =
      outcome === 'confirmed'
        ? await fulfilment.notifyConfirmed({ db: tx, now }, payment.referenceId)
        : outcome === 'lost'
          ? await fulfilment.notifyLost({ db: tx, now }, payment)
          : [];
    return { outcome, queued };
  });
  if (!moved) {
    const [lost] = await db
      .select({ id: refunds.id })
      .from(refunds)
      .where(eq(refunds.idempotencyKey, lostRefundKey))
      .limit(1);
    return lost ? 'lost' : 'already';
  }
  if (moved.outcome === 'lost') await submitRefundsSoon({ db, now }, [payment.id]);
  await deliverQueued(db, moved.queued);
  return moved.outcome;
}

/**
 * Stripe's word on how much of a charge is refunded; never lowers what we recorded. It may
 * arrive before the payment's own completion event: then the payment is found through the
 * PaymentIntent's metadata and its checkout is reconciled first, so any order works.
 *
 * What Stripe refunded beyond every refund this app recorded (sent or still to send) was
 * refunded outside the app, in the Stripe dashboard: the payment records it, the thing sold is
 * marked through its fulfilment (the counselor decides what follows: nothing is cancelled and
 * nothing refunded again), and the counselor is alerted on /admin and by mail.
 */
export async function applyChargeRefunded(
  { db, now }: ServiceContext,
  charge: Stripe.Charge,
  stripeAt?: Date,
): Promise<'applied' | 'unchanged' | 'unknown'> {
  const paymentIntentId = typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
  if (!paymentIntentId) return 'unknown';
  let payment = await findPaymentForIntent(db, paymentIntentId);
  if (!payment) return 'unknown'; // not a payment of this site
  if (!['paid', 'partially_refunded', 'refunded'].includes(payment.status) && payment.stripeCheckoutSessionId) {
    await reconcileCheckoutSession(
      { db, now },
      await getStripe().checkout.sessions.retrieve(payment.stripeCheckoutSessionId, { expand: sessionExpand }),
      stripeTime(charge.created),
    );
    payment = (await db.select().from(payments).where(eq(payments.id, payment.id)))[0]!;
  }
  const outside = await db.transaction(async (tx) => {
    // The payment's row is locked, so a refund of ours being recorded waits (and vice versa).
    const [current] = await tx.select().from(payments).where(eq(payments.id, payment.id)).for('update');
    if (!current || !['paid', 'partially_refunded', 'refunded'].includes(current.status)) return undefined;
    const [recorded] = await tx
      .select({ ours: sql<number>`coalesce(sum(${refunds.amountYen}), 0)::int` })
      .from(refunds)
      .where(eq(refunds.paymentId, current.id));
    const stripeTotal = Math.min(current.amountYen, charge.amount_refunded);
    const refundedYen = Math.max(current.refundedYen, stripeTotal);
    const refundedOutsideYen = Math.min(
      refundedYen,
      Math.max(current.refundedOutsideYen, stripeTotal - (recorded?.ours ?? 0)),
    );
    if (refundedYen === current.refundedYen && refundedOutsideYen === current.refundedOutsideYen) return undefined;
    const newlyOutside = refundedOutsideYen > current.refundedOutsideYen;
    // Each increase is its own dated row, booked in the month Stripe reported it; the payment's
    // row is locked and the total only grows, so a repeated or older report adds nothing.
    const reportedAt = stripeAt && stripeAt.getTime() < now.getTime() ? stripeAt : now;
    if (newlyOutside)
      await tx.insert(outsideRefunds).values({
        paymentId: current.id,
        amountYen: refundedOutsideYen - current.refundedOutsideYen,
        totalYen: refundedOutsideYen,
        at: reportedAt,
      });
    await tx
      .update(payments)
      .set({
        refundedYen,
        refundedOutsideYen,
        refundedOutsideAt: newlyOutside ? reportedAt : current.refundedOutsideAt,
        status: refundStatusFor(current.amountYen, refundedYen),
        updatedAt: now,
      })
      .where(eq(payments.id, current.id));
    if (!newlyOutside) return undefined;
    await fulfilmentFor(current.purpose).markRefundedOutside({ db: tx, now }, current.referenceId);
    return queueOutsideRefundAlert(tx, { ...current, refundedYen, refundedOutsideYen });
  });
  if (outside) await deliverQueued(db, outside);
  return outside || charge.amount_refunded > payment.refundedYen ? 'applied' : 'unchanged';
}

/**
 * In the transaction that records it: the counselor hears of a refund made outside the app (also
 * listed on /admin), once per amount Stripe reports. The notices to deliver after the commit.
 */
async function queueOutsideRefundAlert(tx: Db, payment: Payment): Promise<string[]> {
  return queueToCounselors(
    tx,
    paymentMails.refundedOutside(payment, absoluteUrl('/admin')),
    `payment ${payment.id} refunded outside the app`,
    `refunded-outside:${payment.id}:${payment.refundedOutsideYen}`,
  );
}

/** Payments with a refund made outside the app (the Stripe dashboard), latest first: the /admin alert. */
export async function paymentsRefundedOutside(db: Db, limit = 20): Promise<Payment[]> {
  return db
    .select()
    .from(payments)
    .where(isNotNull(payments.refundedOutsideAt))
    .orderBy(desc(payments.refundedOutsideAt))
    .limit(limit);
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
export async function applyAsyncPaymentFailed(
  { db, now }: ServiceContext,
  session: Stripe.Checkout.Session,
): Promise<'failed' | 'unknown'> {
  const [payment] = await db.select().from(payments).where(eq(payments.stripeCheckoutSessionId, session.id)).limit(1);
  if (!payment) return 'unknown';
  await closeCheckout({ db, now }, payment, 'failed');
  return 'failed';
}

/**
 * The success page's check: asks Stripe for the session and applies it, so a client never
 * sees "paid but not booked" even before the webhook arrives. Only the payer may ask.
 */
export async function reconcileForClient(
  { db, now }: ServiceContext,
  input: { checkoutSessionId: string; clientId: string },
) {
  const [payment] = await db
    .select()
    .from(payments)
    .where(eq(payments.stripeCheckoutSessionId, input.checkoutSessionId))
    .limit(1);
  if (!payment || payment.clientId !== input.clientId) return undefined;
  const session = await getStripe().checkout.sessions.retrieve(input.checkoutSessionId, { expand: sessionExpand });
  const outcome = await reconcileCheckoutSession({ db, now }, session);
  return { outcome, purpose: payment.purpose, referenceId: payment.referenceId };
}

/** The payments of these things that hold money (what a cancellation refunds). */
export async function paidPaymentsFor(db: Db, purpose: PaymentPurpose, referenceIds: string[]): Promise<Payment[]> {
  if (referenceIds.length === 0) return [];
  return db
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.purpose, purpose),
        inArray(payments.referenceId, referenceIds),
        inArray(payments.status, ['paid', 'partially_refunded']),
      ),
    );
}

/**
 * Closes the Checkout Sessions still open for things no longer for sale, so nobody pays for
 * them. If Stripe cannot be reached, a payment that completes anyway is refunded as lost.
 */
export async function expireOpenCheckouts(db: Db, purpose: PaymentPurpose, referenceIds: string[]): Promise<void> {
  if (referenceIds.length === 0) return;
  const open = await db
    .select({ sessionId: payments.stripeCheckoutSessionId })
    .from(payments)
    .where(
      and(eq(payments.purpose, purpose), inArray(payments.referenceId, referenceIds), eq(payments.status, 'pending')),
    );
  for (const { sessionId } of open) {
    if (sessionId)
      await getStripe()
        .checkout.sessions.expire(sessionId)
        .catch((err) => console.error('[payments] checkout not expired', sessionId, err));
  }
}

/** How long a checkout may stay pending before the job asks Stripe about it. */
export const pendingCheckoutGraceMinutes = 5;

/**
 * The job's safety net for webhooks that never arrive: every checkout pending for more than a
 * few minutes is retrieved from Stripe and reconciled, so a paid booking or seat never stays
 * pending (and an expired one releases its hold). One failure does not hold back the others;
 * they are reported at the end and the next run tries again.
 */
export async function reconcilePendingCheckouts({ db, now }: ServiceContext, limit = 50): Promise<number> {
  const stale = await db
    .select({ sessionId: payments.stripeCheckoutSessionId })
    .from(payments)
    .where(
      and(
        eq(payments.status, 'pending'),
        isNotNull(payments.stripeCheckoutSessionId),
        lt(payments.createdAt, new Date(now.getTime() - pendingCheckoutGraceMinutes * 60 * 1000)),
      ),
    )
    .orderBy(payments.createdAt)
    .limit(limit);
  const failures: unknown[] = [];
  let settled = 0;
  for (const { sessionId } of stale) {
    try {
      const outcome = await reconcileCheckoutSession(
        { db, now },
        await getStripe().checkout.sessions.retrieve(sessionId!, { expand: sessionExpand }),
      );
      if (outcome !== 'pending') settled += 1;
    } catch (err) {
      console.error('[payments] pending checkout not reconciled; next run tries again', sessionId, err);
      failures.push(err);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} checkout(s) not reconciled`);
  return settled;
}
