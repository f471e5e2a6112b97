import { z } from 'zod';
import { type NotificationKind, notificationKindsInOrder } from './domain/kinds';

const clock = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** "7:00" or "07:00" → 420. */
export function minuteOfDay(value: string): number {
  const m = clock.exec(value.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
}

export const clockOf = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

export const noticeSettingsSchema = z.object({
  kinds: z.object(
    Object.fromEntries(notificationKindsInOrder.map((k) => [k, z.boolean()])) as Record<NotificationKind, z.ZodBoolean>,
  ),
  dailyAgendaEnabled: z.boolean(),
  dailyAgendaTime: z
    .string()
    .refine((v) => !Number.isNaN(minuteOfDay(v)), '「07:00」のように、00:00〜23:59の時刻を入力してください'),
});

export type NoticeSettingsInput = z.input<typeof noticeSettingsSchema>;
