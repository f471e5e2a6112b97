import 'server-only';
import { and, asc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { type Notice, notices } from '@/db/schema';
import { retentionDays } from '@/lib/site-config';
import { type OutgoingMail, sendMail } from './service';

const MINUTE_MS = 60 * 1000;

/**
 * How long a claimed notice is a worker's own: longer than any SMTP exchange (nodemailer gives
 * up on a silent server well within it), so a notice is never sent by two live workers; a
 * worker that died mid-send leaves it to the first run after the lease.
 */
export const noticeLeaseMs = 10 * MINUTE_MS;
/** Attempts before a notice is left for the counselor's retry on /admin/notices (about 8 hours of retries). */
export const noticeMaxAttempts = 12;
/** From this many failed attempts a notice is brought up on /admin: mail has been failing for several minutes. */
export const noticeFailingAttempts = 3;

/** Wait before the next attempt after `attempts` failed ones: 1, 2, 4 … minutes, at most an hour. */
export function noticeBackoffMs(attempts: number): number {
  return Math.min(60 * MINUTE_MS, MINUTE_MS * 2 ** Math.max(0, attempts - 1));
}

export type Send = (db: Db, mail: OutgoingMail) => Promise<void>;

/**
 * Writes a notice to the outbox, to be delivered by `deliverNotice` or the job. Call it with
 * the transaction that makes the change, so the notice exists exactly when the change does.
 * `key` is the idempotency key (e.g. `reminder:booking:<id>:<start>`): a second notice with a
 * key already written is not added. Returns the new notice's id, or undefined when the key was taken.
 */
export async function enqueueNotice(
  db: Db,
  mail: OutgoingMail,
  about: string,
  options: { key?: string; now?: Date } = {},
): Promise<string | undefined> {
  const id = crypto.randomUUID();
  const now = options.now ?? new Date();
  const [row] = await db
    .insert(notices)
    .values({
      id,
      key: options.key ?? id,
      about,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mail.headers ?? {},
      attachments: mail.attachments ?? [],
      nextAttemptAt: now,
      createdAt: now,
    })
    .onConflictDoNothing({ target: notices.key })
    .returning({ id: notices.id });
  return row?.id;
}

/** Claims due notices (or the one named) for `noticeLeaseMs`: pending ones whose time has come, and sending ones whose worker's lease ran out. */
async function claimNotices(db: Db, now: Date, options: { id?: string; limit: number }): Promise<Notice[]> {
  const due = or(
    and(eq(notices.status, 'pending'), lte(notices.nextAttemptAt, now)),
    and(eq(notices.status, 'sending'), lte(notices.leaseUntil, now)),
  );
  const candidates = db
    .select({ id: notices.id })
    .from(notices)
    .where(and(due, options.id ? eq(notices.id, options.id) : undefined))
    .orderBy(asc(notices.nextAttemptAt))
    .limit(options.limit)
    .for('update', { skipLocked: true });
  return db
    .update(notices)
    .set({
      status: 'sending',
      attempts: sql`${notices.attempts} + 1`,
      lastAttemptAt: now,
      leaseUntil: new Date(now.getTime() + noticeLeaseMs),
    })
    .where(inArray(notices.id, candidates))
    .returning();
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 500);

/**
 * Sends one claimed notice and records the outcome. The update names the attempt it claimed,
 * so a worker whose lease ran out cannot overwrite a later attempt's outcome.
 */
async function sendClaimed(db: Db, notice: Notice, now: Date, send: Send): Promise<boolean> {
  const ours = and(eq(notices.id, notice.id), eq(notices.status, 'sending'), eq(notices.attempts, notice.attempts));
  try {
    await send(db, {
      to: notice.to,
      subject: notice.subject,
      text: notice.text,
      html: notice.html,
      headers: notice.headers,
      attachments: notice.attachments,
    });
  } catch (err) {
    console.error(`[mail] notice not sent: ${notice.about} (attempt ${notice.attempts})`, err);
    const givingUp = notice.attempts >= noticeMaxAttempts;
    await db
      .update(notices)
      .set({
        status: givingUp ? 'failed' : 'pending',
        lastError: errorText(err),
        leaseUntil: null,
        nextAttemptAt: new Date(now.getTime() + noticeBackoffMs(notice.attempts)),
      })
      .where(ours);
    return false;
  }
  // Sent: the body is not kept (it may carry a client's name and times; the mail itself is the record).
  await db
    .update(notices)
    .set({ status: 'sent', sentAt: now, leaseUntil: null, text: '', html: '', attachments: [] })
    .where(ours);
  return true;
}

/** Tries one notice now (right after its change committed). Whether it was sent; if not, the job retries it. */
export async function deliverNotice(db: Db, id: string, options: { now?: Date; send?: Send } = {}): Promise<boolean> {
  const now = options.now ?? new Date();
  const [claimed] = await claimNotices(db, now, { id, limit: 1 });
  if (!claimed) return false;
  return sendClaimed(db, claimed, now, options.send ?? sendMail);
}

/** The job: sends the notices that are due, oldest first. How many were sent and how many failed. */
export async function deliverDueNotices(
  db: Db,
  options: { now?: Date; send?: Send; limit?: number } = {},
): Promise<{ sent: number; failed: number }> {
  const now = options.now ?? new Date();
  const claimed = await claimNotices(db, now, { limit: options.limit ?? 50 });
  let sent = 0;
  for (const notice of claimed) {
    if (await sendClaimed(db, notice, now, options.send ?? sendMail)) sent += 1;
  }
  return { sent, failed: claimed.length - sent };
}

/**
 * The counselor's retry of a notice that gave up or keeps failing: due at once, with a fresh
 * count of attempts. A notice already sent, or being sent, is left as it is. Whether one was queued.
 */
export async function retryNotice(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(notices)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now, leaseUntil: null })
    .where(and(eq(notices.id, id), inArray(notices.status, ['pending', 'failed'])))
    .returning({ id: notices.id });
  return rows.length > 0;
}

