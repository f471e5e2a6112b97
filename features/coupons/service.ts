import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { type Coupon, coupons, payments } from '@/db/schema';
import type { CheckoutCoupon } from '@/features/payments/checkout';
import { AppError } from '@/lib/errors';
import { redeemedStatuses } from './admin-service';
import { couponMessages, couponRefusal, normalizeCode, priceAfterCoupon } from './domain/discount';

export type AppliedCoupon = { coupon: Coupon; discountYen: number; payYen: number };

/**
 * The coupon a client typed, checked for this price now: unknown, inactive, expired or used-up
 * codes are refused with the client's message (AppError), before anything is held or changed.
 */
export async function checkCoupon(
  db: Db,
  input: { code: string; priceYen: number; now: Date },
): Promise<AppliedCoupon> {
  const [coupon] = await db
    .select()
    .from(coupons)
    .where(eq(coupons.code, normalizeCode(input.code)))
    .limit(1);
  if (!coupon) throw new AppError('invalid_input', couponMessages.unknown);
  return checkKnownCoupon(db, coupon, input.priceYen, input.now);
}

/** The same checks for a coupon already known (one applied to a hold, when the checkout opens). */
export async function checkKnownCoupon(db: Db, coupon: Coupon, priceYen: number, now: Date): Promise<AppliedCoupon> {
  const timesUsed = await db.$count(
    payments,
    and(eq(payments.couponId, coupon.id), inArray(payments.status, [...redeemedStatuses])),
  );
  const refusal = couponRefusal({ ...coupon, timesUsed }, priceYen, now);
  if (refusal) throw new AppError('invalid_input', couponMessages[refusal]);
  return { coupon, ...priceAfterCoupon(priceYen, coupon) };
}

export async function getCoupon(db: Db, id: string): Promise<Coupon | undefined> {
  const [coupon] = await db.select().from(coupons).where(eq(coupons.id, id)).limit(1);
  return coupon;
}

/** A held thing's price: what the client pays, the discount beside it, and the coupon (if any). */
export type CouponedPrice = { priceYen: number; discountYen: number; couponId: string | null };

/**
 * The new price of a held thing when she applies a code (checked first: a refused code throws
 * and nothing changes) or takes it off (`code: null`). The list price is priceYen + discountYen.
 */
export async function repriceWithCoupon(db: Db, held: CouponedPrice, code: string | null, now: Date) {
  const listPriceYen = held.priceYen + held.discountYen;
  const applied = code ? await checkCoupon(db, { code, priceYen: listPriceYen, now }) : null;
  const price: CouponedPrice = {
    priceYen: applied ? applied.payYen : listPriceYen,
    discountYen: applied ? applied.discountYen : 0,
    couponId: applied ? applied.coupon.id : null,
  };
  return { price, applied };
}

/**
 * The coupon of a held thing as Checkout needs it, checked again (it may have expired or been
 * used up since she applied it): a refusal says why, and she can take it off on the payment page.
 */
export async function checkoutCouponFor(db: Db, held: CouponedPrice, now: Date): Promise<CheckoutCoupon | undefined> {
  if (!held.couponId) return undefined;
  const coupon = await getCoupon(db, held.couponId);
  if (!coupon) throw new AppError('invalid_input', couponMessages.inactive);
  const applied = await checkKnownCoupon(db, coupon, held.priceYen + held.discountYen, now);
  if (applied.payYen !== held.priceYen)
    throw new AppError('invalid_input', 'クーポンの内容が変わりました。もう一度適用してください。');
  return {
    id: coupon.id,
    code: coupon.code,
    stripePromotionCodeId: coupon.stripePromotionCodeId,
    discountYen: applied.discountYen,
  };
}
