import 'server-only';
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { ServiceContext } from '@/lib/service';
import { stripeEvents } from '@/db/schema';
import { applyAsyncPaymentFailed, applyChargeRefunded, reconcileCheckoutSession } from './service';

type Handler = (ctx: ServiceContext, event: Stripe.Event) => Promise<unknown>;

const checkoutSession = (event: Stripe.Event) => event.data.object as Stripe.Checkout.Session;

/** Each event Stripe sends us and what it does; the work is in ./service.ts. */
const handlers: Partial<Record<Stripe.Event['type'], Handler>> = {
  // Our records follow the session: paid → fulfilled (or refunded as lost), expired → hold released.
  'checkout.session.completed': (ctx, event) => reconcileCheckoutSession(ctx, checkoutSession(event)),
  'checkout.session.expired': (ctx, event) => reconcileCheckoutSession(ctx, checkoutSession(event)),
  'checkout.session.async_payment_succeeded': (ctx, event) => reconcileCheckoutSession(ctx, checkoutSession(event)),
  'checkout.session.async_payment_failed': (ctx, event) => applyAsyncPaymentFailed(ctx, checkoutSession(event)),
  // Stripe's total refunded for the charge.
  'charge.refunded': (ctx, event) => applyChargeRefunded(ctx, event.data.object as Stripe.Charge),
};

/**
 * Handles one verified event. An event already processed does nothing; a failure throws so
 * that the route answers 5xx and Stripe delivers it again. Handlers are idempotent by state,
 * so two deliveries racing each other are harmless too.
 */
export async function handleStripeEvent(
  { db, now }: ServiceContext,
  event: Stripe.Event,
): Promise<'processed' | 'duplicate' | 'ignored'> {
  const [seen] = await db
    .select({ id: stripeEvents.id })
    .from(stripeEvents)
    .where(eq(stripeEvents.id, event.id))
    .limit(1);
  if (seen) return 'duplicate';
  const handler = handlers[event.type];
  if (handler) await handler({ db, now }, event);
  await db.insert(stripeEvents).values({ id: event.id, type: event.type, processedAt: now }).onConflictDoNothing();
  return handler ? 'processed' : 'ignored';
}
