'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { ActionButton } from '@/components/ui/action-button';
import { FormStatus } from '@/components/ui/form-status';
import { RadioGroup } from '@/components/ui/radio-group';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import {
  addCalendarImportAction,
  regenerateFeedTokenAction,
  removeCalendarImportAction,
  revokeFeedTokenAction,
  saveFeedTitleStyleAction,
  syncCalendarImportAction,
} from '@/features/calendar-sync/actions';
import {
  type CalendarImportInput,
  calendarImportSchema,
  type FeedTitleStyleInput,
  feedTitleStyleLabels,
  feedTitleStyleSchema,
} from '@/features/calendar-sync/schemas';
import type { ActionResult } from '@/features/accounts/auth/define-action';

/**
 * Making the feed URL. Only a hash of it is kept, so it is shown here once, right after it is
 * made; a lost URL is replaced by making a new one (the old one then stops working).
 */
export function FeedTokenControls({ active }: { active: boolean }) {
  const router = useRouter();
  const [url, setUrl] = useState<string | null>(null);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);

  const regenerate = async () => {
    if (
      active &&
      !url &&
      !window.confirm('新しいURLを発行すると、今のURLで購読しているカレンダーは更新されなくなります。よろしいですか？')
    )
      return;
    setBusy(true);
    const outcome = await regenerateFeedTokenAction({});
    setBusy(false);
    setCopied(false);
    if (outcome.ok) {
      setUrl(outcome.data.url);
      setResult(null);
      router.refresh();
    } else setResult(outcome);
  };
  const revoke = async () => {
    setBusy(true);
    const outcome = await revokeFeedTokenAction({});
    setBusy(false);
    setUrl(null);
    setResult(outcome);
    if (outcome.ok) router.refresh();
  };

  return (
    <div>
      <FormStatus result={result} />
      {url ? (
        <div className="feed-url">
          <p role="status">購読URLを発行しました。このURLは今だけ表示されます。カレンダーアプリに登録してください。</p>
          <label htmlFor="feed-url">購読URL（iCal）</label>
          <input id="feed-url" type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
          <div className="button-row">
            <button
              type="button"
              className="button"
              onClick={async () => {
                await navigator.clipboard?.writeText(url).catch(() => undefined);
                setCopied(true);
              }}
            >
              URLをコピー
            </button>
            <a className="button button--secondary" href={url} download="sessions.ics">
              .icsをダウンロード
            </a>
          </div>
          {copied ? <p role="status">コピーしました。</p> : null}
        </div>
      ) : null}
      <div className="button-row">
        <ActionButton type="button" className="button" busy={busy} onClick={regenerate}>
          {active ? '新しい購読URLを発行する' : '購読URLを発行する'}
        </ActionButton>
        {active ? (
          <ActionButton type="button" className="button button--secondary" busy={busy} onClick={revoke}>
            購読URLを無効にする
          </ActionButton>
        ) : null}
      </div>
    </div>
  );
}

export function FeedTitleStyleForm({ initial }: { initial: FeedTitleStyleInput }) {
  const { form, onSubmit, result, submitting } = useActionForm<FeedTitleStyleInput, undefined>(
    feedTitleStyleSchema,
    saveFeedTitleStyleAction,
    initial,
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="title-style-heading">
      <h3 id="title-style-heading">カレンダーでの予定の名前</h3>
      <FormStatus result={result} />
      <RadioGroup
        legend="セッションの表示"
        registration={form.register('titleStyle')}
        options={Object.entries(feedTitleStyleLabels).map(([value, o]) => ({
          value,
          label: `${o.label}（例：${o.example}）`,
        }))}
      />
      <p className="field__description">
        相談内容やフルネームは、どの設定でもカレンダーに載りません。カレンダーはクラウドに同期され、スマートフォンの通知にも表示されるためです。
      </p>
      <ActionButton className="button" type="submit" busy={submitting}>
        保存する
      </ActionButton>
    </form>
  );
}

export function CalendarImportForm() {
  const router = useRouter();
  const { form, onSubmit, result, errors, submitting } = useActionForm<CalendarImportInput, undefined>(
    calendarImportSchema,
    addCalendarImportAction,
    { url: '', label: '' },
  );
  const { reset } = form;
  useEffect(() => {
    if (!result?.ok) return;
    reset({ url: '', label: '' });
    router.refresh();
  }, [result, reset, router]);
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="import-add-heading">
      <h3 id="import-add-heading">カレンダーを追加</h3>
      <FormStatus result={result} />
      <TextField
        label="カレンダーのURL（iCal形式）"
        type="url"
        inputMode="url"
        autoComplete="off"
        placeholder="https://calendar.google.com/calendar/ical/…/basic.ics"
        description="Googleカレンダーなら「設定と共有」→「iCal 形式の非公開アドレス」、iPhoneのカレンダーなら共有カレンダーの「公開URL」です。"
        registration={form.register('url')}
        error={errors.url?.message}
        required
      />
      <TextField
        label="名前（任意）"
        placeholder="例：プライベート"
        registration={form.register('label')}
        error={errors.label?.message}
      />
      <ActionButton className="button" type="submit" busy={submitting}>
        追加して読み込む
      </ActionButton>
    </form>
  );
}

export function CalendarImportButtons({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const run = async (action: typeof syncCalendarImportAction) => {
    setBusy(true);
    const outcome = await action({ id });
    setBusy(false);
    setResult(outcome);
    router.refresh();
  };
  return (
    <>
      <div className="button-row">
        <ActionButton
          type="button"
          className="button button--secondary"
          busy={busy}
          aria-label={`${name}を今すぐ同期`}
          onClick={() => run(syncCalendarImportAction)}
        >
          今すぐ同期
        </ActionButton>
        <ActionButton
          type="button"
          className="link-button"
          busy={busy}
          aria-label={`${name}の登録を解除`}
          onClick={() => {
            if (window.confirm(`${name}の登録を解除しますか？この予定で閉じていた予約枠が再び開きます。`))
              void run(removeCalendarImportAction);
          }}
        >
          登録を解除
        </ActionButton>
      </div>
      <FormStatus result={result} />
    </>
  );
}
