import { z } from 'zod';
import { emailSchema } from '@/features/accounts/schemas';
import { messages } from '@/lib/messages';
import { jstLocalDateTime } from '@/lib/time';

/** A site path the form was on (`/articles/…`), recorded with the consent; never a URL. */
const sourcePathSchema = z
  .string()
  .max(300)
  .regex(/^\/(?![/\\])[\w\-./%?=&]*$/)
  .catch('/newsletter');

export const subscribeSchema = z.object({
  email: emailSchema,
  consent: z.literal(true, messages.newsletter.consentRequired),
  sourcePath: sourcePathSchema,
});
export type SubscribeInput = z.input<typeof subscribeSchema>;

export const subscriptionTokenSchema = z.object({ token: z.string().min(20).max(200) });

export const issueTimings = ['draft', 'schedule', 'now'] as const;

/** A newsletter issue. `schedule` needs a Japan-time datetime-local value. */
export const issueEditorSchema = z
  .object({
    id: z.uuid().optional(),
    subject: z.string().trim().min(1, '件名を入力してください').max(100, '件名は100文字以内で入力してください'),
    bodyMarkdown: z.string().trim().min(1, '本文を入力してください').max(50_000, '本文が長すぎます'),
    timing: z.enum(issueTimings),
    scheduledAt: z.string().default(''),
    inArchive: z.boolean().default(false),
  })
  .refine((v) => v.timing !== 'schedule' || jstLocalDateTime.test(v.scheduledAt), {
    path: ['scheduledAt'],
    message: '配信日時を選んでください',
  });
export type IssueEditorInput = z.input<typeof issueEditorSchema>;
export type IssueEditorValues = z.output<typeof issueEditorSchema>;

export const testIssueSchema = z.object({
  subject: z.string().trim().min(1, '件名を入力してください').max(100),
  bodyMarkdown: z.string().trim().min(1, '本文を入力してください').max(50_000),
});
