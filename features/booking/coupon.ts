import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings, sessionTypes } from '@/db/schema';
import { checkCoupon, repriceWithCoupon } from '@/features/coupons/service';
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

/**
 * Applies a code to her held booking: the booking's price becomes what she will pay (so the
 * cancellation table she agrees to, the fee and every refund are on that amount), the discount
 * kept beside it. A refused code changes nothing. `code: null` takes the coupon off again.
 */
export async function setBookingCoupon(
  { db, now }: ServiceContext,
  input: { bookingId: string; clientId: string; code: string | null },
) {
  const [booking] = await db
    .select()
    .from(bookings)
    .where(and(eq(bookings.id, input.bookingId), eq(bookings.clientId, input.clientId)))
    .limit(1);
  if (!booking || !isHoldLive(booking, now)) throw new AppError('hold_expired');
  const { price, applied } = await repriceWithCoupon(db, booking, input.code, now);
  const [updated] = await db
    .update(bookings)
    .set({ ...price, updatedAt: now })
    .where(and(eq(bookings.id, booking.id), eq(bookings.status, 'held'), eq(bookings.priceYen, booking.priceYen)))
    .returning({ id: bookings.id });
  if (!updated) throw new AppError('hold_expired');
  return applied;
}
