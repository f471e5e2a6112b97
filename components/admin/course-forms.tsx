'use client';

import { useRouter } from 'next/navigation';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { FormStatus } from '@/components/ui/form-status';
import { TextAreaField, TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import {
  cancelCohortAction,
  cancelSeatAction,
  emailCohortAction,
  saveCohortAction,
  saveCourseAction,
  saveLessonAction,
} from '@/features/courses/admin-actions';
import {
  type AnnouncementInput,
  announcementSchema,
  type CohortInput,
  cohortIdSchema,
  cohortSchema,
  type CourseInput,
  courseSchema,
  enrollmentIdSchema,
  type LessonInput,
  lessonSchema,
} from '@/features/courses/schemas';
import type { ActionResult } from '@/features/accounts/auth/define-action';
import { messages } from '@/lib/messages';
import { ActionButton } from '@/components/ui/action-button';
import { MarkdownPreview } from '@/components/publishing/markdown-preview';

/** Refreshes the server-rendered page after a successful save, so lists show the change. */
function useRefreshing<I, T>(action: (input: I) => Promise<ActionResult<T>>) {
  const router = useRouter();
  return async (input: I) => {
    const outcome = await action(input);
    if (outcome.ok) router.refresh();
    return outcome;
  };
}

export function CourseForm({ initial }: { initial: CourseInput }) {
  const { form, onSubmit, result, errors, submitting } = useActionForm<CourseInput, undefined>(
    courseSchema,
    useRefreshing(saveCourseAction),
    initial,
  );
  const key = initial.id ?? 'new-course';
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="panel"
      aria-label={initial.id ? `${initial.title}の編集` : '新しい講座'}
    >
      <FormStatus result={result} />
      <TextField
        id={`${key}-title`}
        label="講座名"
        registration={form.register('title')}
        error={errors.title?.message}
      />
      <TextField
        id={`${key}-slug`}
        label="URLの末尾"
        description="半角英小文字・数字・ハイフン。例：shinrigaku-koza → /courses/shinrigaku-koza"
        registration={form.register('slug')}
        error={errors.slug?.message}
      />
      <TextField
        id={`${key}-summary`}
        label="ひとことで"
        registration={form.register('summary')}
        error={errors.summary?.message}
      />
      <TextAreaField
        id={`${key}-description`}
        label="説明（空行で段落を分けます）"
        rows={6}
        registration={form.register('description')}
        error={errors.description?.message}
      />
      <TextField
        id={`${key}-question`}
        label="お申し込み時の質問"
        registration={form.register('applicationQuestion')}
        error={errors.applicationQuestion?.message}
      />
      <TextField
        id={`${key}-sort`}
        label="表示順"
        type="number"
        registration={form.register('sortOrder')}
        error={errors.sortOrder?.message}
      />
      <CheckboxField id={`${key}-active`} registration={form.register('active')}>
        公開する
      </CheckboxField>
      <ActionButton className="button" type="submit" busy={submitting}>
        {initial.id ? '講座を保存する' : '講座を追加する'}
      </ActionButton>
    </form>
  );
}

export function CohortForm({ initial }: { initial: CohortInput }) {
  const { form, onSubmit, result, errors, submitting } = useActionForm<CohortInput, undefined>(
    cohortSchema,
    useRefreshing(saveCohortAction),
    initial,
  );
  const key = initial.id ?? `new-cohort-${initial.courseId}`;
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="panel"
      aria-label={initial.id ? `${initial.name}の編集` : '新しい開講回'}
    >
      <FormStatus result={result} />
      <TextField
        id={`${key}-name`}
        label="開講回の名前（例：第3期）"
        registration={form.register('name')}
        error={errors.name?.message}
      />
      <div className="field-row">
        <TextField
          id={`${key}-capacity`}
          label="定員（名）"
          type="number"
          registration={form.register('capacity')}
          error={errors.capacity?.message}
        />
        <TextField
          id={`${key}-price`}
          label="受講料（円・税込）"
          type="number"
          registration={form.register('priceYen')}
          error={errors.priceYen?.message}
        />
      </div>
      <TextField
        id={`${key}-deadline`}
        label="申込締切（日本時間）"
        type="datetime-local"
        registration={form.register('registrationDeadline')}
        error={errors.registrationDeadline?.message}
      />
      <ActionButton className="button" type="submit" busy={submitting}>
        {initial.id ? '開講回を保存する' : '開講回を追加する'}
      </ActionButton>
    </form>
  );
}

