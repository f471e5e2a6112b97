import 'server-only';
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { ServiceContext } from '@/lib/service';
import { stripeEvents } from '@/db/schema';
import { applyAsyncPaymentFailed, applyChargeRefunded, reconcileCheckoutSession, stripeTime } from './service';

type Handler = (ctx: ServiceContext, event: Stripe.Event) => Promise<unknown>;

const checkoutSession = (event: Stripe.Event) => event.data.object as Stripe.Checkout.Session;
/** When Stripe says the event happened: a payment or a dashboard refund is dated by it, not by when we heard. */
const eventTime = (event: Stripe.Event) => stripeTime(event.created);

/** Each event Stripe sends us and what it does; the work is in ./service.ts. */
const handlers: Partial<Record<Stripe.Event['type'], Handler>> = {
  // Our records follow the session: paid → fulfilled (or refunded as lost), expired → hold released.
  'checkout.session.completed': (ctx, event) => reconcileCheckoutSession(ctx, checkoutSession(event), eventTime(event)),
  'checkout.session.expired': (ctx, event) => reconcileCheckoutSession(ctx, checkoutSession(event), eventTime(event)),
  'checkout.session.async_payment_succeeded': (ctx, event) =>
    reconcileCheckoutSession(ctx, checkoutSession(event), eventTime(event)),
  'checkout.session.async_payment_failed': (ctx, event) => applyAsyncPaymentFailed(ctx, checkoutSession(event)),
  // Stripe's total refunded for the charge.
  'charge.refunded': (ctx, event) => applyChargeRefunded(ctx, event.data.object as Stripe.Charge, eventTime(event)),
};

/**
 * Handles one verified event. An event already processed does nothing; an event that can never
 * succeed (no data object, or one neither this site nor Stripe knows) is recorded as 'unusable'
 * and logged; any other failure throws so that the route answers 5xx and Stripe delivers it again. Handlers are idempotent by state,
 * so two deliveries racing each other are harmless too.
 */
export async function handleStripeEvent(
  { db, now }: ServiceContext,
  event: Stripe.Event,
): Promise<'processed' | 'duplicate' | 'ignored' | 'unusable'> {
  const [seen] = await db
    .select({ id: stripeEvents.id })
    .from(stripeEvents)
    .where(eq(stripeEvents.id, event.id))
    .limit(1);
  if (seen) return 'duplicate';
  const handler = handlers[event.type];
  let result: 'processed' | 'ignored' | 'unusable' = handler ? 'processed' : 'ignored';
  if (handler) {
    const object = (event as { data?: { object?: unknown } }).data?.object;
    if (!object || typeof object !== 'object' || typeof (object as { id?: unknown }).id !== 'string') {
      // Signed by Stripe but with nothing to act on: it can never succeed, so no retry.
      console.warn(`[stripe] ${event.type} ${event.id} has no data object; ignored`);
      result = 'unusable';
    } else {
      try {
        const outcome = await handler({ db, now }, event);
        if (outcome === 'unknown') {
          console.warn(`[stripe] ${event.type} ${event.id} names an object this site does not know; ignored`);
          result = 'unusable';
        }
      } catch (err) {
        if (!isMissingStripeObject(err)) throw err;
        console.warn(`[stripe] ${event.type} ${event.id} names an object Stripe does not know; ignored`);
        result = 'unusable';
      }
    }
  }
  await db.insert(stripeEvents).values({ id: event.id, type: event.type, processedAt: now }).onConflictDoNothing();
  return result;
}

/** Stripe answered 404 for an object the event names: asking again will not help. */
function isMissingStripeObject(err: unknown): boolean {
  const e = err as { type?: string; code?: string; statusCode?: number };
  return e?.type === 'StripeInvalidRequestError' && (e.code === 'resource_missing' || e.statusCode === 404);
}
