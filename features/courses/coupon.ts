import 'server-only';
import { and, eq } from 'drizzle-orm';
import { courseEnrollments } from '@/db/schema';
import { repriceWithCoupon } from '@/features/coupons/service';
import { AppError } from '@/lib/errors';
import { isHoldLive } from '@/lib/holds';
import type { ServiceContext } from '@/lib/service';

/**
 * Applies a code to her held seat (or takes it off with `code: null`): the seat's price becomes
 * what she will pay, so the course terms' refund is on that amount. A refused code changes nothing.
 */
export async function setEnrollmentCoupon(
  { db, now }: ServiceContext,
  input: { enrollmentId: string; clientId: string; code: string | null },
) {
  const [seat] = await db
    .select()
    .from(courseEnrollments)
    .where(and(eq(courseEnrollments.id, input.enrollmentId), eq(courseEnrollments.clientId, input.clientId)))
    .limit(1);
  if (!seat || !isHoldLive(seat, now)) throw new AppError('seat_hold_expired');
  const { price, applied } = await repriceWithCoupon(db, seat, input.code, now);
  const [updated] = await db
    .update(courseEnrollments)
    .set({ ...price, updatedAt: now })
    .where(
      and(
        eq(courseEnrollments.id, seat.id),
        eq(courseEnrollments.status, 'held'),
        eq(courseEnrollments.priceYen, seat.priceYen),
      ),
    )
    .returning({ id: courseEnrollments.id });
  if (!updated) throw new AppError('seat_hold_expired');
  return applied;
}
