import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import Stripe from 'stripe';
import type { Db } from '@/db/client';
import { coupons, payments } from '@/db/schema';
import { AppError, isUniqueViolation } from '@/lib/errors';
import type { ServiceContext } from '@/lib/service';
import { getStripe } from '@/lib/stripe';
import { japanInstant } from '@/lib/time';
import type { CouponValues } from './schemas';

/** Payments that used a coupon and hold (or held) money: what "times used" counts. */
export const redeemedStatuses = ['paid', 'partially_refunded', 'refunded'] as const;

export const couponAdminMessages = {
  codeTaken: 'このコードはすでに使われています。別のコードにしてください。',
  stripeRefused: 'Stripe でクーポンを作成できませんでした。入力内容をお確かめのうえ、もう一度お試しください。',
} as const;

/** Every coupon, newest first, with how many paid payments used it. */
export async function listCoupons(db: Db) {
  const used = db
    .select({ couponId: payments.couponId, count: sql<number>`count(*)::int`.as('count') })
    .from(payments)
    .where(inArray(payments.status, [...redeemedStatuses]))
    .groupBy(payments.couponId)
    .as('used');
  const rows = await db
    .select({ coupon: coupons, timesUsed: sql<number>`coalesce(${used.count}, 0)::int` })
    .from(coupons)
    .leftJoin(used, eq(used.couponId, coupons.id))
    .orderBy(desc(coupons.createdAt));
  return rows.map((r) => ({ ...r.coupon, timesUsed: r.timesUsed }));
}

/**
 * Creates the coupon in Stripe (a coupon and its promotion code, each under an idempotency key
 * of this coupon's id, so the SDK's retries never make two) and keeps its row. A code already
 * used here or in Stripe is refused in Japanese and nothing is kept.
 */
export async function createCoupon({ db, now }: ServiceContext, values: CouponValues): Promise<string> {
  const [taken] = await db.select({ id: coupons.id }).from(coupons).where(eq(coupons.code, values.code)).limit(1);
  if (taken) throw new AppError('invalid_input', couponAdminMessages.codeTaken);
  const id = randomUUID();
  const percentOff = values.kind === 'percent' ? Number(values.percentOff) : null;
  const amountOffYen = values.kind === 'amount' ? Number(values.amountOffYen) : null;
  const expiresAt = values.expiresOn ? japanInstant(values.expiresOn, 24 * 60) : null;
  if (expiresAt && expiresAt.getTime() <= now.getTime())
    throw new AppError('invalid_input', '有効期限には今日以降の日付を選んでください。');
  const maxRedemptions = values.maxRedemptions ? Number(values.maxRedemptions) : null;
  const stripe = getStripe();
  let promotionCode: Stripe.PromotionCode;
  let couponId: string;
  try {
    const coupon = await stripe.coupons.create(
      {
        duration: 'once',
        name: values.code,
        ...(percentOff !== null ? { percent_off: percentOff } : { amount_off: amountOffYen!, currency: 'jpy' }),
        metadata: { couponId: id },
      },
      { idempotencyKey: `coupon-${id}` },
    );
    couponId = coupon.id;
    promotionCode = await stripe.promotionCodes.create(
      {
        promotion: { type: 'coupon', coupon: coupon.id },
        code: values.code,
        active: values.active,
        ...(expiresAt ? { expires_at: Math.floor(expiresAt.getTime() / 1000) } : {}),
        ...(maxRedemptions ? { max_redemptions: maxRedemptions } : {}),
        metadata: { couponId: id },
      },
      { idempotencyKey: `promotion-code-${id}` },
    );
  } catch (err) {
    if (err instanceof Stripe.errors.StripeInvalidRequestError && err.code === 'resource_already_exists')
      throw new AppError('invalid_input', couponAdminMessages.codeTaken);
    console.error('[coupons] Stripe refused the coupon', err);
    if (err instanceof Stripe.errors.StripeInvalidRequestError)
      throw new AppError('invalid_input', couponAdminMessages.stripeRefused);
    throw new AppError('payment_unavailable');
  }
  try {
    await db.insert(coupons).values({
      id,
      code: values.code,
      percentOff,
      amountOffYen,
      expiresAt,
      maxRedemptions,
      active: values.active,
      stripeCouponId: couponId,
      stripePromotionCodeId: promotionCode.id,
      createdAt: now,
      updatedAt: now,
    });
  } catch (err) {
    // The same code saved a moment ago by another request: this one's code in Stripe is turned off.
    if (!isUniqueViolation(err)) throw err;
    await stripe.promotionCodes.update(promotionCode.id, { active: false }).catch(() => undefined);
    throw new AppError('invalid_input', couponAdminMessages.codeTaken);
  }
  return id;
}

/** Turns a coupon on or off, in Stripe first (so a code off here is off there too), then here. */
export async function setCouponActive({ db, now }: ServiceContext, input: { id: string; active: boolean }) {
  const [coupon] = await db.select().from(coupons).where(eq(coupons.id, input.id)).limit(1);
  if (!coupon) throw new AppError('not_found');
  if (coupon.active === input.active) return coupon;
  try {
    await getStripe().promotionCodes.update(
      coupon.stripePromotionCodeId,
      { active: input.active },
      { idempotencyKey: `promotion-code-${coupon.id}-${input.active ? 'on' : 'off'}-${now.getTime()}` },
    );
  } catch (err) {
    console.error('[coupons] Stripe refused the change', err);
    if (err instanceof Stripe.errors.StripeInvalidRequestError)
      throw new AppError(
        'invalid_input',
        'このクーポンは有効期限が過ぎたか上限に達したため、もう一度有効にはできません。新しいクーポンを作成してください。',
      );
    throw new AppError('payment_unavailable');
  }
  const [updated] = await db
    .update(coupons)
    .set({ active: input.active, updatedAt: now })
    .where(and(eq(coupons.id, coupon.id)))
    .returning();
  return updated!;
}
