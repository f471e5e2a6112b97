import 'server-only';
import { AppError } from '@/lib/errors';
import type { ApplyCouponInput } from './schemas';

/** The code a payment page's coupon field asks for: null to take it off; an empty field is said so. */
export function couponCodeToApply(input: { couponCode: string | null; remove?: boolean }): string | null {
  if (input.remove) return null;
  if (!input.couponCode) throw new AppError('invalid_input', 'クーポンコードを入力してください。');
  return input.couponCode;
}

export const couponAppliedMessage = (applied: { coupon: { code: string } } | null) =>
  applied ? `クーポン「${applied.coupon.code}」を適用しました。` : 'クーポンを外しました。';

export type { ApplyCouponInput };
