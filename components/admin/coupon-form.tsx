'use client';

import { useEffect } from 'react';
import { ActionButton } from '@/components/ui/action-button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { FormStatus } from '@/components/ui/form-status';
import { RadioGroup } from '@/components/ui/radio-group';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { createCouponAction, setCouponActiveAction } from '@/features/coupons/actions';
import { type CouponInput, couponActiveSchema, couponSchema } from '@/features/coupons/schemas';

const empty: CouponInput = {
  code: '',
  kind: 'percent',
  percentOff: '',
  amountOffYen: '',
  expiresOn: '',
  maxRedemptions: '',
  active: true,
};

/** A new coupon: its code, percent or yen off, last day, how many times, on or off. */
export function CouponForm() {
  const { form, onSubmit, result, errors, submitting } = useActionForm<CouponInput, undefined>(
    couponSchema,
    createCouponAction,
    empty,
  );
  const kind = form.watch('kind');
  useEffect(() => {
    if (result?.ok) form.reset(empty);
  }, [result, form]);
  return (
    <form onSubmit={onSubmit} noValidate className="panel" aria-label="新しいクーポン">
      <FormStatus result={result} />
      <TextField
        id="coupon-code"
        label="コード"
        autoComplete="off"
        description="半角の英字・数字で3〜20文字。例：WELCOME10。大文字・小文字は区別しません。"
        registration={form.register('code')}
        error={errors.code?.message}
      />
      <RadioGroup
        legend="割引の種類"
        registration={form.register('kind')}
        options={[
          { value: 'percent', label: '割合で割引' },
          { value: 'amount', label: '金額で割引' },
        ]}
      />
      {kind === 'amount' ? (
        <TextField
          id="coupon-amount"
          label="割引額（円・税込）"
          type="number"
          inputMode="numeric"
          registration={form.register('amountOffYen')}
          error={errors.amountOffYen?.message}
        />
      ) : (
        <TextField
          id="coupon-percent"
          label="割引率（%）"
          type="number"
          inputMode="numeric"
          registration={form.register('percentOff')}
          error={errors.percentOff?.message}
        />
      )}
      <TextField
        id="coupon-expires"
        label="有効期限"
        type="date"
        description="この日の終わりまで使えます。空欄なら期限なし。"
        registration={form.register('expiresOn')}
        error={errors.expiresOn?.message}
      />
      <TextField
        id="coupon-max"
        label="利用回数の上限"
        type="number"
        inputMode="numeric"
        description="空欄なら上限なし。"
        registration={form.register('maxRedemptions')}
        error={errors.maxRedemptions?.message}
      />
      <CheckboxField id="coupon-active" registration={form.register('active')}>
        すぐに使えるようにする
      </CheckboxField>
      <ActionButton className="button" type="submit" busy={submitting}>
        作成する
      </ActionButton>
    </form>
  );
}

/** Stops a coupon (or lets it be used again). */
export function CouponActiveButton({ id, code, active }: { id: string; code: string; active: boolean }) {
  const { onSubmit, result, submitting } = useActionForm(couponActiveSchema, setCouponActiveAction, {
    id,
    active: !active,
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`${code}の${active ? '停止' : '再開'}`}>
      <FormStatus result={result} />
      <ActionButton className="button button--secondary" type="submit" busy={submitting}>
        {active ? '停止する' : '再開する'}
      </ActionButton>
    </form>
  );
}
