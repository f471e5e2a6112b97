import 'server-only';
import type { Payment, PaymentPurpose } from '@/db/schema';
import type { ServiceContext } from '@/lib/service';

export type FulfilmentOutcome = 'confirmed' | 'already' | 'lost';

/** What a delayed payment's voucher did to the held thing: kept until the deadline, or lost meanwhile. */
export type AwaitOutcome = 'awaiting' | 'already' | 'lost';

/** What payments' own mails say a payment is for: a discreet name, the portal page, where to start again. */
export type PaymentSubject = { what: string; url: string; againUrl: string };

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
  /**
   * The checkout expired or its delayed payment failed or lapsed: the hold (or the place kept
   * while awaiting the payment) goes.
   */
  release(ctx: ServiceContext, referenceId: string): Promise<void>;
  /**
   * In the transaction that records a delayed payment's voucher (konbini): keep the held thing
   * for its client until `until` (state `awaiting_payment`), taking back a hold that lapsed
   * meanwhile if nobody took its place; `lost` if someone did (payments then voids the voucher).
   * Absent (a purpose with nothing to keep, or not sold by konbini): the voucher simply awaits payment.
   */
  awaitPayment?(ctx: ServiceContext, referenceId: string, until: Date): Promise<AwaitOutcome>;
  /** For payments' own mails to the client (the voucher, its reminder, its lapse); absent: no such mails. */
  describe?(ctx: ServiceContext, referenceId: string, timeZone: string): Promise<PaymentSubject | undefined>;
  /**
   * In the same transaction, once it confirmed: queue the client's confirmation (and the
   * counselor's notice). Returns the notices payments delivers after the commit.
   */
  notifyConfirmed(ctx: ServiceContext, referenceId: string): Promise<string[]>;
  /**
   * In the same transaction, once it was lost: the payment came too late and is refunded in
   * full; queue the client's notice (and the counselor's). Returns the notices to deliver.
   */
  notifyLost(ctx: ServiceContext, payment: Payment): Promise<string[]>;
  /**
   * In the transaction that records it: Stripe reports a refund this app never asked for (made
   * in the Stripe dashboard). Mark the thing sold so the counselor sees it; change nothing else.
   */
  markRefundedOutside(ctx: ServiceContext, referenceId: string): Promise<void>;
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
