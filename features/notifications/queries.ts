import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { notificationSettings } from '@/db/schema';
import { defaultNoticeSettings, type NoticeSettings } from './domain/kinds';

/** Her notice settings; every kind on and no daily agenda until she saves the page. */
export async function getNoticeSettings(db: Db): Promise<NoticeSettings> {
  const [row] = await db.select().from(notificationSettings).where(eq(notificationSettings.id, 1)).limit(1);
  if (!row) return defaultNoticeSettings;
  return {
    disabledKinds: row.disabledKinds,
    dailyAgendaEnabled: row.dailyAgendaEnabled,
    dailyAgendaMinute: row.dailyAgendaMinute,
  };
}
