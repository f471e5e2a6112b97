'use client';

import { ActionButton } from '@/components/ui/action-button';
import { FormStatus } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { bookingCouponAction } from '@/features/booking/actions';
import { type BookingCouponInput, bookingCouponSchema } from '@/features/booking/schemas';

/** The payment page's coupon: a code to apply, or the one applied with a way to take it off. */
export function BookingCouponForm({ bookingId, appliedCode }: { bookingId: string; appliedCode: string | null }) {
  const { form, onSubmit, result, errors, submitting } = useActionForm<BookingCouponInput, undefined>(
    bookingCouponSchema,
    bookingCouponAction,
    { bookingId, couponCode: '', remove: Boolean(appliedCode) },
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
