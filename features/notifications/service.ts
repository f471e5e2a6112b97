import 'server-only';
import { notificationSettings } from '@/db/schema';
import type { ServiceContext } from '@/lib/service';
import { type NotificationKind, notificationKindsInOrder } from './domain/kinds';
import { minuteOfDay, type noticeSettingsSchema } from './schemas';
import type { z } from 'zod';

/** Saves which notices she wants and when the daily agenda goes (one row). */
export async function saveNoticeSettings(
  { db, now }: ServiceContext,
  input: z.output<typeof noticeSettingsSchema>,
): Promise<void> {
  const values = {
    disabledKinds: notificationKindsInOrder.filter((k: NotificationKind) => !input.kinds[k]),
    dailyAgendaEnabled: input.dailyAgendaEnabled,
    dailyAgendaMinute: minuteOfDay(input.dailyAgendaTime),
    updatedAt: now,
  };
  await db
    .insert(notificationSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: notificationSettings.id, set: values });
}
