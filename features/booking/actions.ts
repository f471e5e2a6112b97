'use server';

import { and, eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { Db } from '@/db/client';
import { bookings } from '@/db/schema';
import { defineAction } from '@/features/accounts/auth/define-action';
import { AppError, userMessageFor } from '@/lib/errors';
import {
  bookingIdSchema,
  bookingOutcomeSchema,
  cancelBookingSchema,
  checkoutSchema,
  meetingUrlSchema,
  rescheduleSchema,
} from './schemas';
import { cancelBookingWithRefund, startBookingCheckout } from './checkout';
import { setBookingCoupon } from './coupon';
import { bookingMessages } from './domain/messages';
import { couponAppliedMessage, couponCodeToApply } from '@/features/coupons/messages';
import { applyCouponSchema } from '@/features/coupons/schemas';
import { markBookingOutcome, recordPolicyAgreement, rescheduleBooking } from './service';

export const checkoutAction = defineAction('user', checkoutSchema, async (input, ctx) => {
  await recordPolicyAgreement(ctx, { bookingId: input.bookingId, clientId: ctx.user.id });
  await ctx.db
    .update(bookings)
    .set({ theme: input.theme })
    .where(and(eq(bookings.id, input.bookingId), eq(bookings.clientId, ctx.user.id)));
  const url = await startBookingCheckout(ctx, {
    bookingId: input.bookingId,
    clientId: ctx.user.id,
    baseUrl: ctx.baseUrl,
  });
  redirect(url);
});

/** The payment page's coupon field: apply a code (checked first; a refused one changes nothing) or take it off. */
export const bookingCouponAction = defineAction('user', applyCouponSchema, async (input, ctx) => {
  const code = couponCodeToApply(input);
  const applied = await setBookingCoupon(ctx, { bookingId: input.id, clientId: ctx.user.id, code });
  revalidatePath(`/book/checkout/${input.id}`);
  return { ok: true as const, data: undefined, message: couponAppliedMessage(applied) };
});

async function assertOwnBooking(ctx: { db: Db; user: { id: string } }, bookingId: string) {
  const [row] = await ctx.db
    .select({ clientId: bookings.clientId })
    .from(bookings)
    .where(eq(bookings.id, bookingId))
    .limit(1);
  // Another client's booking looks exactly like one that does not exist.
  if (!row || row.clientId !== ctx.user.id) throw new AppError('not_found');
}

/**
 * The client's cancellation, from its confirmation screen (a plain form: it works without
 * JavaScript). Both outcomes are pages: the booking with its refund, or the confirmation screen
 * again with what stopped it, so a reload never posts twice.
 */
export const cancelBookingAction = defineAction('user', cancelBookingSchema, async (input, ctx) => {
  const bookingPage = `/portal/bookings/${input.bookingId}`;
  let failed: string | undefined;
  try {
    await assertOwnBooking(ctx, input.bookingId);
    await cancelBookingWithRefund(ctx, {
      bookingId: input.bookingId,
      by: 'client',
      expectedFeeYen: input.expectedFeeYen,
    });
  } catch (err) {
    failed = userMessageFor(err).code;
  }
  redirect(failed ? `${bookingPage}/cancel?error=${failed}` : `${bookingPage}?notice=cancelled`);
});

export const rescheduleBookingAction = defineAction('user', rescheduleSchema, async (input, ctx) => {
  await assertOwnBooking(ctx, input.bookingId);
  await rescheduleBooking(ctx, {
    bookingId: input.bookingId,
    clientId: ctx.user.id,
    startsAt: new Date(input.startsAt),
  });
  redirect(`/portal/bookings/${input.bookingId}?notice=rescheduled`);
});

export const counselorCancelBookingAction = defineAction('counselor', bookingIdSchema, async (input, ctx) => {
  const terms = await cancelBookingWithRefund(ctx, { bookingId: input.bookingId, by: 'counselor' });
  return {
    ok: true as const,
    data: terms,
    message: terms.awaitingPayment
      ? bookingMessages.counselorCancelledAwaitingKonbini
      : terms.credit
        ? 'キャンセルし、回数券の1回分をお戻ししました。'
        : 'キャンセルし、全額を返金しました。',
  };
});

export const markBookingOutcomeAction = defineAction('counselor', bookingOutcomeSchema, async (input, ctx) => {
  await markBookingOutcome(ctx, { ...input });
  return {
    ok: true as const,
    data: undefined,
    message: input.outcome === 'completed' ? '実施済みにしました。' : '無断キャンセルとして記録しました。',
  };
});

export const setMeetingUrlAction = defineAction('counselor', meetingUrlSchema, async (input, ctx) => {
  const [row] = await ctx.db
    .update(bookings)
    .set({ meetingUrl: input.meetingUrl, updatedAt: ctx.now })
    .where(and(eq(bookings.id, input.bookingId), eq(bookings.status, 'confirmed')))
    .returning({ id: bookings.id });
  if (!row) throw new AppError('not_found');
  return {
    ok: true as const,
    data: undefined,
    message: '参加URLを保存しました。クライアントの予約ページに表示されます。',
  };
});
