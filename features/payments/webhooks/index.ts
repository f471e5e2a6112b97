import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { Db } from '@/db/client';
import { stripeEvents } from '@/db/schema';
import { onChargeRefunded } from './charge-refunded';
import { onAsyncPaymentFailed, onCheckoutSession } from './checkout-session';

type Handler = (db: Db, event: Stripe.Event, now: Date) => Promise<void>;

const handlers: Partial<Record<Stripe.Event['type'], Handler>> = {
  'checkout.session.completed': onCheckoutSession,
  'checkout.session.expired': onCheckoutSession,
  'checkout.session.async_payment_succeeded': onCheckoutSession,
  'checkout.session.async_payment_failed': onAsyncPaymentFailed,
  'charge.refunded': onChargeRefunded,
};

/**
 * Handles one verified event. An event already processed does nothing; a failure throws so
 * that the route answers 5xx and Stripe delivers it again. Handlers are idempotent by state,
 * so two deliveries racing each other are harmless too.
 */
export async function handleStripeEvent(
  db: Db,
  event: Stripe.Event,
  now: Date,
): Promise<'processed' | 'duplicate' | 'ignored'> {
  const [seen] = await db
    .select({ id: stripeEvents.id })
    .from(stripeEvents)
    .where(eq(stripeEvents.id, event.id))
    .limit(1);
  if (seen) return 'duplicate';
  const handler = handlers[event.type];
  if (handler) await handler(db, event, now);
  await db.insert(stripeEvents).values({ id: event.id, type: event.type, processedAt: now }).onConflictDoNothing();
  return handler ? 'processed' : 'ignored';
}
