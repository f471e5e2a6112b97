'use client';

import { CheckboxField } from '@/components/ui/checkbox-field';
import { FormStatus } from '@/components/ui/form-status';
import { useActionForm } from '@/components/ui/use-action-form';
import { checkoutAction } from '@/features/booking/actions';
import { type CheckoutInput, checkoutSchema } from '@/features/booking/schemas';
import { themes } from '@/features/library/themes';
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
      <div className="field">
        <label htmlFor="field-theme">お話ししたいこと（任意・事前アンケートの内容が変わります）</label>
        <p id="field-theme-description" className="field__description">
          このテーマは、メール・カレンダー・カードの明細には表示されません。
        </p>
        <select
          id="field-theme"
          aria-describedby="field-theme-description"
          {...form.register('theme', { setValueAs: (v) => v || null })}
        >
          <option value="">決めていない・そのほか</option>
          {themes.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
      </div>
      <CheckboxField registration={form.register('agreeToPolicy')} error={errors.agreeToPolicy?.message}>
        上のキャンセルポリシーに同意します
      </CheckboxField>
      <ActionButton className="button" type="submit" busy={submitting}>
        お支払いへ進む
      </ActionButton>
    </form>
  );
}
