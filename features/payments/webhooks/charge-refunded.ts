import type Stripe from 'stripe';
import type { Db } from '@/db/client';
import { applyChargeRefunded } from '../service';

/** charge.refunded: Stripe's total refunded for the charge. */
export async function onChargeRefunded(db: Db, event: Stripe.Event, now: Date): Promise<void> {
  await applyChargeRefunded(db, event.data.object as Stripe.Charge, now);
}
