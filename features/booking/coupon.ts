import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings, sessionTypes } from '@/db/schema';
import { checkCoupon, checkKnownCoupon, getCoupon } from '@/features/coupons/service';
import type { CheckoutCoupon } from '@/features/payments/checkout';
import { AppError } from '@/lib/errors';
import { isHoldLive } from '@/lib/holds';
import type { ServiceContext } from '@/lib/service';

/** The session type's price, to check a code typed on the confirm screen before anything is held. */
export async function checkCouponForSessionType(db: Db, input: { sessionTypeSlug: string; code: string; now: Date }) {
  const [type] = await db
    .select({ priceYen: sessionTypes.priceYen })
    .from(sessionTypes)
    .where(eq(sessionTypes.slug, input.sessionTypeSlug))
    .limit(1);
  if (!type) throw new AppError('slot_unavailable');
  return checkCoupon(db, { code: input.code, priceYen: type.priceYen, now: input.now });
}

async function heldBooking(db: Db, input: { bookingId: string; clientId: string }, now: Date) {
  const [booking] = await db
    .select()
    .from(bookings)
    .where(and(eq(bookings.id, input.bookingId), eq(bookings.clientId, input.clientId)))
    .limit(1);
  if (!booking || !isHoldLive(booking, now)) throw new AppError('hold_expired');
  return booking;
}

/**
 * Applies a code to her held booking: the booking's price becomes what she will pay (so the
 * cancellation table she agrees to, the fee and every refund are on that amount), the discount
 * kept beside it. A refused code changes nothing. `code: null` takes the coupon off again.
 */
export async function setBookingCoupon(
  { db, now }: ServiceContext,
  input: { bookingId: string; clientId: string; code: string | null },
) {
  const booking = await heldBooking(db, input, now);
  const listPriceYen = booking.priceYen + booking.discountYen;
  const applied = input.code ? await checkCoupon(db, { code: input.code, priceYen: listPriceYen, now }) : null;
  const [updated] = await db
    .update(bookings)
    .set({
      priceYen: applied ? applied.payYen : listPriceYen,
      discountYen: applied ? applied.discountYen : 0,
      couponId: applied ? applied.coupon.id : null,
      updatedAt: now,
    })
    .where(and(eq(bookings.id, booking.id), eq(bookings.status, 'held'), eq(bookings.priceYen, booking.priceYen)))
    .returning({ id: bookings.id });
  if (!updated) throw new AppError('hold_expired');
  return applied;
}

/**
 * The coupon of a held booking as Checkout needs it, checked again (it may have expired or been
 * used up since she applied it): a refusal says why, and she can take it off on the payment page.
 */
export async function bookingCheckoutCoupon(
  db: Db,
  booking: { couponId: string | null; priceYen: number; discountYen: number },
  now: Date,
): Promise<CheckoutCoupon | undefined> {
  if (!booking.couponId) return undefined;
  const coupon = await getCoupon(db, booking.couponId);
  if (!coupon) throw new AppError('invalid_input', 'このクーポンは現在ご利用いただけません。');
  const applied = await checkKnownCoupon(db, coupon, booking.priceYen + booking.discountYen, now);
  if (applied.payYen !== booking.priceYen)
    throw new AppError('invalid_input', 'クーポンの内容が変わりました。もう一度適用してください。');
  return {
    id: coupon.id,
    code: coupon.code,
    stripePromotionCodeId: coupon.stripePromotionCodeId,
    discountYen: applied.discountYen,
  };
}
