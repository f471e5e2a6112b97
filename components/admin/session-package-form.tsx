'use client';

import { useEffect } from 'react';
import { ActionButton } from '@/components/ui/action-button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { FormStatus } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { saveSessionPackageAction } from '@/features/packages/actions';
import { type SessionPackageInput, sessionPackageSchema } from '@/features/packages/schemas';

export type CoverableSessionType = { id: string; name: string; active: boolean };

/** Edits one package definition (回数券), or creates one when `initial` has no id. */
export function SessionPackageForm({
  initial,
  sessionTypes,
}: {
  initial: SessionPackageInput;
  sessionTypes: CoverableSessionType[];
}) {
  const { form, onSubmit, result, errors, submitting } = useActionForm<SessionPackageInput, undefined>(
    sessionPackageSchema,
    saveSessionPackageAction,
    initial,
  );
  const key = initial.id ?? 'new';
  const isNew = !initial.id;
  // A created package appears above as its own form; this one is ready for the next.
  useEffect(() => {
    if (isNew && result?.ok) form.reset();
  }, [isNew, result, form]);
  const typesError = errors.sessionTypeIds?.message;
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="panel"
      aria-label={isNew ? '新しい回数券' : `${initial.name}の編集`}
    >
      <FormStatus result={result} />
      <TextField
        id={`${key}-name`}
        label="名前"
        description="例：3回券、5回券"
        registration={form.register('name')}
        error={errors.name?.message}
      />
      <div className="field-row">
        <TextField
          id={`${key}-count`}
          label="回数"
          type="number"
          inputMode="numeric"
          registration={form.register('sessionCount')}
          error={errors.sessionCount?.message}
        />
        <TextField
          id={`${key}-price`}
          label="料金（円・税込）"
          type="number"
          inputMode="numeric"
          registration={form.register('priceYen')}
          error={errors.priceYen?.message}
        />
      </div>
      <TextField
        id={`${key}-validity`}
        label="有効期間（か月）"
        type="number"
        inputMode="numeric"
        description="お支払いの日から数えます。例：3か月なら12月3日のご購入は3月3日まで。"
        registration={form.register('validityMonths')}
        error={errors.validityMonths?.message}
      />
      <fieldset className="choice-group package-types" aria-describedby={typesError ? `${key}-types-error` : undefined}>
        <legend>使えるセッション</legend>
        {sessionTypes.map((t) => (
          <div className="field field--checkbox" key={t.id}>
            <input id={`${key}-type-${t.id}`} type="checkbox" value={t.id} {...form.register('sessionTypeIds')} />
            <label htmlFor={`${key}-type-${t.id}`}>
              {t.name}
              {t.active ? null : '（受付停止中）'}
            </label>
          </div>
        ))}
        {typesError ? (
          <p id={`${key}-types-error`} className="field__error">
            {typesError}
          </p>
        ) : null}
      </fieldset>
      <div className="field">
        <label htmlFor={`${key}-description`}>説明</label>
        <textarea id={`${key}-description`} rows={3} {...form.register('description')} />
      </div>
      <TextField
        id={`${key}-sort`}
        label="表示順"
        type="number"
        inputMode="numeric"
        registration={form.register('sortOrder')}
        error={errors.sortOrder?.message}
      />
      <CheckboxField id={`${key}-active`} registration={form.register('active')}>
        販売する（外すと新しい販売を止めます。購入済みの回数券はそのまま使えます）
      </CheckboxField>
      <ActionButton className="button" type="submit" busy={submitting}>
        {isNew ? '追加する' : '保存する'}
      </ActionButton>
    </form>
  );
}
