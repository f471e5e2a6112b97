'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { MarkdownPreview } from '@/components/publishing/markdown-preview';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { FormStatus } from '@/components/ui/form-status';
import { RadioGroup } from '@/components/ui/radio-group';
import { TextAreaField, TextField } from '@/components/ui/text-field';
import { useActionForm, useResetOnNewVersion } from '@/components/ui/use-action-form';
import { saveIssueAction, sendTestIssueAction } from '@/features/newsletter/actions';
import { type IssueEditorInput, issueEditorSchema } from '@/features/newsletter/schemas';
import type { ActionResult } from '@/features/accounts/auth/define-action';
import { ActionButton } from '@/components/ui/action-button';

const timings = { draft: '下書きとして保存', schedule: '日時を指定して配信（予約）', now: '今すぐ配信する' } as const;

/** Compose an issue in Markdown with the public pipeline's preview, test it on yourself, schedule it. */
export function IssueEditor({
  initial,
  suggestedTime,
  version,
}: {
  initial: IssueEditorInput;
  suggestedTime: string;
  version: string;
}) {
  const router = useRouter();
  const createdId = useRef<string | undefined>(undefined);
  const { form, onSubmit, result, errors, submitting } = useActionForm(
    issueEditorSchema,
    async (values: IssueEditorInput) => {
      // A second click while the new issue's page loads saves that issue again instead of creating a twin.
      const id = values.id ?? createdId.current;
      const outcome = await saveIssueAction(id ? { ...values, id } : values);
      if (outcome.ok && !id) {
        createdId.current = outcome.data.id;
        router.push(`/admin/newsletter/issues/${outcome.data.id}`);
      } else if (outcome.ok) router.refresh();
      return outcome;
    },
    { ...initial, scheduledAt: initial.scheduledAt || suggestedTime },
  );
  useResetOnNewVersion(form, version, { ...initial, scheduledAt: initial.scheduledAt || suggestedTime });
  const [testResult, setTestResult] = useState<ActionResult<undefined> | null>(null);
  const [testing, startTest] = useTransition();
  const timing = form.watch('timing');
  const body = form.watch('bodyMarkdown');

  return (
    <form onSubmit={onSubmit} noValidate className="editor" aria-label="メールマガジンの号の編集">
      <div className="editor__fields">
        <TextField label="件名" required registration={form.register('subject')} error={errors.subject?.message} />
        <TextAreaField
          label="本文（Markdown）"
          required
          description="末尾には配信元の情報と配信停止のリンクが自動で入ります。"
          rows={16}
          className="editor__body"
          registration={form.register('bodyMarkdown')}
          error={errors.bodyMarkdown?.message}
        />
        <RadioGroup
          legend="配信"
          registration={form.register('timing')}
          options={(Object.keys(timings) as (keyof typeof timings)[]).map((value) => ({
            value,
            label: timings[value],
          }))}
        />
        {timing === 'schedule' ? (
          <TextField
            label="配信日時（日本時間）"
            type="datetime-local"
            description="次の配信日（火・木・土の朝）を入れてあります。"
            registration={form.register('scheduledAt')}
            error={errors.scheduledAt?.message}
          />
        ) : null}
        <CheckboxField registration={form.register('inArchive')}>
          配信後、公開のバックナンバー（/newsletter/archive）に載せる
        </CheckboxField>
        <FormStatus result={result} />
        <div className="button-row">
          <ActionButton className="button" type="submit" busy={submitting}>
            保存する
          </ActionButton>
          <ActionButton
            className="button button--secondary"
            type="button"
            busy={testing}
            onClick={() =>
              startTest(async () => {
                const { subject, bodyMarkdown } = form.getValues();
                setTestResult(await sendTestIssueAction({ subject, bodyMarkdown }));
              })
            }
          >
            自分にテスト送信する
          </ActionButton>
        </div>
        <FormStatus result={testResult} />
      </div>
      <div className="editor__preview">
        <h2>プレビュー</h2>
        <MarkdownPreview markdown={body ?? ''} label="本文のプレビュー" />
      </div>
    </form>
  );
}
