/**
 * Coupon arithmetic, the way Stripe computes a Checkout Session's totals in JPY (a zero-decimal
 * currency: the amounts are yen, never × 100). Pure: the emulator and the app share nothing, but
 * the app's preview and Stripe's `amount_total` agree because both follow these rules.
 */
import { formatYenAmount } from '@/lib/format';

export type CouponTerms = { percentOff: number | null; amountOffYen: number | null };

/** Stripe's smallest JPY charge: a coupon may not leave less to pay. */
export const minimumChargeYen = 50;

/**
 * The discount on a price: a percent off is rounded to the nearest yen (half up, as Stripe
 * rounds to the currency's smallest unit); a yen amount off is never more than the price.
 * 10% of 11,000円 → 1,100円; 15% of 3,333円 = 499.95 → 500円; 3,000円 off 2,000円 → 2,000円.
 */
export function discountYen(priceYen: number, coupon: CouponTerms): number {
  if (!Number.isSafeInteger(priceYen) || priceYen < 0) throw new RangeError(`invalid price ${priceYen}`);
  if (coupon.percentOff !== null) {
    if (!(coupon.percentOff > 0 && coupon.percentOff <= 100)) throw new RangeError('percentOff must be 0–100');
    return Math.min(priceYen, Math.round((priceYen * coupon.percentOff) / 100));
  }
  if (coupon.amountOffYen !== null) return Math.min(priceYen, coupon.amountOffYen);
  return 0;
}

/** What is left to pay after the coupon. */
export function priceAfterCoupon(priceYen: number, coupon: CouponTerms): { discountYen: number; payYen: number } {
  const discount = discountYen(priceYen, coupon);
  return { discountYen: discount, payYen: priceYen - discount };
}

/** How the coupon reads in lists and on the receipt: 「10%引き」「1,000円引き」. */
export function describeCoupon(coupon: CouponTerms): string {
  if (coupon.percentOff !== null) return `${coupon.percentOff}%引き`;
  if (coupon.amountOffYen !== null) return `${formatYenAmount(coupon.amountOffYen)}引き`;
  return '';
}

export type CouponState = {
  active: boolean;
  expiresAt: Date | null;
  maxRedemptions: number | null;
  timesUsed: number;
};

export type CouponRefusal = 'inactive' | 'expired' | 'used_up' | 'too_small';

/** Why a code cannot be used now for this price, if it cannot; the first reason a client can act on. */
export function couponRefusal(coupon: CouponState & CouponTerms, priceYen: number, now: Date): CouponRefusal | null {
  if (!coupon.active) return 'inactive';
  if (coupon.expiresAt && coupon.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (coupon.maxRedemptions !== null && coupon.timesUsed >= coupon.maxRedemptions) return 'used_up';
  if (priceAfterCoupon(priceYen, coupon).payYen < minimumChargeYen) return 'too_small';
  return null;
}

/** The client's message for each refusal (and for a code that does not exist). */
export const couponMessages = {
  unknown: 'このクーポンコードは見つかりません。入力した文字をお確かめください。',
  inactive: 'このクーポンは現在ご利用いただけません。',
  expired: 'このクーポンは有効期限が過ぎています。',
  used_up: 'このクーポンは利用できる回数の上限に達しました。',
  too_small: 'このクーポンはこのお支払いにはご利用いただけません。',
} as const satisfies Record<CouponRefusal | 'unknown', string>;

/** Codes as typed: spaces dropped, capitals, so 「welcome10 」 finds WELCOME10. */
export function normalizeCode(code: string): string {
  return code.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}
