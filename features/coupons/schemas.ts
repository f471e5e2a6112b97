import { z } from 'zod';
import { normalizeCode } from './domain/discount';

const whole = (min: number, max: number, message: string) =>
  z.coerce.number(message).int(message).min(min, message).max(max, message);

/** A new coupon as the counselor enters it at /admin/coupons. */
export const couponSchema = z
  .object({
    code: z
      .string()
      .transform(normalizeCode)
      .pipe(
        z
          .string()
          .min(3, '3文字以上で入力してください')
          .max(20, '20文字以内で入力してください')
          .regex(/^[A-Z0-9_-]+$/, '半角の英字・数字・ハイフン・アンダースコアで入力してください'),
      ),
    kind: z.enum(['percent', 'amount'], '割引の種類を選んでください'),
    percentOff: z.union([z.literal(''), whole(1, 99, '1〜99の整数で入力してください')]).optional(),
    amountOffYen: z.union([z.literal(''), whole(1, 1_000_000, '1〜1,000,000円の整数で入力してください')]).optional(),
    /** The last day it can be used (Japan time), or empty for no expiry. */
    expiresOn: z.union([z.literal(''), z.iso.date('日付を選んでください')]).optional(),
    maxRedemptions: z.union([z.literal(''), whole(1, 10_000, '1〜10,000回で入力してください')]).optional(),
    active: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'percent' && (v.percentOff === '' || v.percentOff === undefined))
      ctx.addIssue({ code: 'custom', path: ['percentOff'], message: '割引率を入力してください' });
    if (v.kind === 'amount' && (v.amountOffYen === '' || v.amountOffYen === undefined))
      ctx.addIssue({ code: 'custom', path: ['amountOffYen'], message: '割引額を入力してください' });
  });

export type CouponInput = z.input<typeof couponSchema>;
export type CouponValues = z.output<typeof couponSchema>;

export const couponActiveSchema = z.object({ id: z.uuid(), active: z.boolean() });

/** A code the client types before paying; empty means none. */
export const couponCodeField = z
  .string()
  .max(40, 'クーポンコードは40文字以内で入力してください')
  .transform(normalizeCode)
  .optional()
  .transform((v) => v || null);

/** A payment page's coupon field: apply a code to the held thing `id`, or take it off (remove). */
export const applyCouponSchema = z.object({
  id: z.uuid(),
  couponCode: couponCodeField,
  remove: z.boolean().optional(),
});
export type ApplyCouponInput = z.input<typeof applyCouponSchema>;
