'use client';

import { useRouter } from 'next/navigation';
import { useFieldArray } from 'react-hook-form';
import { FormStatus } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import {
  addOverrideAction,
  deleteOverrideAction,
  saveBookingSettingsAction,
  saveWeeklyHoursAction,
} from '@/features/booking/admin-actions';
import {
  type BookingSettingsInput,
  bookingSettingsSchema,
  type OverrideInput,
  overrideSchema,
  type WeeklyHoursInput,
  weeklyHoursSchema,
} from '@/features/booking/admin-schemas';
import { ActionButton } from '@/components/ui/action-button';

const weekdays = ['日曜日', '月曜日', '火曜日', '水曜日', '木曜日', '金曜日', '土曜日'];

export function WeeklyHoursForm({ initial }: { initial: WeeklyHoursInput }) {
  const { form, onSubmit, result, errors, submitting } = useActionForm<WeeklyHoursInput, undefined>(
    weeklyHoursSchema,
    saveWeeklyHoursAction,
    initial,
  );
  const rows = useFieldArray({ control: form.control, name: 'rules' });
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="weekly-heading">
      <h2 id="weekly-heading">毎週の受付時間（日本時間）</h2>
      <FormStatus result={result} />
      {rows.fields.map((row, i) => (
        <fieldset key={row.id} className="hours-row">
          <legend className="sr-only">受付時間 {i + 1}</legend>
          <div className="field">
            <label htmlFor={`rules-${i}-weekday`}>曜日</label>
            <select id={`rules-${i}-weekday`} {...form.register(`rules.${i}.weekday`)}>
              {weekdays.map((w, d) => (
                <option key={w} value={d}>
                  {w}
                </option>
              ))}
            </select>
          </div>
          <TextField
            id={`rules-${i}-start`}
            label="開始"
            inputMode="numeric"
            placeholder="10:00"
            registration={form.register(`rules.${i}.start`)}
            error={errors.rules?.[i]?.start?.message}
          />
          <TextField
            id={`rules-${i}-end`}
            label="終了"
            inputMode="numeric"
            placeholder="18:00"
            registration={form.register(`rules.${i}.end`)}
            error={errors.rules?.[i]?.end?.message}
          />
          <button type="button" className="link-button" onClick={() => rows.remove(i)}>
            この行を削除
          </button>
        </fieldset>
      ))}
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => rows.append({ weekday: 1, start: '10:00', end: '18:00' })}
        >
          行を追加
        </button>
        <ActionButton className="button" type="submit" busy={submitting}>
          保存する
        </ActionButton>
      </div>
    </form>
  );
}

export function OverrideForm() {
  const router = useRouter();
  const { form, onSubmit, result, errors, submitting } = useActionForm<OverrideInput, undefined>(
    overrideSchema,
    async (input) => {
      const outcome = await addOverrideAction(input);
      if (outcome.ok) router.refresh();
      return outcome;
    },
    { kind: 'closed', date: '', note: '' },
  );
  const kind = form.watch('kind');
  const fieldErrors = errors as Partial<Record<'date' | 'start' | 'end', { message?: string }>>;
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="override-heading">
      <h2 id="override-heading">休みの日・追加の受付時間</h2>
      <FormStatus result={result} />
      <TextField label="日付" type="date" registration={form.register('date')} error={fieldErrors.date?.message} />
      <div className="field">
        <label htmlFor="override-kind">種類</label>
        <select id="override-kind" {...form.register('kind')}>
          <option value="closed">休み（その日の毎週の受付時間をなくす）</option>
          <option value="extra">追加の受付時間</option>
        </select>
      </div>
      {kind === 'extra' ? (
        <div className="field-row">
          <TextField
            id="override-start"
            label="開始"
            placeholder="10:00"
            registration={form.register('start')}
            error={fieldErrors.start?.message}
          />
          <TextField
            id="override-end"
            label="終了"
            placeholder="12:00"
            registration={form.register('end')}
            error={fieldErrors.end?.message}
          />
        </div>
      ) : null}
      <TextField id="override-note" label="メモ（任意）" registration={form.register('note')} />
      <ActionButton className="button" type="submit" busy={submitting}>
        追加する
      </ActionButton>
    </form>
  );
}

export function DeleteOverrideButton({ id, label }: { id: string; label: string }) {
  const router = useRouter();
  return (
    <button
      type="button"
      className="link-button"
      aria-label={`${label}を削除`}
      onClick={async () => {
        const outcome = await deleteOverrideAction({ id });
        if (outcome.ok) router.refresh();
      }}
    >
      削除
    </button>
  );
}

export function BookingSettingsForm({ initial }: { initial: BookingSettingsInput }) {
  const { form, onSubmit, result, errors, submitting } = useActionForm<BookingSettingsInput, undefined>(
    bookingSettingsSchema,
    saveBookingSettingsAction,
    initial,
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="settings-heading">
      <h2 id="settings-heading">予約の設定</h2>
      <FormStatus result={result} />
      <TextField
        label="セッションの間の休憩（分）"
        type="number"
        registration={form.register('bufferMinutes')}
        error={errors.bufferMinutes?.message}
      />
      <TextField
        label="予約の締め切り（開始の何時間前まで）"
        type="number"
        registration={form.register('minNoticeHours')}
        error={errors.minNoticeHours?.message}
      />
      <TextField
        label="予約を受け付ける期間（何日先まで）"
        type="number"
        registration={form.register('horizonDays')}
        error={errors.horizonDays?.message}
      />
      <div className="field">
        <label htmlFor="field-stepMinutes">開始時刻の間隔（分）</label>
        <select id="field-stepMinutes" {...form.register('stepMinutes')}>
          {[10, 15, 20, 30, 60].map((m) => (
            <option key={m} value={m}>
              {m}分
            </option>
          ))}
        </select>
      </div>
      <TextField
        label="参加用リンクをクライアントに表示する時刻（開始の何時間前から）"
        description="オンラインのセッションと講座の講義で、マイページに参加用のリンクが表示され始める時刻です。1〜168時間（初期値は24時間）。"
        type="number"
        registration={form.register('meetingLinkLeadHours')}
        error={errors.meetingLinkLeadHours?.message}
      />
      <ActionButton className="button" type="submit" busy={submitting}>
        保存する
      </ActionButton>
    </form>
  );
}
