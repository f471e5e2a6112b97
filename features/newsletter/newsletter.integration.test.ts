import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { mailOutbox, newsletterConsents, newsletterDeliveries, newsletterSubscribers } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import type { OutgoingMail } from '@/features/mail/service';
import { sendMail } from '@/features/mail/service';
import { getArchivedIssue, listArchivedIssues } from './queries';
import {
  confirmSubscription,
  requestSubscription,
  runNewsletterSending,
  saveIssue,
  sendDeliveryBatch,
  settleInterruptedDeliveries,
  startDueIssues,
  unsubscribe,
} from './service';

let handle: DatabaseHandle;
const baseUrl = 'https://kokoro.example.jp';
const now = new Date('2026-11-23T00:00:00Z');
const minute = 60_000;

const inbox = (email: string) => handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, email));
const tokenIn = (mail: { text: string }, path: string) => mail.text.match(new RegExp(`${path}\\?token=([\\w-]+)`))![1]!;

async function subscribe(email: string, confirm = true) {
  await requestSubscription(
    { db: handle.db, now, baseUrl },
    { email, sourcePath: '/articles/kataomoi-renraku-yameru' },
  );
  if (!confirm) return;
  const [mail] = await inbox(email);
  await confirmSubscription({ db: handle.db, now }, tokenIn(mail!, '/newsletter/confirm'));
}

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle?.close());

describe('double opt-in', () => {
  it('records when, from which page and which address; only the link activates', async () => {
    await subscribe('optin@example.jp', false);
    const [row] = await handle.db
      .select()
      .from(newsletterSubscribers)
      .where(eq(newsletterSubscribers.email, 'optin@example.jp'));
    expect(row).toMatchObject({ status: 'pending', sourcePath: '/articles/kataomoi-renraku-yameru', requestedAt: now });
    const [mail] = await inbox('optin@example.jp');
    expect(mail!.subject).toBe('【こころの整理室】メールマガジン登録の確認');
    await expect(confirmSubscription({ db: handle.db, now }, 'x'.repeat(43))).rejects.toMatchObject({
      code: 'token_invalid',
    });
    await confirmSubscription(
      { db: handle.db, now: new Date(now.getTime() + minute) },
      tokenIn(mail!, '/newsletter/confirm'),
    );
    await expect(
      confirmSubscription({ db: handle.db, now }, tokenIn(mail!, '/newsletter/confirm')),
    ).rejects.toMatchObject({
      code: 'token_invalid',
    });
    const events = await handle.db
      .select()
      .from(newsletterConsents)
      .where(eq(newsletterConsents.email, 'optin@example.jp'));
    expect(events.map((e) => [e.event, e.sourcePath])).toEqual([
      ['requested', '/articles/kataomoi-renraku-yameru'],
      ['confirmed', '/articles/kataomoi-renraku-yameru'],
    ]);
  });

  it('a confirmation link expires after 48 hours', async () => {
    await subscribe('late@example.jp', false);
    const [mail] = await inbox('late@example.jp');
    await expect(
      confirmSubscription(
        { db: handle.db, now: new Date(now.getTime() + 49 * 60 * minute) },
        tokenIn(mail!, '/newsletter/confirm'),
      ),
    ).rejects.toMatchObject({ code: 'token_invalid' });
  });

  it('signing up an address already subscribed sends a notice, not a second subscription', async () => {
    await subscribe('twice@example.jp');
    await requestSubscription(
      { db: handle.db, now, baseUrl },
      { email: 'twice@example.jp', sourcePath: '/newsletter' },
    );
    const mails = await inbox('twice@example.jp');
    expect(mails.map((m) => m.subject).sort()).toEqual(
      ['【こころの整理室】メールマガジンのご登録について', '【こころの整理室】メールマガジン登録の確認'].sort(),
    );
    const [row] = await handle.db
      .select()
      .from(newsletterSubscribers)
      .where(eq(newsletterSubscribers.email, 'twice@example.jp'));
    expect(row!.status).toBe('active');
  });
});

