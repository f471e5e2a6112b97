import { z } from 'zod';
import { fromJstLocal, jstLocalDateTime } from '@/lib/time';
import { articleSlugSchema } from './schemas';
import { themeIds } from './themes';

export const publicationChoices = ['draft', 'now', 'schedule', 'keep'] as const;
export type PublicationChoice = (typeof publicationChoices)[number];

/**
 * The article editor. `keep` leaves a published article's time as it is; `schedule` needs a
 * time (whether it lies ahead is checked by the service, which knows the clock).
 */
export const articleEditorSchema = z
  .object({
    id: z.uuid().optional(),
    title: z.string().trim().min(1, '題名を入力してください').max(120, '題名は120文字以内で入力してください'),
    slug: articleSlugSchema.max(80, 'URLの末尾は80文字以内で入力してください'),
    summary: z.string().trim().min(1, '要約を入力してください').max(160, '要約は160文字以内で入力してください'),
    themes: z.array(z.enum(themeIds), '').min(1, 'テーマを1つ以上選んでください'),
    bodyMarkdown: z.string().trim().min(1, '本文を入力してください').max(100_000, '本文が長すぎます'),
    publication: z.enum(publicationChoices),
    scheduledAt: z.string().default(''),
  })
  .refine(
    (v) =>
      v.publication !== 'schedule' ||
      (jstLocalDateTime.test(v.scheduledAt) && !Number.isNaN(fromJstLocal(v.scheduledAt).getTime())),
    {
      path: ['scheduledAt'],
      message: '公開日時を選んでください',
    },
  );

export type ArticleEditorInput = z.input<typeof articleEditorSchema>;
export type ArticleEditorValues = z.output<typeof articleEditorSchema>;

export const restoreRevisionSchema = z.object({ articleId: z.uuid(), revisionId: z.uuid() });
