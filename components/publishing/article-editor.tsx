'use client';

import { useRouter } from 'next/navigation';
import { FormStatus } from '@/components/ui/form-status';
import { RadioGroup } from '@/components/ui/radio-group';
import { TextAreaField, TextField } from '@/components/ui/text-field';
import { useActionForm, useResetOnNewVersion } from '@/components/ui/use-action-form';
import { saveArticleAction } from '@/features/library/admin-actions';
import { type ArticleEditorInput, articleEditorSchema } from '@/features/library/admin-schemas';
import { themes } from '@/features/library/themes';
import { MarkdownPreview } from './markdown-preview';
import { ActionButton } from '@/components/ui/action-button';

const choices = {
  draft: '下書き（公開しない）',
  now: '今すぐ公開する',
  schedule: '日時を指定して公開する（予約）',
  keep: '公開中のまま（公開日時を変えない）',
} as const;

/** Create or edit an article: fields, Markdown with a live preview, and when it goes out. */
export function ArticleEditor({
  initial,
  suggestedTime,
  published,
  version,
}: {
  initial: ArticleEditorInput;
  suggestedTime: string;
  published: boolean;
  version: string;
}) {
  const router = useRouter();
  const { form, onSubmit, result, errors, submitting } = useActionForm(
    articleEditorSchema,
    async (values: ArticleEditorInput) => {
      const outcome = await saveArticleAction(values);
      if (outcome.ok && !values.id) router.push(`/admin/articles/${outcome.data.id}?saved=1`);
      else if (outcome.ok) router.refresh();
      return outcome;
    },
    { ...initial, scheduledAt: initial.scheduledAt || suggestedTime },
  );
  useResetOnNewVersion(form, version, { ...initial, scheduledAt: initial.scheduledAt || suggestedTime });
  const publication = form.watch('publication');
  const body = form.watch('bodyMarkdown');
  const title = form.watch('title');
  const available = published
    ? (['keep', 'now', 'schedule', 'draft'] as const)
    : (['draft', 'now', 'schedule'] as const);

  return (
    <form onSubmit={onSubmit} noValidate className="editor" aria-label="記事の編集">
      <div className="editor__fields">
        <TextField label="題名" required registration={form.register('title')} error={errors.title?.message} />
        <TextField
          label="URLの末尾"
          required
          description="半角英小文字・数字・ハイフン。例：kataomoi-kyori → /articles/kataomoi-kyori"
          registration={form.register('slug')}
          error={errors.slug?.message}
          autoCapitalize="off"
          spellCheck={false}
        />
        <TextAreaField
          label="要約"
          required
          description="一覧・検索結果・フィードに出ます（160文字まで）。"
          rows={3}
          registration={form.register('summary')}
          error={errors.summary?.message}
        />
        <fieldset className="field" aria-describedby={errors.themes ? 'field-themes-error' : undefined}>
          <legend>
            テーマ<span className="field__required">（必須）</span>
          </legend>
          {themes.map((t) => (
            <div className="field--checkbox" key={t.id}>
              <input id={`theme-${t.id}`} type="checkbox" value={t.id} {...form.register('themes')} />
              <label htmlFor={`theme-${t.id}`}>{t.label}</label>
            </div>
          ))}
          {errors.themes ? (
            <p id="field-themes-error" className="field__error">
              {errors.themes.message ?? errors.themes.root?.message}
            </p>
          ) : null}
        </fieldset>
        <TextAreaField
          label="本文（Markdown）"
          required
          description="見出しは「## 」、表は「| 列 | 列 |」。下のプレビューは公開ページと同じ表示です。"
          rows={16}
          className="editor__body"
          registration={form.register('bodyMarkdown')}
          error={errors.bodyMarkdown?.message}
        />
        <RadioGroup
          legend="公開"
          registration={form.register('publication')}
          options={available.map((value) => ({ value, label: choices[value] }))}
        />
        {publication === 'schedule' ? (
          <TextField
            label="公開日時（日本時間）"
            type="datetime-local"
            description="次の公開日（月・水・金の朝）を入れてあります。"
            registration={form.register('scheduledAt')}
            error={errors.scheduledAt?.message}
          />
        ) : null}
        <FormStatus result={result} />
        <ActionButton className="button" type="submit" busy={submitting}>
          保存する
        </ActionButton>
      </div>
      <div className="editor__preview">
        <h2>プレビュー</h2>
        <MarkdownPreview markdown={body ?? ''} title={title} label="本文のプレビュー" />
      </div>
    </form>
  );
}
