'use client';

import { CheckboxField } from '@/components/ui/checkbox-field';
import { FormStatus } from '@/components/ui/form-status';
import { useActionForm } from '@/components/ui/use-action-form';
import { checkoutAction } from '@/features/booking/actions';
import { type CheckoutInput, checkoutSchema } from '@/features/booking/schemas';
import { ThemeField } from './theme-field';
import { ActionButton } from '@/components/ui/action-button';

export function CheckoutForm({ bookingId, theme }: { bookingId: string; theme: string | null }) {
  const { form, onSubmit, result, errors, submitting } = useActionForm<CheckoutInput, undefined>(
    checkoutSchema,
    checkoutAction,
    {
      bookingId,
      theme: (theme ?? null) as CheckoutInput['theme'],
    },
  );
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormStatus result={result} />
      <ThemeField registration={form.register('theme', { setValueAs: (v) => v || null })} />
      <CheckboxField registration={form.register('agreeToPolicy')} error={errors.agreeToPolicy?.message}>
        上のキャンセルポリシーに同意します
      </CheckboxField>
      <ActionButton className="button" type="submit" busy={submitting}>
        お支払いへ進む
      </ActionButton>
    </form>
  );
}
