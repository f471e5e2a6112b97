import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { bookings, mailOutbox, notices, sessionTypes, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { seedBooking } from '@/features/booking/seed';
import { sendDueReminders } from '@/jobs/workers';
import { composeMail } from './compose';
import { sendNotice } from './notice';
import {
  deliverDueNotices,
  deliverNotice,
  enqueueNotice,
  listFailingNotices,
  noticeLeaseMs,
  noticeMaxAttempts,
  purgeSentNotices,
  retryNotice,
} from './outbox';
import { retentionDays } from '@/lib/site-config';

// The mail server as the notices see it: down (refuses), hanging (the worker dies mid-send), or up.
const smtp = vi.hoisted(() => ({ state: 'up' as 'up' | 'down' | 'hang', calls: 0 }));
vi.mock('@/features/mail/service', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/features/mail/service')>();
  return {
    ...actual,
    sendMail: async (...args: Parameters<typeof actual.sendMail>) => {
      smtp.calls += 1;
      if (smtp.state === 'down') throw new Error('connect ECONNREFUSED 127.0.0.1:587');
      if (smtp.state === 'hang') return new Promise<void>(() => {});
      return actual.sendMail(...args);
    },
  };
});

let handle: DatabaseHandle;
const db = () => handle.db;
const start = new Date('2026-12-01T00:00:00Z');
const MIN = 60 * 1000;
const HOUR = 60 * MIN;
const at = (ms: number) => new Date(start.getTime() + ms);
let counter = 0;

const mailsTo = (email: string) => db().select().from(mailOutbox).where(eq(mailOutbox.to, email));
const noticeTo = async (email: string) => (await db().select().from(notices).where(eq(notices.to, email)))[0]!;
/** When the last of these recipients' notices is due. */
const allDue = async (recipients: string[]) =>
  new Date(Math.max(...(await Promise.all(recipients.map(noticeTo))).map((n) => n.nextAttemptAt.getTime())));
const notice = (to: string, subject = '【こころの整理室】ご予約が確定しました') => ({
  to,
  ...composeMail({ subject, paragraphs: ['ご予約を承りました。'] }),
});

async function until(check: () => Promise<boolean>) {
  for (let i = 0; i < 100; i += 1) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('condition never met');
}

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedBooking(handle.db);
});
afterAll(() => handle?.close());
beforeEach(() => {
  smtp.state = 'up';
  smtp.calls = 0;
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

describe('a notice while the mail server is down', () => {
  it('is kept, retried with backoff, shown as failing, and delivered exactly once when the server is back', async () => {
    smtp.state = 'down';
    const recipients = ['down1@example.jp', 'down2@example.jp', 'down3@example.jp'];
    for (const to of recipients) expect(await sendNotice(db(), notice(to), `test ${to}`)).toBe(false);
    const first = await noticeTo(recipients[0]!);
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastError: 'connect ECONNREFUSED 127.0.0.1:587' });

    // Not due again before its backoff; due after it, and still failing: the wait doubles.
    expect(await deliverDueNotices(db(), { now: new Date(first.nextAttemptAt.getTime() - 1) })).toEqual({
      sent: 0,
      failed: 0,
    });
    let now = await allDue(recipients);
    expect(await deliverDueNotices(db(), { now })).toEqual({ sent: 0, failed: 3 });
    const second = await noticeTo(recipients[0]!);
    expect(second.attempts).toBe(2);
    expect(second.nextAttemptAt.getTime() - now.getTime()).toBe(2 * MIN);
    now = await allDue(recipients);
    expect(await deliverDueNotices(db(), { now })).toEqual({ sent: 0, failed: 3 });
    // Three failed attempts: the counselor sees them on /admin.
    expect((await listFailingNotices(db())).map((n) => n.to).sort()).toEqual(recipients);
    expect(smtp.calls).toBe(9);

    smtp.state = 'up';
    now = await allDue(recipients);
    expect(await deliverDueNotices(db(), { now })).toEqual({ sent: 3, failed: 0 });
    expect(await deliverDueNotices(db(), { now: new Date(now.getTime() + HOUR) })).toEqual({ sent: 0, failed: 0 });
    for (const to of recipients) {
      const [mail, ...more] = await mailsTo(to);
      expect(more).toHaveLength(0);
      expect(mail!.subject).toBe('【こころの整理室】ご予約が確定しました');
    }
    expect(await listFailingNotices(db())).toHaveLength(0);
    // A sent notice keeps no body.
    expect(await noticeTo(recipients[0]!)).toMatchObject({ status: 'sent', text: '', html: '' });
  });

  it('gives up after the last attempt and waits for the counselor’s retry', async () => {
    smtp.state = 'down';
    await sendNotice(db(), notice('giveup@example.jp'), 'test give up');
    for (let i = 1; i < noticeMaxAttempts; i += 1)
      await deliverDueNotices(db(), { now: (await noticeTo('giveup@example.jp')).nextAttemptAt });
    const given = await noticeTo('giveup@example.jp');
    expect(given).toMatchObject({ status: 'failed', attempts: noticeMaxAttempts });
    expect(await deliverDueNotices(db(), { now: at(30 * 24 * HOUR) })).toEqual({ sent: 0, failed: 0 });
    expect((await listFailingNotices(db())).map((n) => n.status)).toEqual(['failed']);

    smtp.state = 'up';
    expect(await retryNotice(db(), given.id, at(30 * 24 * HOUR))).toBe(true);
    expect(await deliverDueNotices(db(), { now: at(30 * 24 * HOUR) })).toEqual({ sent: 1, failed: 0 });
    expect(await mailsTo('giveup@example.jp')).toHaveLength(1);
    // A sent notice cannot be sent again by a retry.
    expect(await retryNotice(db(), given.id, at(31 * 24 * HOUR))).toBe(false);
  });
});