describe('sending an issue', () => {
  const active = Array.from({ length: 12 }, (_, i) => `reader${i}@example.jp`);
  let issueId: string;

  beforeAll(async () => {
    for (const email of active) await subscribe(email);
    await subscribe('pending@example.jp', false);
    await subscribe('gone@example.jp');
    const [mail] = await inbox('gone@example.jp');
    const goneToken = (
      await handle.db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, 'gone@example.jp'))
    )[0]!.unsubscribeToken;
    expect(mail).toBeDefined();
    await unsubscribe({ db: handle.db, now }, { token: goneToken, via: 'List-Unsubscribe-Post' });
    // Tuesday 07:00 JST.
    ({ id: issueId } = await saveIssue(
      { db: handle.db, now },
      {
        subject: '火曜日のメールマガジン',
        bodyMarkdown: '## こんにちは\n\n今週の話です。',
        timing: 'schedule',
        scheduledAt: '2026-11-24T07:00',
        inArchive: true,
      },
    ));
  });

  it('does not start before its time', async () => {
    expect(await startDueIssues({ db: handle.db, now: new Date('2026-11-23T21:59:00Z') })).toEqual([]);
  });

  it('interrupted half-way and resumed, reaches every confirmed subscriber exactly once, and no one else', async () => {
    const at = new Date('2026-11-23T22:00:00Z');
    expect(await startDueIssues({ db: handle.db, now: at })).toEqual([issueId]);
    expect(await startDueIssues({ db: handle.db, now: at })).toEqual([]);

    // First process: a batch of 4, then a 5th message leaves and the process dies before
    // recording it (a promise that never settles: no catch, no finally runs).
    let sent = 0;
    const dying = async (mail: OutgoingMail) => {
      await sendMail(handle.db, mail);
      sent += 1;
      if (sent === 5) await new Promise(() => {});
    };
    expect(await sendDeliveryBatch(handle.db, { now: at, baseUrl, batchSize: 4, deliver: dying })).toBe(4);
    void sendDeliveryBatch(handle.db, { now: at, baseUrl, batchSize: 4, deliver: dying });
    await expect.poll(() => sent).toBe(5);

    // After the restart: two workers at once finish the rest; the claimed row is not sent again.
    const later = new Date(at.getTime() + 15 * minute);
    await Promise.all([
      runNewsletterSending(handle.db, { baseUrl, batchSize: 3, clock: () => later }),
      runNewsletterSending(handle.db, { baseUrl, batchSize: 3, clock: () => later }),
    ]);

    // The 12 readers and the two confirmed in the tests above.
    const confirmed = [...active, 'optin@example.jp', 'twice@example.jp'];
    for (const email of confirmed) {
      const issues = (await inbox(email)).filter((m) => m.subject === '火曜日のメールマガジン');
      expect(issues, email).toHaveLength(1);
    }
    expect((await inbox('pending@example.jp')).filter((m) => m.subject === '火曜日のメールマガジン')).toHaveLength(0);
    expect((await inbox('gone@example.jp')).filter((m) => m.subject === '火曜日のメールマガジン')).toHaveLength(0);

    const rows = await handle.db.select().from(newsletterDeliveries).where(eq(newsletterDeliveries.issueId, issueId));
    expect(rows).toHaveLength(confirmed.length);
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(confirmed.length - 1);
    // The one in flight when the process died is reported, never resent.
    expect(rows.filter((r) => r.status === 'unknown')).toHaveLength(1);
    expect(await settleInterruptedDeliveries({ db: handle.db, now: new Date(later.getTime() + 60 * minute) })).toBe(0);
  });

  it('every issue carries the sender details, an unsubscribe link that works without signing in, and RFC 8058 headers', async () => {
    const [mail] = (await inbox('reader0@example.jp')).filter((m) => m.subject === '火曜日のメールマガジン');
    expect(mail!.text).toContain('お問い合わせ：');
    expect(mail!.text).toContain('reader0@example.jp 宛');
    expect(mail!.html).toContain('<h2 id="こんにちは">こんにちは</h2>');
    const oneClick = mail!.headers['List-Unsubscribe']!.match(/^<(.+)>$/)![1]!;
    expect(oneClick).toMatch(/^https:\/\/kokoro\.example\.jp\/api\/newsletter\/unsubscribe\?token=/);
    expect(mail!.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    await unsubscribe(
      { db: handle.db, now },
      { token: tokenIn(mail!, '/newsletter/unsubscribe'), via: '/newsletter/unsubscribe' },
    );
    const [row] = await handle.db
      .select()
      .from(newsletterSubscribers)
      .where(eq(newsletterSubscribers.email, 'reader0@example.jp'));
    expect(row!.status).toBe('unsubscribed');
  });

  it('an address that unsubscribes while an issue is sending is skipped', async () => {
    const { id } = await saveIssue(
      { db: handle.db, now },
      { subject: '木曜日のメールマガジン', bodyMarkdown: '本文', timing: 'now', scheduledAt: '', inArchive: false },
    );
    await startDueIssues({ db: handle.db, now });
    const [reader1] = await handle.db
      .select()
      .from(newsletterSubscribers)
      .where(eq(newsletterSubscribers.email, 'reader1@example.jp'));
    await unsubscribe({ db: handle.db, now }, { token: reader1!.unsubscribeToken, via: 'List-Unsubscribe-Post' });
    await runNewsletterSending(handle.db, { baseUrl, clock: () => now });
    expect((await inbox('reader1@example.jp')).filter((m) => m.subject === '木曜日のメールマガジン')).toHaveLength(0);
    expect((await inbox('reader2@example.jp')).filter((m) => m.subject === '木曜日のメールマガジン')).toHaveLength(1);
    const rows = await handle.db.select().from(newsletterDeliveries).where(eq(newsletterDeliveries.issueId, id));
    expect(rows.find((r) => r.subscriberId === reader1!.id)?.status).toBe('skipped');
  });

  it('the public archive shows only sent issues the counselor chose to show', async () => {
    const { id: unsent } = await saveIssue(
      { db: handle.db, now },
      {
        subject: '土曜日の予定',
        bodyMarkdown: '本文',
        timing: 'schedule',
        scheduledAt: '2026-12-05T07:00',
        inArchive: true,
      },
    );
    const archive = await listArchivedIssues(handle.db);
    expect(archive.map((i) => i.subject)).toEqual(['火曜日のメールマガジン']);
    expect(await getArchivedIssue(handle.db, issueId)).toMatchObject({ subject: '火曜日のメールマガジン' });
    expect(await getArchivedIssue(handle.db, unsent)).toBeUndefined();
  });

  it('a sent issue can no longer be edited', async () => {
    await expect(
      saveIssue(
        { db: handle.db, now },
        { id: issueId, subject: '変更', bodyMarkdown: '本文', timing: 'draft', scheduledAt: '', inArchive: false },
      ),
    ).rejects.toMatchObject({ code: 'issue_not_editable' });
  });
});

