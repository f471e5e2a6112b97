'use client';

import { ActionButton } from '@/components/ui/action-button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { FormStatus } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { saveNoticeSettingsAction } from '@/features/notifications/actions';
import { notificationKindLabels, notificationKindsInOrder } from '@/features/notifications/domain/kinds';
import { type NoticeSettingsInput, noticeSettingsSchema } from '@/features/notifications/schemas';

export function NoticeSettingsForm({ initial, email }: { initial: NoticeSettingsInput; email: string }) {
  const { form, onSubmit, result, errors, submitting } = useActionForm<NoticeSettingsInput, undefined>(
    noticeSettingsSchema,
    saveNoticeSettingsAction,
    initial,
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="notice-settings-heading" className="notice-settings">
      <h2 id="notice-settings-heading">メールでお知らせすること</h2>
      <p>
        送り先：{email}
        <br />
        メールには日時・セッションの種類・金額と管理画面へのリンクだけを載せ、お名前・ご相談のテーマ・事前アンケートの回答は載せません。
      </p>
      <FormStatus result={result} />
      <fieldset>
        <legend>お知らせの種類</legend>
        {notificationKindsInOrder.map((kind) => (
          <CheckboxField key={kind} id={`notice-${kind}`} registration={form.register(`kinds.${kind}`)}>
            {notificationKindLabels[kind].label}
            <span className="notice-settings__hint">{notificationKindLabels[kind].hint}</span>
          </CheckboxField>
        ))}
      </fieldset>
      <fieldset>
        <legend>毎日の予定のメール</legend>
        <CheckboxField registration={form.register('dailyAgendaEnabled')}>
          その日のセッションと講座の一覧を、毎朝メールで受け取る
        </CheckboxField>
        <TextField
          label="送る時刻（日本時間）"
          type="time"
          step={300}
          description="例：07:00。その時刻から2時間のうちに届きます。"
          registration={form.register('dailyAgendaTime')}
          error={errors.dailyAgendaTime?.message}
        />
      </fieldset>
      <ActionButton className="button" type="submit" busy={submitting}>
        保存する
      </ActionButton>
    </form>
  );
}
