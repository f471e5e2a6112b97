/**
 * The rules of session packages (回数券), pure: the balance of a purchase's ledger, what a
 * cancellation does to a credit, the refund of the unused part and the expiry date.
 * Yen are integers (JPY has no minor unit).
 */
import { type CancellationTier, tierIndexAt } from '@/features/booking/domain/cancellation';
import { addDays, type CivilDate, japanDate, japanInstant } from '@/lib/time';

export type LedgerRow = {
  kind: 'grant' | 'use' | 'return' | 'expire' | 'refund';
  delta: number;
  expiresAt: Date | null;
};

export type CreditBalance = {
  /** Sessions bought (the grant); 0 before the grant is written. */
  granted: number;
  /** Credits she can book with now: the sum of the ledger, 0 once the grant has expired. */
  remaining: number;
  /** The first instant at which the credits no longer count (null before the grant). */
  expiresAt: Date | null;
  expired: boolean;
  /** Credits that were left when the package expired (shown as expired). */
  lapsed: number;
};

/**
 * The balance is the sum of the ledger's deltas (grants +, uses −, returns +, expiries and
 * refunds − what was left). An expired grant counts for nothing: from `expiresAt` on the
 * remaining credits are lapsed, whether or not the expiry row has been written yet.
 */
export function creditBalance(rows: readonly LedgerRow[], now: Date): CreditBalance {
  const grant = rows.find((r) => r.kind === 'grant');
  const sum = rows.reduce((total, r) => total + r.delta, 0);
  const expiresAt = grant?.expiresAt ?? null;
  const expired = expiresAt !== null && now.getTime() >= expiresAt.getTime();
  const written = -rows.filter((r) => r.kind === 'expire').reduce((total, r) => total + r.delta, 0);
  if (sum < 0) throw new RangeError(`a credit ledger never sums below zero, got ${sum}`);
  return {
    granted: grant?.delta ?? 0,
    remaining: expired ? 0 : sum,
    expiresAt,
    expired,
    lapsed: expired ? written + sum : 0,
  };
}

export type CreditOutcome = 'returned' | 'used';

/**
 * What a cancellation does to the credit a booking used, by the same fee table as a paid
 * session (the terms she agreed to when booking):
 *   the counselor (or the system) cancels  → the credit comes back, always
 *   the client cancels in the free tier    → the credit comes back
 *   the client cancels in a fee tier       → the credit is used up (any fee, 50 % or 100 %:
 *                                            a credit cannot be split)
 */
export function creditOnCancellation(input: {
  policy: readonly CancellationTier[];
  startsAt: Date;
  now: Date;
  cancelledBy: 'client' | 'counselor' | 'system';
}): CreditOutcome {
  if (input.cancelledBy !== 'client') return 'returned';
  if (input.policy.length === 0) throw new RangeError('the cancellation policy has no tiers');
  const msBefore = input.startsAt.getTime() - input.now.getTime();
  if (Number.isNaN(msBefore)) throw new RangeError('invalid date');
  const tier = input.policy[tierIndexAt(input.policy, msBefore)]!;
  return tier.feePercent === 0 ? 'returned' : 'used';
}

/**
 * The refund for the unused part of a package: price × unused ÷ sessions, rounded down to the
 * yen, so that she is refunded exactly the per-session price she paid for each unused session
 * (the package discount stays hers) and never a fraction up. ¥30,000 for 3, one unused →
 * ¥10,000; ¥10,000 for 3, two unused → ¥6,666. No fee is taken (`packageRefundFeeYen`), and
 * what is refunded is never more than what is left of the payment (features/payments/refunds.ts
 * caps it). The terms and the 特商法 page state this rule in these words (`packageRefundRuleText`).
 * Credits that expired are not refunded; the counselor's refund is asked for before the expiry.
 */
export function unusedRefundYen(input: { priceYen: number; sessionCount: number; unused: number }): number {
  const { priceYen, sessionCount, unused } = input;
  if (!Number.isSafeInteger(priceYen) || priceYen < 0)
    throw new RangeError(`price must be integer yen, got ${priceYen}`);
  if (!Number.isSafeInteger(sessionCount) || sessionCount < 1) throw new RangeError('a package has sessions');
  if (!Number.isSafeInteger(unused) || unused < 0 || unused > sessionCount)
    throw new RangeError(`unused must be 0…${sessionCount}, got ${unused}`);
  return Math.floor((priceYen * unused) / sessionCount);
}

/**
 * When a package bought at `paidAt` expires: it is valid through the same calendar day
 * `months` later in Japan (the last day of a shorter month: 1月31日 + 1か月 → 2月28日/29日),
 * and expires at the following midnight, Japan time. Paid 2026年12月3日 with 3 months →
 * usable through 2027年3月3日, expired from 2027-03-04 00:00 JST.
 */
export function packageExpiresAt(paidAt: Date, months: number): Date {
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`months must be a positive integer, got ${months}`);
  return japanInstant(addDays(lastValidDay(japanDate(paidAt), months), 1));
}

/** `date` plus `months` calendar months, clamped to the end of a shorter month. */
export function lastValidDay(date: CivilDate, months: number): CivilDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, daysInMonth);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The fee deducted from the refund of the unused part: none. */
export const packageRefundFeeYen = 0;

/** The refund rule as the terms, the 特商法 page and the admin state it. */
export const packageRefundRuleText =
  '有効期限内の未使用分は、お申し出により返金します。返金額は「お支払い額 × 未使用の回数 ÷ 回数券の回数」（1円未満切り捨て）で、手数料はいただきません。期限切れの回数分は返金の対象外です。';

/** The last day a package can be used (Japan time): the day before it expires at midnight. */
export function lastUsableInstant(expiresAt: Date): Date {
  return new Date(expiresAt.getTime() - 1);
}
