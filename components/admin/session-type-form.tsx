'use client';

import { CheckboxField } from '@/components/ui/checkbox-field';
import { FormStatus } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { saveSessionTypeAction } from '@/features/booking/admin-actions';
import { type SessionTypeInput, sessionTypeSchema } from '@/features/booking/admin-schemas';
import { ActionButton } from '@/components/ui/action-button';

const modes = { online: 'オンライン', phone: '電話', in_person: '対面' } as const;

/** Edits one session type, or creates one when `initial` has no id. */
export function SessionTypeForm({ initial }: { initial: SessionTypeInput }) {
  const { form, onSubmit, result, errors, submitting } = useActionForm<SessionTypeInput, undefined>(
    sessionTypeSchema,
    saveSessionTypeAction,
    initial,
  );
  const key = initial.id ?? 'new';
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="panel"
      aria-label={initial.id ? `${initial.name}の編集` : '新しいセッションの種類'}
    >
      <FormStatus result={result} />
      <TextField id={`${key}-name`} label="名前" registration={form.register('name')} error={errors.name?.message} />
      <TextField
        id={`${key}-slug`}
        label="URLの末尾"
        description="半角英小文字・数字・ハイフン。例：online-60 → /book/online-60"
        registration={form.register('slug')}
        error={errors.slug?.message}
        readOnly={Boolean(initial.id)}
      />
      <div className="field">
        <label htmlFor={`${key}-mode`}>方法</label>
        <select id={`${key}-mode`} {...form.register('mode')}>
          {Object.entries(modes).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field-row">
        <TextField
          id={`${key}-duration`}
          label="時間（分）"
          type="number"
          registration={form.register('durationMinutes')}
          error={errors.durationMinutes?.message}
        />
        <TextField
          id={`${key}-price`}
          label="料金（円・税込）"
          type="number"
          registration={form.register('priceYen')}
          error={errors.priceYen?.message}
        />
      </div>
      <TextField
        id={`${key}-meeting-url`}
        label="参加用リンクの初期値（オンラインのとき）"
        description="ZoomのパーソナルミーティングルームなどのURL。新しい予約ごとにこのリンクが入り、予約の詳細で個別に変えられます。空欄なら予約ごとに設定します。例：https://zoom.us/j/1234567890"
        type="url"
        inputMode="url"
        autoComplete="off"
        registration={form.register('defaultMeetingUrl')}
        error={errors.defaultMeetingUrl?.message}
      />
      <div className="field">
        <label htmlFor={`${key}-description`}>説明</label>
        <textarea id={`${key}-description`} rows={3} {...form.register('description')} />
      </div>
      <TextField
        id={`${key}-sort`}
        label="表示順"
        type="number"
        registration={form.register('sortOrder')}
        error={errors.sortOrder?.message}
      />
      <CheckboxField id={`${key}-active`} registration={form.register('active')}>
        予約を受け付ける
      </CheckboxField>
      <ActionButton className="button" type="submit" busy={submitting}>
        {initial.id ? '保存する' : '追加する'}
      </ActionButton>
    </form>
  );
}
