/**
 * What a client who books close to the start pays if she cancels, from the moment of booking:
 * the same policy table the cancel screen and the refund arithmetic use
 * (./cancellation.ts), read at the instant she books instead of the instant she cancels.
 */
import { formatYen } from '@/lib/format';
import { type CancellationTier, tierIndexAt } from './cancellation';

export type LateBookingFee = {
  /** The free window that has already closed: 48 means "less than 48 h before the start". */
  withinHours: number;
  feePercent: number;
  feeYen: number;
  /** The tier that follows before the start, if any (50 % now, 100 % from 24 h before). */
  next?: { fromHours: number; feePercent: number; feeYen: number };
};

/**
 * The fee a cancellation would cost from the moment of booking, or null while booking leaves a
 * free window (more than 48 h before the start with the default table).
 *
 *   default table, ¥11,000, booking 30 h before the start
 *   → within 48 h: 50 % ¥5,500 now; from 24 h before: 100 % ¥11,000
 *   booking 10 h before → within 24 h: 100 % ¥11,000, nothing follows
 */
export function lateBookingFee(input: {
  policy: readonly CancellationTier[];
  startsAt: Date;
  now: Date;
  priceYen: number;
}): LateBookingFee | null {
  const { policy, priceYen } = input;
  const msBefore = input.startsAt.getTime() - input.now.getTime();
  if (Number.isNaN(msBefore)) throw new RangeError('invalid date');
  const index = tierIndexAt(policy, msBefore);
  const tier = policy[index]!;
  if (tier.feePercent === 0) return null;
  const fee = (percent: number) => Math.floor((priceYen * percent) / 100);
  // The bound crossed is the earlier tier's; a table whose first tier charges has none.
  const withinHours = index > 0 ? policy[index - 1]!.hoursBefore : tier.hoursBefore;
  const following = policy[index + 1];
  return {
    withinHours,
    feePercent: tier.feePercent,
    feeYen: fee(tier.feePercent),
    ...(following
      ? { next: { fromHours: tier.hoursBefore, feePercent: following.feePercent, feeYen: fee(following.feePercent) } }
      : {}),
  };
}

/**
 * The confirm screen's sentences, plain and without nested brackets:
 * 「開始まで48時間を切っているため、ご予約の時点からキャンセル料がかかります。今キャンセルすると
 * 50%・5,500円（税込）、開始24時間前からは100%・11,000円（税込）です。」
 */
export function describeLateBookingFee(fee: LateBookingFee): string {
  const now =
    fee.feePercent === 100 ? `全額の${formatYen(fee.feeYen)}` : `${fee.feePercent}%・${formatYen(fee.feeYen)}`;
  const lead = `開始まで${fee.withinHours}時間を切っているため、ご予約の時点からキャンセル料がかかります。`;
  if (!fee.next) return `${lead}ご予約後にキャンセルすると、${now}です。`;
  const later =
    fee.next.feePercent === 100
      ? `全額の${formatYen(fee.next.feeYen)}`
      : `${fee.next.feePercent}%・${formatYen(fee.next.feeYen)}`;
  return `${lead}ご予約後にキャンセルすると${now}、開始${fee.next.fromHours}時間前からは${later}です。`;
}
