import type { PaymentStatus } from '@/db/schema';

/**
 * The payment state machine. A payment only moves forward: events that arrive late or twice
 * (Stripe retries, any order) cannot undo a later state. `expired → paid` is allowed because
 * money Stripe took must be recorded even if the checkout was given up on our side.
 */
const transitions: Record<PaymentStatus, readonly PaymentStatus[]> = {
  pending: ['paid', 'expired', 'failed'],
  expired: ['paid'],
  failed: ['paid'],
  paid: ['partially_refunded', 'refunded'],
  partially_refunded: ['partially_refunded', 'refunded'],
  refunded: [],
};

export function canMovePayment(from: PaymentStatus, to: PaymentStatus): boolean {
  return transitions[from].includes(to);
}

/** The states from which a payment may move to `to`: the guard of an UPDATE … WHERE status IN (…). */
export function paymentStatesBefore(to: PaymentStatus): PaymentStatus[] {
  return (Object.keys(transitions) as PaymentStatus[]).filter((from) => canMovePayment(from, to));
}

export function refundStatusFor(amountYen: number, refundedYen: number): PaymentStatus {
  if (refundedYen <= 0) return 'paid';
  return refundedYen >= amountYen ? 'refunded' : 'partially_refunded';
}
