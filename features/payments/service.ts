import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { Db } from '@/db/client';
import type { ServiceContext } from '@/lib/service';
import { type Payment, type PaymentPurpose, payments, refunds } from '@/db/schema';
import { isUuid } from '@/lib/ids';
import { getStripe } from '@/lib/stripe';
import { paymentStatesBefore, refundStatusFor } from './domain/payment-state';
import { fulfilmentFor, type FulfilmentOutcome } from './fulfilment';
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

/**
 * Brings our records in line with a Checkout Session, whoever calls first: the webhook or
 * the success page. Every step is guarded by state, so repeats change nothing. What the
 * payment is for is its purpose's business, reached through its registered fulfilment.
 */
export async function reconcileCheckoutSession(
  { db, now }: ServiceContext,
  session: Stripe.Checkout.Session,
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
  // The move to paid, the fulfilment and (when the thing sold was lost meanwhile) the full
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
    const outcome = await fulfilment.confirmPaid({ db: tx, now }, payment.referenceId);
    if (outcome === 'lost') {
      await requestRefund(tx, {
        paymentId: payment.id,
        amountYen: payment.amountYen,
        reason: fulfilment.lostRefundReason,
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
  if (moved === 'confirmed') await fulfilment.notifyConfirmed({ db, now }, payment.referenceId);
  if (moved === 'lost') {
    await submitRefundsSoon({ db, now }, [payment.id]);
    await fulfilment.notifyLost({ db, now }, payment);
  }
  return moved;
}

/**
 * Stripe's word on how much of a charge is refunded; never lowers what we recorded. It may
 * arrive before the payment's own completion event: then the payment is found through the
 * PaymentIntent's metadata and its checkout is reconciled first, so any order works.
 */
export async function applyChargeRefunded({ db, now }: ServiceContext, charge: Stripe.Charge): Promise<void> {
  const paymentIntentId = typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
  if (!paymentIntentId) return;
  let payment = await findPaymentForIntent(db, paymentIntentId);
  if (!payment) return; // not a payment of this site
  if (!['paid', 'partially_refunded', 'refunded'].includes(payment.status) && payment.stripeCheckoutSessionId) {
    await reconcileCheckoutSession(
      { db, now },
      await getStripe().checkout.sessions.retrieve(payment.stripeCheckoutSessionId),
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
export async function applyAsyncPaymentFailed(
  { db, now }: ServiceContext,
  session: Stripe.Checkout.Session,
): Promise<void> {
  const [payment] = await db.select().from(payments).where(eq(payments.stripeCheckoutSessionId, session.id)).limit(1);
  if (!payment) return;
  await closeCheckout({ db, now }, payment, 'failed');
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
  const session = await getStripe().checkout.sessions.retrieve(input.checkoutSessionId);
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
