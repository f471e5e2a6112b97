import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { type Coupon, coupons, payments } from '@/db/schema';
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
