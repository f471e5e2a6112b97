import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { counselorNotices, users } from '@/db/schema';
import { getAgenda } from '@/features/agenda/queries';
import { sendNotice } from '@/features/mail/notice';
import { absoluteUrl } from '@/lib/site-url';
import { formatDateJa, formatTimeJa, japanInstant, practiceTimeZone } from '@/lib/time';
import { dailyAgendaDueDate, noticeKey } from './domain/kinds';
import { type AgendaMailLine, dailyAgendaMail } from './mails';
import { getNoticeSettings } from './queries';

/**
 * The day's agenda mail, at her chosen time (Japan time). The job runs every minute on every
 * instance; the date's key, inserted before sending, lets exactly one run send it. A failed
 * send gives the key back so the next minute tries again. Returns the date sent for, if any.
 */
export async function sendDailyAgendaIfDue(db: Db, now: Date): Promise<string | null> {
  const settings = await getNoticeSettings(db);
  const date = dailyAgendaDueDate(settings, now, practiceTimeZone);
  if (!date) return null;
  const key = noticeKey('daily_agenda', date);
  const claimed = await db
    .insert(counselorNotices)
    .values({ key, kind: 'daily_agenda', sentAt: now })
    .onConflictDoNothing({ target: counselorNotices.key })
    .returning({ key: counselorNotices.key });
  if (claimed.length === 0) return null;

  const [day] = await getAgenda({ db, now }, { from: date, days: 1 });
  const lines: AgendaMailLine[] = (day?.items ?? [])
    .filter((i) => i.kind === 'lesson' || i.status === 'confirmed' || i.status === 'completed')
    .map((i) => ({
      time: `${formatTimeJa(i.startsAt, practiceTimeZone)}〜${formatTimeJa(i.endsAt, practiceTimeZone)}`,
      label: i.kind === 'session' ? `セッション（${i.sessionTypeName}）` : `講座（${i.cohortName}）`,
    }));
  const mail = dailyAgendaMail({
    date: formatDateJa(japanInstant(date), practiceTimeZone),
    lines,
    url: absoluteUrl('/admin'),
  });
  const counselors = await db.select({ email: users.email }).from(users).where(eq(users.role, 'counselor'));
  let sent = true;
  for (const c of counselors) sent = (await sendNotice(db, { to: c.email, ...mail }, `daily agenda ${date}`)) && sent;
  if (!sent) {
    await db
      .delete(counselorNotices)
      .where(and(eq(counselorNotices.key, key), eq(counselorNotices.kind, 'daily_agenda')));
    return null;
  }
  return date;
}
