import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { counselorNotices, users } from '@/db/schema';
import { queueNotice } from '@/features/mail/notice';
import type { OutgoingMail } from '@/features/mail/service';
import type { ServiceContext } from '@/lib/service';
import { wantsNotice } from './domain/kinds';
import { type CounselorNotice, counselorNoticeMail } from './mails';
import { getNoticeSettings } from './queries';

/**
 * In the transaction of the event (`db` is that transaction): queues the counselor's notice,
 * once. A kind she turned off queues nothing; otherwise the event's key is recorded, so a
 * redelivered webhook, a retried job or a second app instance finds it taken. The caller
 * delivers the returned notices after its commit (`deliverQueued`).
 */
export async function notifyCounselor(
  { db: tx, now }: ServiceContext,
  key: string,
  notice: CounselorNotice,
): Promise<string[]> {
  if (!wantsNotice(await getNoticeSettings(tx), notice.kind)) return [];
  const claimed = await tx
    .insert(counselorNotices)
    .values({ key, kind: notice.kind, sentAt: now })
    .onConflictDoNothing({ target: counselorNotices.key })
    .returning({ key: counselorNotices.key });
  if (claimed.length === 0) return [];
  return queueToCounselors(tx, counselorNoticeMail(notice), `counselor notice ${key}`, key);
}

type Mail = Omit<OutgoingMail, 'to'>;

/** In the caller's transaction: the mail to each counselor, keyed by the event's key (ids to deliver after the commit). */
export async function queueToCounselors(tx: Db, mail: Mail, about: string, key: string): Promise<string[]> {
  const counselors = await tx.select({ email: users.email }).from(users).where(eq(users.role, 'counselor'));
  const queued: string[] = [];
  for (const c of counselors)
    queued.push(...(await queueNotice(tx, { to: c.email, ...mail }, about, `counselor:${key}:${c.email}`)));
  return queued;
}
