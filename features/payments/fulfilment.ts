import 'server-only';
import type { Payment, PaymentPurpose } from '@/db/schema';
import type { ServiceContext } from '@/lib/service';

export type FulfilmentOutcome = 'confirmed' | 'already' | 'lost';

/**
 * What a capability that sells something does when its payment moves. Payments knows a payment
 * only as `{ purpose, referenceId }`; everything about the thing sold happens in these calls.
 */
export type Fulfilment = {
  /**
   * In the transaction that records the payment as paid (`ctx.db` is that transaction): take
   * the held thing, or say it was lost meanwhile (payments then refunds in full).
   */
  confirmPaid(ctx: ServiceContext, referenceId: string): Promise<FulfilmentOutcome>;
  /** The checkout expired or its delayed payment failed: the hold goes. */
  release(ctx: ServiceContext, referenceId: string): Promise<void>;
  /** After the commit, once: the client's confirmation. */
  notifyConfirmed(ctx: ServiceContext, referenceId: string): Promise<void>;
  /** After the commit, once: the payment came too late and is refunded in full; the client is told. */
  notifyLost(ctx: ServiceContext, payment: Payment): Promise<void>;
  /** The reason recorded with that full refund. */
  lostRefundReason: string;
};

const registry = new Map<PaymentPurpose, Fulfilment>();

/** Each purpose registers once, in features/fulfilments.ts. */
export function registerFulfilment(purpose: PaymentPurpose, fulfilment: Fulfilment): void {
  registry.set(purpose, fulfilment);
}

export function fulfilmentFor(purpose: PaymentPurpose): Fulfilment {
  const fulfilment = registry.get(purpose);
  if (!fulfilment)
    throw new Error(`no fulfilment registered for payments of purpose '${purpose}': import '@/features/fulfilments'`);
  return fulfilment;
}
