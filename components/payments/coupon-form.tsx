'use client';

import { ActionButton } from '@/components/ui/action-button';
import type { ActionResult } from '@/features/accounts/auth/define-action';
import { FormStatus } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { type ApplyCouponInput, applyCouponSchema } from '@/features/coupons/schemas';

/**
 * A payment page's coupon: a code to apply to the held thing `id` (a booking, a course seat),
 * or the one applied with a way to take it off. The page shows the prices.
 */
export function CouponForm({
  id,
  appliedCode,
  action,
}: {
  id: string;
  appliedCode: string | null;
  action: (input: ApplyCouponInput) => Promise<ActionResult<undefined>>;
}) {
  const { form, onSubmit, result, errors, submitting } = useActionForm<ApplyCouponInput, undefined>(
    applyCouponSchema,
    action,
    { id, couponCode: '', remove: Boolean(appliedCode) },
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label="クーポン" className="coupon-form">
      <FormStatus result={result} />
      {appliedCode ? (
        <>
          <p>クーポン「{appliedCode}」を適用しています。</p>
          <ActionButton className="button button--secondary" type="submit" busy={submitting}>
            クーポンを外す
          </ActionButton>
        </>
      ) : (
        <>
          <TextField
            id="checkout-coupon"
            label="クーポンコード"
            autoComplete="off"
            description="お持ちの方のみ入力してください。"
            registration={form.register('couponCode')}
            error={errors.couponCode?.message}
          />
          <ActionButton className="button button--secondary" type="submit" busy={submitting}>
            適用する
          </ActionButton>
        </>
      )}
    </form>
  );
}