describe('a notice delivered twice at once', () => {
  it('goes out once when two delivery jobs run together, and once for a key given twice', async () => {
    smtp.state = 'down';
    const recipients = ['dup1@example.jp', 'dup2@example.jp', 'dup3@example.jp', 'dup4@example.jp'];
    for (const to of recipients) await sendNotice(db(), notice(to), `test ${to}`);
    smtp.state = 'up';
    const now = new Date(Date.now() + HOUR);
    const runs = await Promise.all([deliverDueNotices(db(), { now }), deliverDueNotices(db(), { now })]);
    expect(runs[0]!.sent + runs[1]!.sent).toBe(4);
    for (const to of recipients) expect(await mailsTo(to)).toHaveLength(1);

    expect(await sendNotice(db(), notice('keyed@example.jp'), 'test keyed', { key: 'test:keyed' })).toBe(true);
    expect(await sendNotice(db(), notice('keyed@example.jp'), 'test keyed', { key: 'test:keyed' })).toBe(false);
    expect(await mailsTo('keyed@example.jp')).toHaveLength(1);
  });
});

describe('a reminder whose worker dies mid-send', () => {
  it('is not sent again while the claim is held, and is sent once after the lease runs out', async () => {
    counter += 1;
    const [client] = await db()
      .insert(users)
      .values({ email: `crash${counter}@example.jp`, familyName: '佐藤', givenName: '花', timeZone: 'Asia/Tokyo' })
      .returning();
    const [type] = await db().select().from(sessionTypes).where(eq(sessionTypes.slug, 'online-60'));
    const startsAt = at(20 * HOUR);
    await db()
      .insert(bookings)
      .values({
        clientId: client!.id,
        sessionTypeId: type!.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + HOUR),
        blockedUntil: new Date(startsAt.getTime() + HOUR),
        status: 'confirmed',
        priceYen: 11000,
      });

    // The worker claims the reminder and hangs in the SMTP exchange, then dies: its promise never settles.
    smtp.state = 'hang';
    void sendDueReminders(db(), start);
    await until(async () => (await noticeTo(client!.email).catch(() => undefined))?.status === 'sending');
    smtp.state = 'up';

    // Later runs neither claim the reminder again nor take the notice from under its lease.
    expect(await sendDueReminders(db(), at(5 * MIN))).toBe(0);
    expect(await deliverDueNotices(db(), { now: at(5 * MIN) })).toEqual({ sent: 0, failed: 0 });
    expect(await mailsTo(client!.email)).toHaveLength(0);

    // The lease runs out: the next run sends it, once.
    const after = new Date(start.getTime() + noticeLeaseMs + MIN);
    expect(await deliverDueNotices(db(), { now: after })).toEqual({ sent: 1, failed: 0 });
    expect(await deliverDueNotices(db(), { now: new Date(after.getTime() + noticeLeaseMs + MIN) })).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(await sendDueReminders(db(), at(2 * HOUR))).toBe(0);
    const [mail, ...more] = await mailsTo(client!.email);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe('【こころの整理室】明日のご予約のお知らせ');
    expect(await noticeTo(client!.email)).toMatchObject({ status: 'sent', attempts: 2 });
  });
});

describe('sent notices are purged after the retention period', () => {
  it('deletes sent notices older than the period; keeps newer ones, failed ones and ones still to send', async () => {
    const DAY = 24 * HOUR;
    const purgeAt = at(200 * DAY);
    const sentAt = (daysBefore: number) => new Date(purgeAt.getTime() - daysBefore * DAY);
    const queue = async (to: string, when: Date) =>
      (await enqueueNotice(db(), notice(to), `test ${to}`, { now: when }))!;
    // Sent just past the period, and just within it.
    await deliverNotice(db(), await queue('purge-old@example.jp', sentAt(retentionDays.sentNotices + 1)), {
      now: sentAt(retentionDays.sentNotices + 1),
    });
    await deliverNotice(db(), await queue('purge-recent@example.jp', sentAt(retentionDays.sentNotices - 1)), {
      now: sentAt(retentionDays.sentNotices - 1),
    });
    // Gave up long ago, not handled yet; and one queued long ago, never delivered.
    smtp.state = 'down';
    const failed = await queue('purge-failed@example.jp', sentAt(90));
    for (let i = 0; i < noticeMaxAttempts; i += 1)
      await deliverNotice(db(), failed, { now: (await noticeTo('purge-failed@example.jp')).nextAttemptAt });
    expect((await noticeTo('purge-failed@example.jp')).status).toBe('failed');
    await queue('purge-pending@example.jp', sentAt(90));
    smtp.state = 'up';

    const left = async () =>
      (await db().select({ to: notices.to }).from(notices))
        .map((n) => n.to)
        .filter((to) => to.startsWith('purge-'))
        .sort();
    expect(await purgeSentNotices(db(), purgeAt)).toBeGreaterThanOrEqual(1);
    expect(await left()).toEqual(['purge-failed@example.jp', 'purge-pending@example.jp', 'purge-recent@example.jp']);
    // The next day's run takes the one that has now passed the period too; the others stay.
    await purgeSentNotices(db(), new Date(purgeAt.getTime() + 2 * DAY));
    expect(await left()).toEqual(['purge-failed@example.jp', 'purge-pending@example.jp']);
  });
});
