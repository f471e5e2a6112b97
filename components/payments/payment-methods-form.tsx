'use client';

import { ActionButton } from '@/components/ui/action-button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { FormStatus } from '@/components/ui/form-status';
import { useActionForm } from '@/components/ui/use-action-form';
import { savePaymentMethodsAction } from '@/features/payments/actions';
import { konbiniMinDaysAhead } from '@/features/payments/domain/methods';
import { type OfferedMethodsInput, offeredMethodsSchema } from '@/features/payments/schemas';

const stripeSetting = 'Stripeのダッシュボードの「設定」→「決済手段」';

export function PaymentMethodsForm({ initial }: { initial: OfferedMethodsInput }) {
  const { form, onSubmit, result, submitting } = useActionForm<OfferedMethodsInput, undefined>(
    offeredMethodsSchema,
    savePaymentMethodsAction,
    initial,
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="payment-methods-heading" className="payment-methods">
      <h2 id="payment-methods-heading">受け付けるお支払い方法</h2>
      <FormStatus result={result} />
      <fieldset>
        <legend>お支払い方法</legend>
        <div className="field field--checkbox">
          <input id="method-card" type="checkbox" checked disabled aria-describedby="method-card-hint" />
          <label htmlFor="method-card">
            クレジットカード
            <span className="payment-methods__hint" id="method-card-hint">
              いつでも受け付けます。オフにはできません。Stripeでは最初から使えます。
            </span>
          </label>
        </div>
        <CheckboxField id="method-konbini" registration={form.register('konbini')}>
          コンビニ決済
          <span className="payment-methods__hint">
            お支払い番号をお送りし、期限までにコンビニで払っていただきます。開始まで{konbiniMinDaysAhead}
            日以上あるお申し込みにだけ表示します。先に{stripeSetting}でコンビニ決済を有効にしてください。
          </span>
        </CheckboxField>
        <CheckboxField id="method-paypay" registration={form.register('paypay')}>
          PayPay
          <span className="payment-methods__hint">
            PayPayアプリで承認していただくと、その場でお支払いが済みます。先に{stripeSetting}
            でPayPayを有効にしてください。日本のアカウントでは、お申し込みと審査が必要です。
          </span>
        </CheckboxField>
      </fieldset>
      <ActionButton className="button" type="submit" busy={submitting}>
        保存する
      </ActionButton>
    </form>
  );
}
