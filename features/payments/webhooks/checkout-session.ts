import type Stripe from 'stripe';
import type { Db } from '@/db/client';
import { applyAsyncPaymentFailed, reconcileCheckoutSession } from '../service';

/** checkout.session.completed / expired / async_payment_succeeded: our records follow the session. */
export async function onCheckoutSession(db: Db, event: Stripe.Event, now: Date): Promise<void> {
  await reconcileCheckoutSession(db, event.data.object as Stripe.Checkout.Session, now);
}

/** checkout.session.async_payment_failed */
export async function onAsyncPaymentFailed(db: Db, event: Stripe.Event, now: Date): Promise<void> {
  await applyAsyncPaymentFailed(db, event.data.object as Stripe.Checkout.Session, now);
}
