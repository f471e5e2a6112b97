'use server';

import { couponAppliedMessage, couponCodeToApply } from '@/features/coupons/messages';
import { applyCouponSchema } from '@/features/coupons/schemas';
import { setEnrollmentCoupon } from './coupon';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { cancelEnrollmentWithRefund, startCourseCheckout } from './checkout';
import { defineAction } from '@/features/accounts/auth/define-action';
import { applicationSchema, cohortIdSchema, enrollmentIdSchema } from './schemas';
import { holdSeat, joinWaitlist, leaveWaitlist, recordApplication } from './service';

/** Holds a seat and goes on to the application; a cohort that filled meanwhile answers `full`. */
export const holdSeatAction = defineAction('user', cohortIdSchema, async (input, ctx) => {
  const result = await holdSeat(ctx, { cohortId: input.cohortId, clientId: ctx.user.id });
  if (result.status === 'held') redirect(`/courses/apply/${result.enrollmentId}`);
  if (result.status === 'enrolled') redirect(`/portal/courses/${input.cohortId}`);
  return { ok: false as const, code: 'cohort_full', error: 'ちょうど満席になりました。キャンセル待ちに登録できます。' };
});

export const joinWaitlistAction = defineAction('user', cohortIdSchema, async (input, ctx) => {
  const result = await joinWaitlist(ctx, { cohortId: input.cohortId, clientId: ctx.user.id });
  if (result.status === 'offered') redirect(`/courses/apply/${result.enrollmentId}`);
  if (result.status === 'enrolled') redirect(`/portal/courses/${input.cohortId}`);
  revalidatePath('/(public)/courses/[slug]', 'page');
  return {
    ok: true as const,
    data: undefined,
    message: 'キャンセル待ちに登録しました。お席が空いたら、メールでお知らせします（24時間お取り置きします）。',
  };
});

export const leaveWaitlistAction = defineAction('user', cohortIdSchema, async (input, ctx) => {
  await leaveWaitlist(ctx.db, { cohortId: input.cohortId, clientId: ctx.user.id });
  revalidatePath('/(public)/courses/[slug]', 'page');
  return { ok: true as const, data: undefined, message: 'キャンセル待ちを取り消しました。' };
});

/** The application page's coupon field: apply a code to her held seat (checked first) or take it off. */
export const enrollmentCouponAction = defineAction('user', applyCouponSchema, async (input, ctx) => {
  const code = couponCodeToApply(input);
  const applied = await setEnrollmentCoupon(ctx, { enrollmentId: input.id, clientId: ctx.user.id, code });
  revalidatePath(`/courses/apply/${input.id}`);
  return { ok: true as const, data: undefined, message: couponAppliedMessage(applied) };
});

/** The application answer and the terms agreement are recorded, then on to Stripe Checkout. */
export const applyAndPayAction = defineAction('user', applicationSchema, async (input, ctx) => {
  await recordApplication(ctx, { enrollmentId: input.enrollmentId, clientId: ctx.user.id, answer: input.answer });
  const url = await startCourseCheckout(ctx, {
    enrollmentId: input.enrollmentId,
    clientId: ctx.user.id,
    baseUrl: ctx.baseUrl,
  });
  redirect(url);
});

export const cancelEnrollmentAction = defineAction('user', enrollmentIdSchema, async (input, ctx) => {
  const refund = await cancelEnrollmentWithRefund(ctx, {
    enrollmentId: input.enrollmentId,
    by: 'client',
    clientId: ctx.user.id,
  });
  return { ok: true as const, data: refund, message: 'キャンセルを承りました。確認のメールをお送りしました。' };
});
