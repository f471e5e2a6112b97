import { z } from 'zod';
import { feedTitleStyles } from '@/db/schema';

export const calendarImportLimit = 5;

/** What she pastes: Google's 「iCal 形式の非公開アドレス」, Apple's webcal:// link, or any http(s) .ics. */
export const calendarImportSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, 'カレンダーのURLを入力してください')
    .max(2000, 'URLが長すぎます（2000文字まで）')
    .refine((v) => /^(https?|webcals?):\/\/[^\s]+$/i.test(v), 'https:// か webcal:// で始まるURLを入力してください'),
  label: z.string().trim().max(40, '名前は40文字までにしてください').default(''),
});
export type CalendarImportInput = z.input<typeof calendarImportSchema>;

export const calendarImportIdSchema = z.object({ id: z.uuid() });

export const feedTitleStyleSchema = z.object({ titleStyle: z.enum(feedTitleStyles) });
export type FeedTitleStyleInput = z.input<typeof feedTitleStyleSchema>;

/** Each way a session can be named in her calendar, as she will read it there. */
export const feedTitleStyleLabels: Record<(typeof feedTitleStyles)[number], { label: string; example: string }> = {
  plain: { label: '「個人セッション」だけ', example: '個人セッション' },
  reference: { label: '予約番号をつける', example: '個人セッション #3f2a9c' },
  family_name: { label: 'クライアントの姓をつける', example: 'セッション 田中様' },
};
