import 'server-only';
import { and, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { ServiceContext } from '@/lib/service';
import { type PaymentMethod, type PaymentPurpose, payments } from '@/db/schema';
import { AppError, isUniqueViolation } from '@/lib/errors';
import { getStripe } from '@/lib/stripe';

/** What one Checkout Session pays for: a held thing of some purpose (a booking, a course seat). */
export type CheckoutItem = {
  purpose: PaymentPurpose;
  referenceId: string;
  clientId: string;
  email: string;
  amountYen: number;
  /** The line item's name on Stripe's page (never the client's theme). */
  name: string;
  /** The card statement's suffix: discreet, the same for every client. */
  statementDescriptor: 'SESSION' | 'COURSE';
  expiresAt: Date;
  successUrl: string;
  cancelUrl: string;
  /**
   * The methods Stripe's page offers, card first (computed by the caller with methodsFor, or
   * checkoutMethodsFor from ./methods). A reused open session keeps the methods it was made with.
   */
  paymentMethodTypes: PaymentMethod[];
  /** More metadata on the session and its PaymentIntent, for reading Stripe's dashboard (e.g. `{ bookingId }`). */
  metadata?: Record<string, string>;
};

/**
 * Opens (or reopens) the Checkout Session for an item: an open session already made for it is
 * reused; otherwise `beforeNewSession` runs (the hold is kept until the new session's expiry), a
 * pending payment is recorded and a session created under its idempotency key.
 */
export async function openCheckout(
  { db, now }: ServiceContext,
  item: CheckoutItem,
  beforeNewSession?: () => Promise<void>,
): Promise<string> {
  const stripe = getStripe();
  const forItem = and(eq(payments.purpose, item.purpose), eq(payments.referenceId, item.referenceId));
  const [existing] = await db
    .select()
    .from(payments)
    .where(and(forItem, eq(payments.status, 'pending')))
    .limit(1);
  if (existing?.stripeCheckoutSessionId) {
    const session = await stripe.checkout.sessions.retrieve(existing.stripeCheckoutSessionId);
    if (session.status === 'open' && session.url) return session.url;
    // Paid already (its webhook not yet here): a second checkout would take the money twice.
    if (session.status === 'complete') throw new AppError('already_paid');
    await db
      .update(payments)
      .set({ status: 'expired', updatedAt: now })
      .where(and(eq(payments.id, existing.id), eq(payments.status, 'pending')));
  } else if (existing) {
    // Another request is creating this item's session right now (or crashed doing so a while ago).
    if (now.getTime() - existing.createdAt.getTime() < 2 * 60_000) throw new AppError('payment_unavailable');
    await db
      .update(payments)
      .set({ status: 'failed', updatedAt: now })
      .where(and(eq(payments.id, existing.id), eq(payments.status, 'pending')));
  }
  // Only a new session moves the hold's end to its expiry; a reused one keeps both as they were.
  await beforeNewSession?.();
  let payment: typeof payments.$inferSelect | undefined;
  try {
    // At most one pending payment per item (a partial unique index): of two requests racing
    // here, one creates the session and the other is asked to try again, never a second charge.
    [payment] = await db
      .insert(payments)
      .values({
        clientId: item.clientId,
        purpose: item.purpose,
        referenceId: item.referenceId,
        amountYen: item.amountYen,
        status: 'pending',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('payment_unavailable');
    throw err;
  }
  const metadata = { ...item.metadata, purpose: item.purpose, referenceId: item.referenceId, paymentId: payment!.id };
  let session: Stripe.Checkout.Session;
  try {
    session = await stripe.checkout.sessions.create(
      {
        mode: 'payment',
        locale: 'ja',
        customer_email: item.email,
        // Checkout offers these and no others (SDK 23 types this filter; Stripe still shows only
        // the methods activated in the account's dashboard).
        allowed_payment_method_types: item.paymentMethodTypes,
        client_reference_id: item.referenceId,
        metadata,
        // JPY is zero-decimal: the amount is the yen amount itself, never × 100.
        line_items: [
          {
            quantity: 1,
            price_data: { currency: 'jpy', unit_amount: item.amountYen, product_data: { name: item.name } },
          },
        ],
        payment_intent_data: { metadata, statement_descriptor_suffix: item.statementDescriptor },
        expires_at: Math.floor(item.expiresAt.getTime() / 1000),
        success_url: item.successUrl,
        cancel_url: item.cancelUrl,
      },
      { idempotencyKey: `checkout-${payment!.id}` },
    );
  } catch (err) {
    await db.update(payments).set({ status: 'failed', updatedAt: now }).where(eq(payments.id, payment!.id));
    console.error('[payments] checkout session could not be created', err);
    throw new AppError('payment_unavailable');
  }
  await db
    .update(payments)
    .set({ stripeCheckoutSessionId: session.id, updatedAt: now })
    .where(eq(payments.id, payment!.id));
  if (!session.url) throw new AppError('payment_unavailable');
  return session.url;
}