export function LessonForm({ initial }: { initial: LessonInput }) {
  const { form, onSubmit, result, errors, submitting } = useActionForm<LessonInput, undefined>(
    lessonSchema,
    useRefreshing(saveLessonAction),
    initial,
  );
  const key = initial.id ?? 'new-lesson';
  return (
    <form onSubmit={onSubmit} noValidate aria-label={initial.id ? `${initial.title}の編集` : '新しい講義'}>
      <FormStatus result={result} />
      <TextField
        id={`${key}-title`}
        label="講義のタイトル"
        registration={form.register('title')}
        error={errors.title?.message}
      />
      <div className="field-row">
        <TextField
          id={`${key}-starts`}
          label="開始（日本時間）"
          type="datetime-local"
          registration={form.register('startsAt')}
          error={errors.startsAt?.message}
        />
        <TextField
          id={`${key}-minutes`}
          label="時間（分）"
          type="number"
          registration={form.register('minutes')}
          error={errors.minutes?.message}
        />
      </div>
      <TextField
        id={`${key}-url`}
        label="参加URL（受講者だけに表示）"
        description="受講者のマイページには、講義の開始前の決まった時間から表示されます（セッションと同じ設定で、初期値は24時間前。受付時間のページで変えられます）。"
        type="url"
        registration={form.register('meetingUrl')}
        error={errors.meetingUrl?.message}
      />
      <TextAreaField
        id={`${key}-materials`}
        label="資料"
        description="見出しは「## 」、箇条書きは「- 」で始めます（Markdown）。下に受講者が見る形で表示されます。"
        rows={6}
        registration={form.register('materials')}
        error={errors.materials?.message}
      />
      <MaterialsPreview
        markdown={form.watch('materials') ?? ''}
        label={`${initial.title || '新しい講義'}の資料のプレビュー`}
      />
      <TextField
        id={`${key}-release`}
        label="資料の公開日時（日本時間）"
        type="datetime-local"
        registration={form.register('materialsReleaseAt')}
        error={errors.materialsReleaseAt?.message}
      />
      <ActionButton className="button" type="submit" busy={submitting}>
        {initial.id ? '講義を保存する' : '講義を追加する'}
      </ActionButton>
    </form>
  );
}

export function AnnouncementForm({ cohortId, participants }: { cohortId: string; participants: number }) {
  const { form, onSubmit, result, errors, submitting } = useActionForm<AnnouncementInput, undefined>(
    announcementSchema,
    emailCohortAction,
    { cohortId, subject: '', body: '' },
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="announce-heading">
      <h2 id="announce-heading">受講者全員にメール（{participants}名）</h2>
      <FormStatus result={result} />
      <TextField
        id="announce-subject"
        label="件名"
        registration={form.register('subject')}
        error={errors.subject?.message}
      />
      <TextAreaField
        id="announce-body"
        label="本文（空行で段落を分けます）"
        rows={6}
        registration={form.register('body')}
        error={errors.body?.message}
      />
      <ActionButton className="button" type="submit" busy={submitting || participants === 0}>
        送信する
      </ActionButton>
    </form>
  );
}

export function CancelCohortForm({
  cohortId,
  paidSeats,
  awaitingSeats = 0,
}: {
  cohortId: string;
  paidSeats: number;
  /** Seats awaiting a konbini payment: their clients are told not to pay the voucher. */
  awaitingSeats?: number;
}) {
  // The action revalidates the page, which then says the cohort is cancelled (this form goes).
  const { onSubmit, result, submitting } = useActionForm(cohortIdSchema, cancelCohortAction, { cohortId });
  return (
    <form onSubmit={onSubmit} aria-labelledby="cancel-cohort-heading">
      <h2 id="cancel-cohort-heading">開講の中止</h2>
      <p className="notice">
        中止すると、お支払い済みの{paidSeats}
        名全員に全額を返金し、お申し込み中・キャンセル待ちの方にもメールでお知らせします。
        {awaitingSeats > 0
          ? `コンビニ支払い待ちの${awaitingSeats}名には、払込票で支払わないようお伝えします（行き違いで支払われた場合は全額を自動で返金します）。`
          : ''}
        取り消せません。
      </p>
      <FormStatus result={result} />
      <ActionButton className="button button--danger" type="submit" busy={submitting || result?.ok}>
        この開講回を中止して全員に返金する
      </ActionButton>
    </form>
  );
}

/**
 * The roster row under a participant's that cancels their seat, refunded in full. Opening it
 * is the confirmation: it names the participant and the amount, and only its button acts. A
 * full-width row, so the confirmation reads on a phone. Rendered for every participant (null
 * when there is nothing to cancel): when the action's revalidation shows the seat cancelled,
 * it keeps its place, and so its outcome message.
 */
export function CancelSeatRow({
  enrollmentId,
  participant,
  refundYen,
  cancellable,
  columns,
}: {
  enrollmentId: string;
  participant: string;
  refundYen: number;
  cancellable: boolean;
  columns: number;
}) {
  const { onSubmit, result, submitting } = useActionForm(enrollmentIdSchema, cancelSeatAction, { enrollmentId });
  if (!cancellable && !result) return null;
  const t = messages.courses.seatCancel;
  return (
    <tr className="seat-cancel">
      <td colSpan={columns}>
        <details>
          <summary>
            {t.open}
            <span className="sr-only">：{participant}</span>
          </summary>
          <form onSubmit={onSubmit} aria-label={`${participant}：${t.open}`}>
            <p className="notice">{t.confirm(participant, refundYen)}</p>
            <FormStatus result={result} />
            <ActionButton className="button button--danger" type="submit" busy={submitting || result?.ok}>
              {t.submit}
            </ActionButton>
          </form>
        </details>
      </td>
    </tr>
  );
}

/** The lesson's materials as enrolled clients will see them; shown once there is something to show. */
function MaterialsPreview({ markdown, label }: { markdown: string; label: string }) {
  if (markdown.trim() === '') return null;
  return (
    <div className="materials-preview">
      <p className="materials-preview__label">受講者に見える形（プレビュー）</p>
      <MarkdownPreview markdown={markdown} label={label} />
    </div>
  );
}
