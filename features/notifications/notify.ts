import 'server-only';
import { eq } from 'drizzle-orm';
import { counselorNotices, users } from '@/db/schema';
import { sendNotice } from '@/features/mail/notice';
import type { ServiceContext } from '@/lib/service';
import { wantsNotice } from './domain/kinds';
import { type CounselorNotice, counselorNoticeMail } from './mails';
import { getNoticeSettings } from './queries';

export type NoticeOutcome = 'sent' | 'off' | 'duplicate' | 'failed';

/**
 * Tells the counselor about an event already committed, once: a kind she turned off sends
 * nothing; otherwise the event's key is recorded first, so a redelivered webhook, a retried job
 * or a second app instance finds it taken. Never throws: a lost notice must not turn the
 * client's booking, cancellation or payment into an error (the admin shows it either way).
 */
export async function notifyCounselor(
  { db, now }: ServiceContext,
  key: string,
  notice: CounselorNotice,
): Promise<NoticeOutcome> {
  try {
    if (!wantsNotice(await getNoticeSettings(db), notice.kind)) return 'off';
    const claimed = await db
      .insert(counselorNotices)
      .values({ key, kind: notice.kind, sentAt: now })
      .onConflictDoNothing({ target: counselorNotices.key })
      .returning({ key: counselorNotices.key });
    if (claimed.length === 0) return 'duplicate';
    const mail = counselorNoticeMail(notice);
    const counselors = await db.select({ email: users.email }).from(users).where(eq(users.role, 'counselor'));
    let sent = true;
    for (const c of counselors)
      sent = (await sendNotice(db, { to: c.email, ...mail }, `counselor notice ${key}`)) && sent;
    return sent ? 'sent' : 'failed';
  } catch (err) {
    console.error(`[notifications] counselor notice not sent: ${key}`, err);
    return 'failed';
  }
}