describe('a mail server in trouble', () => {
  it('a refusal is tried again after a pause (a short outage loses no reader); a connection lost mid-send is never resent', async () => {
    const { id } = await saveIssue(
      { db: handle.db, now },
      { subject: '障害の日の号', bodyMarkdown: '本文', timing: 'now', scheduledAt: '', inArchive: false },
    );
    await startDueIssues({ db: handle.db, now });
    const calls: Record<string, number> = {};
    const troubled = async (mail: OutgoingMail) => {
      calls[mail.to] = (calls[mail.to] ?? 0) + 1;
      if (mail.to === 'reader2@example.jp' && calls[mail.to]! <= 2)
        throw Object.assign(new Error('451 try again later'), { responseCode: 451 });
      if (mail.to === 'reader3@example.jp')
        throw Object.assign(new Error('connection timed out after DATA'), { code: 'ETIMEDOUT' });
      await sendMail(handle.db, mail);
    };
    // The outage lasts through the first run (batch after batch): reader2 is refused once and not retried at once.
    await runNewsletterSending(handle.db, { baseUrl, batchSize: 2, clock: () => now, deliver: troubled });
    expect(calls['reader2@example.jp']).toBe(1);
    // Later runs, each after the pause: refused once more, then delivered.
    for (const after of [6, 12, 18]) {
      await sendDeliveryBatch(handle.db, {
        now: new Date(now.getTime() + after * minute),
        baseUrl,
        batchSize: 100,
        deliver: troubled,
      });
    }
    expect((await inbox('reader2@example.jp')).filter((m) => m.subject === '障害の日の号')).toHaveLength(1);
    expect(calls['reader3@example.jp']).toBe(1);
    const rows = await handle.db.select().from(newsletterDeliveries).where(eq(newsletterDeliveries.issueId, id));
    const reader3 = (
      await handle.db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, 'reader3@example.jp'))
    )[0]!;
    expect(rows.find((r) => r.subscriberId === reader3.id)?.status).toBe('unknown');
  });
});
