'use client';

import { ActionButton } from '@/components/ui/action-button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { FormStatus } from '@/components/ui/form-status';
import { useActionForm } from '@/components/ui/use-action-form';
import { buyPackageAction } from '@/features/packages/actions';
import { type BuyPackageInput, buyPackageSchema } from '@/features/packages/schemas';

/** The agreement to the package rules, then Stripe Checkout. */
export function BuyPackageForm({ packageId }: { packageId: string }) {
  const { form, onSubmit, result, errors, submitting } = useActionForm<BuyPackageInput, undefined>(
    buyPackageSchema,
    buyPackageAction,
    { packageId },
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label="回数券の購入">
      <FormStatus result={result} />
      <CheckboxField registration={form.register('agreeToTerms')} error={errors.agreeToTerms?.message}>
        上の回数券の規定に同意します
      </CheckboxField>
      <ActionButton className="button" type="submit" busy={submitting}>
        お支払いへ進む
      </ActionButton>
    </form>
  );
}
