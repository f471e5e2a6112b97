/**
 * Cancellation fees and refunds, from the same policy table the client agreed to
 * (`cancellationPolicy` in lib/site-config.ts). Yen are integers: JPY has no minor unit.
 */
import { formatYen } from '@/lib/format';
import { HOUR_MS } from '@/lib/time';
import { bookingMessages } from './messages';

export type CancellationTier = { hoursBefore: number; feePercent: number; label: string };

export type SessionCancellationTerms = {
  feePercent: number;
  feeYen: number;
  refundYen: number;
  tierLabel: string;
  /** Moving the session instead of cancelling costs nothing: only while no fee would apply. */
  freeReschedule: boolean;
  /** The start time has been reached: a cancellation now is a no-show. */
  started: boolean;
};

/**
 * The fee for cancelling a session at `now`.
 *
 * Tiers are ordered from the earliest cancellation. A free tier (0 %) holds only while strictly
 * more than its hours remain; a fee tier begins at its bound, inclusive. With the default table
 * (48 h free, 24 h 50 %, 0 h 100 %):
 *
 *   time before the start   tier
 *   48 h + 1 ms             free                  ("more than 48 h")
 *   48 h exactly            50 %                  (the free window has closed)
 *   24 h exactly            50 %                  ("48–24 h" includes 24 h)
 *   24 h − 1 ms             100 %                 ("within 24 h")
 *   0 or after the start    100 %, started        (a no-show; also the last tier whatever its bound)
 *
 * Fee = ⌊price × percent / 100⌋ so the client is never charged a fraction up:
 * ¥11,001 at 50 % → fee ¥5,500, refund ¥5,501. A counselor cancellation refunds in full.
 */
export function sessionCancellationTerms(input: {
  policy: readonly CancellationTier[];
  startsAt: Date;
  now: Date;
  priceYen: number;
  cancelledBy: 'client' | 'counselor';
}): SessionCancellationTerms {
  const { policy, startsAt, now, priceYen, cancelledBy } = input;
  assertYen(priceYen);
  assertPolicy(policy);
  const msBefore = startsAt.getTime() - now.getTime();
  if (Number.isNaN(msBefore)) throw new RangeError('invalid date');
  const started = msBefore <= 0;

  if (cancelledBy === 'counselor') {
    return {
      feePercent: 0,
      feeYen: 0,
      refundYen: priceYen,
      tierLabel: bookingMessages.cancellation.counselorTier,
      freeReschedule: true,
      started,
    };
  }
  const tier = policy[tierIndexAt(policy, msBefore)]!;
  const feeYen = Math.floor((priceYen * tier.feePercent) / 100);
  return {
    feePercent: tier.feePercent,
    feeYen,
    refundYen: priceYen - feeYen,
    tierLabel: tier.label,
    freeReschedule: tier.feePercent === 0,
    started,
  };
}

/**
 * The index of the tier that applies `msBefore` the start (see the table above): a free tier
 * while strictly more than its hours remain, a fee tier from its bound inclusive, and the last
 * tier once the start has been reached.
 */
export function tierIndexAt(policy: readonly CancellationTier[], msBefore: number): number {
  if (msBefore <= 0) return policy.length - 1;
  const index = policy.findIndex((t) =>
    t.feePercent === 0 ? msBefore > t.hoursBefore * HOUR_MS : msBefore >= t.hoursBefore * HOUR_MS,
  );
  return index === -1 ? policy.length - 1 : index;
}

/**
 * The cancel screen's preview of what applies right now:
 * 「今キャンセルすると50%・5,500円（税込）のキャンセル料がかかります。返金額は5,500円（税込）です。」,
 * 「今キャンセルすると無料です。全額を返金します。」.
 */
export function describeCancellationNow(terms: SessionCancellationTerms): string {
  const words = bookingMessages.cancellation;
  if (terms.feePercent === 0 && terms.feeYen === 0) return words.free;
  const percentAndFee = words.percentAndFee(terms.feePercent, formatYen(terms.feeYen));
  const lead = terms.started ? words.feeAfterStart(percentAndFee) : words.feeNow(percentAndFee);
  return lead + (terms.refundYen > 0 ? words.refund(formatYen(terms.refundYen)) : words.noRefund);
}

function assertYen(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount < 0)
    throw new RangeError(`yen amounts are non-negative integers, got ${amount}`);
}

function assertPolicy(policy: readonly CancellationTier[]): void {
  if (policy.length === 0) throw new RangeError('the cancellation policy has no tiers');
  policy.forEach((tier, i) => {
    if (!Number.isInteger(tier.feePercent) || tier.feePercent < 0 || tier.feePercent > 100) {
      throw new RangeError(`feePercent must be an integer 0–100, got ${tier.feePercent}`);
    }
    const previous = policy[i - 1];
    if (
      !Number.isFinite(tier.hoursBefore) ||
      tier.hoursBefore < 0 ||
      (previous && tier.hoursBefore >= previous.hoursBefore)
    ) {
      throw new RangeError('tiers must be ordered from the earliest, with decreasing hoursBefore ≥ 0');
    }
  });
}
