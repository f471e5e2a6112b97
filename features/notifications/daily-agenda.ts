import 'server-only';
import type { Db } from '@/db/client';
import { counselorNotices } from '@/db/schema';
import { getAgenda } from '@/features/agenda/queries';
import { deliverQueued } from '@/features/mail/notice';
import { absoluteUrl } from '@/lib/site-url';
import { formatDateJa, formatTimeJa, japanInstant, practiceTimeZone } from '@/lib/time';
import { dailyAgendaDueDate, noticeKey } from './domain/kinds';
import { type AgendaMailLine, dailyAgendaMail } from './mails';
import { queueToCounselors } from './notify';
import { getNoticeSettings } from './queries';

/**
 * The day's agenda mail, at her chosen time (Japan time). The job runs every minute on every
 * instance; the date's key and the mail commit together, so exactly one run queues it; a mail
 * server that is down leaves it to the delivery job's retries. Returns the date queued for, if any.
 */
export async function sendDailyAgendaIfDue(db: Db, now: Date): Promise<string | null> {
  const settings = await getNoticeSettings(db);
  const date = dailyAgendaDueDate(settings, now, practiceTimeZone);
  if (!date) return null;
  const key = noticeKey('daily_agenda', date);
  const queued = await db.transaction(async (tx) => {
    const claimed = await tx
      .insert(counselorNotices)
      .values({ key, kind: 'daily_agenda', sentAt: now })
      .onConflictDoNothing({ target: counselorNotices.key })
      .returning({ key: counselorNotices.key });
    if (claimed.length === 0) return undefined;

    const [day] = await getAgenda({ db: tx, now }, { from: date, days: 1 });
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
    return queueToCounselors(tx, mail, `daily agenda ${date}`, key);
  });
  if (!queued) return null;
  await deliverQueued(db, queued);
  return date;
}
