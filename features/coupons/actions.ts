'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/features/accounts/auth/define-action';
import { createCoupon, setCouponActive } from './admin-service';
import { couponActiveSchema, couponSchema } from './schemas';

export const createCouponAction = defineAction('counselor', couponSchema, async (input, ctx) => {
  await createCoupon(ctx, input);
  revalidatePath('/admin/coupons');
  return { ok: true as const, data: undefined, message: `クーポン「${input.code}」を作成しました。` };
});

export const setCouponActiveAction = defineAction('counselor', couponActiveSchema, async (input, ctx) => {
  const coupon = await setCouponActive(ctx, input);
  revalidatePath('/admin/coupons');
  return {
    ok: true as const,
    data: undefined,
    message: input.active ? `「${coupon.code}」を使えるようにしました。` : `「${coupon.code}」を停止しました。`,
  };
});