export type FailingNotice = Pick<
  Notice,
  'id' | 'to' | 'subject' | 'status' | 'attempts' | 'lastError' | 'lastAttemptAt' | 'nextAttemptAt' | 'createdAt'
>;

/** Notices that gave up or have failed `noticeFailingAttempts` times and more, oldest first: the /admin alert and /admin/notices. */
export async function listFailingNotices(db: Db, limit = 100): Promise<FailingNotice[]> {
  return db
    .select({
      id: notices.id,
      to: notices.to,
      subject: notices.subject,
      status: notices.status,
      attempts: notices.attempts,
      lastError: notices.lastError,
      lastAttemptAt: notices.lastAttemptAt,
      nextAttemptAt: notices.nextAttemptAt,
      createdAt: notices.createdAt,
    })
    .from(notices)
    .where(
      or(
        eq(notices.status, 'failed'),
        and(eq(notices.status, 'pending'), sql`${notices.attempts} >= ${noticeFailingAttempts}`),
      ),
    )
    .orderBy(asc(notices.createdAt))
    .limit(limit);
}

/**
 * The job: deletes notices sent more than `retentionDays.sentNotices` days ago (they hold an
 * address and a subject; the privacy page states the period). Pending and failed notices are
 * kept until delivered or handled on /admin/notices. A key deleted with its notice could be
 * queued again only by an event repeated after that long, which no retry of ours or Stripe's
 * does (and every change that queues a notice is also guarded by its own state). How many went.
 */
export async function purgeSentNotices(db: Db, now: Date = new Date()): Promise<number> {
  const before = new Date(now.getTime() - retentionDays.sentNotices * 24 * 60 * MINUTE_MS);
  const gone = await db
    .delete(notices)
    .where(and(eq(notices.status, 'sent'), lt(notices.sentAt, before)))
    .returning({ id: notices.id });
  return gone.length;
}
