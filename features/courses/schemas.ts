import { z } from 'zod';
import { optionalMeetingUrl } from '@/lib/meeting-url';
import { messages } from '@/lib/messages';
import { jstLocalDateTime } from '@/lib/time';

const uuid = z.uuid();

export const cohortIdSchema = z.object({ cohortId: uuid });
export const enrollmentIdSchema = z.object({ enrollmentId: uuid });

export const applicationSchema = z.object({
  enrollmentId: uuid,
  answer: z.string().trim().max(1000, '1000文字以内で入力してください'),
  agreeToTerms: z.literal(true, messages.errors.courseTermsNotAgreed),
});

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, '半角英小文字・数字・ハイフンで入力してください（例：shinrigaku-koza）')
  .max(60);
const required = (max: number) =>
  z.string().trim().min(1, '入力してください').max(max, `${max}文字以内で入力してください`);
/** A date and time typed in the counselor's zone (Japan time), from <input type="datetime-local">. */
const jstDateTime = z.string().regex(jstLocalDateTime, '日時を入力してください');

export const courseSchema = z.object({
  id: uuid.optional(),
  // /courses/apply/… and /courses/success are pages of their own.
  slug: slug.refine(
    (v) => !['apply', 'success'].includes(v),
    'このURLの末尾は使えません（apply・success 以外にしてください）',
  ),
  title: required(80),
  summary: z.string().trim().max(300),
  description: z.string().max(5000),
  applicationQuestion: z.string().trim().max(300),
  active: z.boolean(),
  sortOrder: z.coerce.number().int().min(0).max(999),
});

export const cohortSchema = z.object({
  id: uuid.optional(),
  courseId: uuid,
  name: required(60),
  capacity: z.coerce
    .number()
    .int('整数で入力してください')
    .min(1, '1〜1000名で入力してください')
    .max(1000, '1〜1000名で入力してください'),
  priceYen: z.coerce
    .number()
    .int('円単位の整数で入力してください')
    .min(50, '50円以上で入力してください')
    .max(1_000_000),
  registrationDeadline: jstDateTime,
});

export const lessonSchema = z.object({
  id: uuid.optional(),
  cohortId: uuid,
  title: required(80),
  startsAt: jstDateTime,
  minutes: z.coerce.number().int().min(15, '15〜300分で入力してください').max(300, '15〜300分で入力してください'),
  meetingUrl: optionalMeetingUrl,
  materials: z.string().max(20_000),
  materialsReleaseAt: jstDateTime,
});

export const announcementSchema = z.object({
  cohortId: uuid,
  subject: required(60),
  body: required(5000),
});

export type ApplicationInput = z.input<typeof applicationSchema>;
export type CourseInput = z.input<typeof courseSchema>;
export type CohortInput = z.input<typeof cohortSchema>;
export type LessonInput = z.input<typeof lessonSchema>;
export type AnnouncementInput = z.input<typeof announcementSchema>;
