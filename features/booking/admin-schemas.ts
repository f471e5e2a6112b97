import { z } from 'zod';
import { sessionModes } from '@/db/schema';
import { optionalMeetingUrl } from '@/lib/meeting-url';

const hhmm = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** "09:30" → 570; "24:00" is the end of the day. */
export function minutesFromTime(value: string): number {
  const m = hhmm.exec(value);
  if (!m) return NaN;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 1440 ? minutes : NaN;
}

export function timeFromMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const timeSchema = z
  .string()
  .refine((v) => !Number.isNaN(minutesFromTime(v)), '「10:00」の形式で、00:00〜24:00の時刻を入力してください');

const endAfterStart = (v: { start: string; end: string }) => minutesFromTime(v.end) > minutesFromTime(v.start);
const endAfterStartIssue = { path: ['end'], message: '終了は開始より後の時刻にしてください' };

export const weeklyHoursSchema = z.object({
  rules: z
    .array(
      z
        .object({ weekday: z.coerce.number().int().min(0).max(6), start: timeSchema, end: timeSchema })
        .refine(endAfterStart, endAfterStartIssue),
    )
    .max(50),
});

export const overrideSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('closed'),
    date: z.iso.date('日付を選んでください'),
    note: z.string().max(100).default(''),
  }),
  z
    .object({
      kind: z.literal('extra'),
      date: z.iso.date('日付を選んでください'),
      start: timeSchema,
      end: timeSchema,
      note: z.string().max(100).default(''),
    })
    .refine(endAfterStart, endAfterStartIssue),
]);

export const overrideIdSchema = z.object({ id: z.uuid() });

export const bookingSettingsSchema = z.object({
  bufferMinutes: z.coerce
    .number()
    .int('整数で入力してください')
    .min(0, '0〜240分で入力してください')
    .max(240, '0〜240分で入力してください'),
  minNoticeHours: z.coerce
    .number()
    .int('整数で入力してください')
    .min(0, '0〜720時間で入力してください')
    .max(720, '0〜720時間で入力してください'),
  horizonDays: z.coerce
    .number()
    .int('整数で入力してください')
    .min(1, '1〜365日で入力してください')
    .max(365, '1〜365日で入力してください'),
  stepMinutes: z.coerce
    .number()
    .refine((v) => [10, 15, 20, 30, 60].includes(v), '10・15・20・30・60分から選んでください'),
  meetingLinkLeadHours: z.coerce
    .number()
    .int('整数で入力してください')
    .min(1, '1〜168時間で入力してください')
    .max(168, '1〜168時間で入力してください'),
});

export const sessionTypeSchema = z.object({
  id: z.uuid().optional(),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, '半角英小文字・数字・ハイフンで入力してください（例：online-60）')
    .max(60),
  name: z.string().trim().min(1, '入力してください').max(60),
  mode: z.enum(sessionModes),
  durationMinutes: z.coerce
    .number()
    .int('整数で入力してください')
    .min(15, '15〜240分で入力してください')
    .max(240, '15〜240分で入力してください'),
  priceYen: z.coerce.number().int('円単位の整数で入力してください').min(1, '1円以上で入力してください').max(1_000_000),
  description: z.string().max(1000).default(''),
  active: z.boolean(),
  sortOrder: z.coerce.number().int().min(0).max(999),
  /** Copied into each new booking of this type; empty: she sets a link per booking. */
  defaultMeetingUrl: optionalMeetingUrl.default(''),
});

export type WeeklyHoursInput = z.input<typeof weeklyHoursSchema>;
export type OverrideInput = z.input<typeof overrideSchema>;
export type BookingSettingsInput = z.input<typeof bookingSettingsSchema>;
export type SessionTypeInput = z.input<typeof sessionTypeSchema>;
