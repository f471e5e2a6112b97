import 'server-only';
import crypto from 'node:crypto';
import { and, eq, gt, inArray, isNull, lt, lte, notExists, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { ServiceContext } from '@/lib/service';
import { newsletterConsents, newsletterDeliveries, newsletterIssues, newsletterSubscribers } from '@/db/schema';
import { hashToken } from '@/features/accounts/tokens';
import { type OutgoingMail, sendMail } from '@/features/mail/service';
import { AppError } from '@/lib/errors';
import { fromJstLocal } from '@/lib/time';
import { issueMail, type RenderedIssue, recipientUrls, renderIssue, subscriptionMails } from './mails';
import type { IssueEditorValues } from './schemas';

const confirmLifetimeMs = 48 * 60 * 60 * 1000;
const newToken = () => crypto.randomBytes(32).toString('base64url');

/** A mail's links point at `baseUrl`. */
type Ctx = ServiceContext & { baseUrl: string };

/**
 * Double opt-in. Whatever the address's state, the caller shows the same answer; only the
 * mail differs: a confirmation link for a new, pending or unsubscribed address, a short
 * notice for one already subscribed. Each request is written to the consent record.
 */
export async function requestSubscription(ctx: Ctx, input: { email: string; sourcePath: string }): Promise<void> {
  const { db, now } = ctx;
  const token = newToken();
  const mail = await db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(newsletterSubscribers)
      .where(eq(newsletterSubscribers.email, input.email))
      .for('update');
    if (existing?.status === 'active') {
      return { kind: 'already' as const, subscriber: existing };
    }
    const pending = {
      status: 'pending' as const,
      confirmTokenHash: hashToken(token),
      confirmExpiresAt: new Date(now.getTime() + confirmLifetimeMs),
      sourcePath: input.sourcePath,
      requestedAt: now,
    };
    const [subscriber] = existing
      ? await tx.update(newsletterSubscribers).set(pending).where(eq(newsletterSubscribers.id, existing.id)).returning()
      : await tx
          .insert(newsletterSubscribers)
          .values({ email: input.email, unsubscribeToken: newToken(), ...pending })
          .returning();
    await tx.insert(newsletterConsents).values({
      subscriberId: subscriber!.id,
      email: input.email,
      event: 'requested',
      sourcePath: input.sourcePath,
      at: now,
    });
    return { kind: 'confirm' as const, subscriber: subscriber! };
  });
  const content =
    mail.kind === 'confirm'
      ? subscriptionMails.confirm(`${ctx.baseUrl}/newsletter/confirm?token=${token}`)
      : subscriptionMails.alreadySubscribed(
          recipientUrls(ctx.baseUrl, input.email, mail.subscriber.unsubscribeToken).unsubscribePageUrl,
        );
  await sendMail(db, { to: input.email, ...content });
}

/** The confirmation link: single use, 48 hours. */
export async function confirmSubscription({ db, now }: ServiceContext, token: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(newsletterSubscribers)
      .set({ status: 'active', confirmedAt: now, confirmTokenHash: null, confirmExpiresAt: null, unsubscribedAt: null })
      .where(
        and(
          eq(newsletterSubscribers.confirmTokenHash, hashToken(token)),
          eq(newsletterSubscribers.status, 'pending'),
          gt(newsletterSubscribers.confirmExpiresAt, now),
        ),
      )
      .returning();
    if (!row) throw new AppError('token_invalid');
    await tx
      .insert(newsletterConsents)
      .values({ subscriberId: row.id, email: row.email, event: 'confirmed', sourcePath: row.sourcePath, at: now });
  });
}

/**
 * One click, no sign-in: the token in every issue. Repeating it is harmless; an unknown
 * token is an error so that a mistyped link does not look like success.
 */
export async function unsubscribe(
  { db, now }: ServiceContext,
  { token, via }: { token: string; via: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(newsletterSubscribers)
      .where(eq(newsletterSubscribers.unsubscribeToken, token))
      .for('update');
    if (!row) throw new AppError('token_invalid');
    if (row.status === 'unsubscribed') return;
    await tx
      .update(newsletterSubscribers)
      .set({ status: 'unsubscribed', unsubscribedAt: now, confirmTokenHash: null })
      .where(eq(newsletterSubscribers.id, row.id));
    await tx
      .insert(newsletterConsents)
      .values({ subscriberId: row.id, email: row.email, event: 'unsubscribed', sourcePath: via, at: now });
  });
}

function scheduledTimeFor(input: IssueEditorValues, now: Date): Date | null {
  if (input.timing === 'draft') return null;
  if (input.timing === 'now') return now;
  const at = fromJstLocal(input.scheduledAt);
  if (!(at > now)) throw new AppError('schedule_in_past');
  return at;
}

/** Creates or edits an issue; once sending has started it can no longer change. */
export async function saveIssue(
  { db, now }: ServiceContext,
  input: IssueEditorValues,
): Promise<{ id: string; status: 'draft' | 'scheduled' }> {
  const scheduledAt = scheduledTimeFor(input, now);
  const values = {
    subject: input.subject,
    bodyMarkdown: input.bodyMarkdown,
    inArchive: input.inArchive,
    status: scheduledAt ? ('scheduled' as const) : ('draft' as const),
    scheduledAt,
    updatedAt: now,
  };
  if (!input.id) {
    const [row] = await db
      .insert(newsletterIssues)
      .values({ ...values, createdAt: now })
      .returning({ id: newsletterIssues.id });
    return { id: row!.id, status: values.status };
  }
  const [row] = await db
    .update(newsletterIssues)
    .set(values)
    .where(and(eq(newsletterIssues.id, input.id), inArray(newsletterIssues.status, ['draft', 'scheduled'])))
    .returning({ id: newsletterIssues.id });
  if (!row) throw new AppError('issue_not_editable');
  return { id: row.id, status: values.status };
}

/** A test of the issue to the counselor's own address, marked as a test, sent to no one else. */
export async function sendTestIssue(
  ctx: Ctx,
  issue: { subject: string; bodyMarkdown: string },
  to: string,
): Promise<void> {
  const mail = issueMail(
    renderIssue({ subject: `［テスト］${issue.subject}`, bodyMarkdown: issue.bodyMarkdown }),
    recipientUrls(ctx.baseUrl, to, 'test-only-no-subscription'),
  );
  await sendMail(ctx.db, mail);
}

/**
 * Issues whose time has come start sending: in one transaction the issue becomes `sending`
 * and a delivery row is made for every confirmed subscriber (the unique key makes a repeat
 * harmless). Pending and unsubscribed addresses get no row, so they receive nothing.
 */
export async function startDueIssues({ db, now }: ServiceContext): Promise<string[]> {
  return db.transaction(async (tx) => {
    const started = await tx
      .update(newsletterIssues)
      .set({ status: 'sending', startedAt: now })
      .where(and(eq(newsletterIssues.status, 'scheduled'), lte(newsletterIssues.scheduledAt, now)))
      .returning({ id: newsletterIssues.id });
    for (const { id } of started) {
      await tx.execute(sql`
        insert into ${newsletterDeliveries} (issue_id, subscriber_id)
        select ${id}, s.id from ${newsletterSubscribers} s where s.status = 'active'
        on conflict (issue_id, subscriber_id) do nothing`);
    }
    return started.map((s) => s.id);
  });
}

export type Deliver = (mail: OutgoingMail) => Promise<void>;
const maxAttempts = 3;
/** A refused message waits this long before its next try, so a short mail-server outage does not use up its attempts. */
const retryAfterMs = 5 * 60 * 1000;
/** Network errors in the middle of an SMTP conversation: the server may have taken the message. */
const ambiguousNetworkCodes = new Set(['ETIMEDOUT', 'ESOCKET', 'ECONNRESET', 'ESTREAM', 'EPROTOCOL']);

/**
 * Whether a failed send may still have been delivered. A reply from the server (a 4xx/5xx
 * `responseCode`) is a refusal: nothing left. A connection lost mid-conversation is not
 * known either way.
 */
export function mayHaveBeenSent(err: unknown): boolean {
  const e = err as { responseCode?: unknown; code?: unknown } | null;
  if (typeof e?.responseCode === 'number') return false;
  return typeof e?.code === 'string' && ambiguousNetworkCodes.has(e.code);
}

/**
 * Sends up to `batchSize` pending deliveries. Each row is claimed on its own (a committed
 * UPDATE from pending to sending) right before its message leaves and marked sent right
 * after, so a process that stops at any point leaves at most the message in flight
 * unrecorded — and that one is never sent again (see settleInterruptedDeliveries). Several
 * workers may run this at once: a row is claimed by exactly one.
 */
export async function sendDeliveryBatch(
  db: Db,
  options: { now: Date; baseUrl: string; batchSize: number; deliver?: Deliver },
): Promise<number> {
  const deliver: Deliver = options.deliver ?? ((mail) => sendMail(db, mail));
  const candidates = await db
    .select({ id: newsletterDeliveries.id })
    .from(newsletterDeliveries)
    .innerJoin(newsletterIssues, eq(newsletterIssues.id, newsletterDeliveries.issueId))
    .where(
      and(
        eq(newsletterDeliveries.status, 'pending'),
        eq(newsletterIssues.status, 'sending'),
        or(
          isNull(newsletterDeliveries.claimedAt),
          lt(newsletterDeliveries.claimedAt, new Date(options.now.getTime() - retryAfterMs)),
        ),
      ),
    )
    .limit(options.batchSize);
  // An issue is read and its Markdown rendered once per batch, not once per recipient.
  const issues = new Map<string, Promise<RenderedIssue>>();
  const renderedIssue = (issueId: string) => {
    let issue = issues.get(issueId);
    if (!issue) {
      issue = db
        .select()
        .from(newsletterIssues)
        .where(eq(newsletterIssues.id, issueId))
        .then(([row]) => renderIssue(row!));
      issues.set(issueId, issue);
    }
    return issue;
  };
  let handled = 0;
  for (const { id } of candidates) {
    const [claimed] = await db
      .update(newsletterDeliveries)
      .set({ status: 'sending', claimedAt: options.now, attempts: sql`${newsletterDeliveries.attempts} + 1` })
      .where(and(eq(newsletterDeliveries.id, id), eq(newsletterDeliveries.status, 'pending')))
      .returning();
    if (!claimed) continue;
    handled += 1;
    const [subscriber] = await db
      .select()
      .from(newsletterSubscribers)
      .where(eq(newsletterSubscribers.id, claimed.subscriberId));
    if (!subscriber || subscriber.status !== 'active') {
      await db.update(newsletterDeliveries).set({ status: 'skipped' }).where(eq(newsletterDeliveries.id, id));
      continue;
    }
    const issue = await renderedIssue(claimed.issueId);
    try {
      await deliver(issueMail(issue, recipientUrls(options.baseUrl, subscriber.email, subscriber.unsubscribeToken)));
    } catch (err) {
      // Refused by the server: nothing left, so it is tried again after a pause. A connection
      // lost mid-send may have delivered it: `unknown`, never sent again (as for a crash).
      const status = mayHaveBeenSent(err)
        ? ('unknown' as const)
        : claimed.attempts >= maxAttempts
          ? ('failed' as const)
          : ('pending' as const);
      await db
        .update(newsletterDeliveries)
        .set({ status, lastError: String(err).slice(0, 500) })
        .where(eq(newsletterDeliveries.id, id));
      continue;
    }
    await db
      .update(newsletterDeliveries)
      .set({ status: 'sent', sentAt: new Date() })
      .where(eq(newsletterDeliveries.id, id));
  }
  await finishSentIssues(db, options.now);
  return handled;
}

/**
 * A row claimed long ago and never recorded belongs to a process that stopped mid-send. Its
 * message may have left, so it is marked `unknown` (shown in the admin) and not sent again.
 */
export async function settleInterruptedDeliveries(
  { db, now }: ServiceContext,
  staleAfterMs = 10 * 60 * 1000,
): Promise<number> {
  const rows = await db
    .update(newsletterDeliveries)
    .set({ status: 'unknown' })
    .where(
      and(
        eq(newsletterDeliveries.status, 'sending'),
        lt(newsletterDeliveries.claimedAt, new Date(now.getTime() - staleAfterMs)),
      ),
    )
    .returning({ id: newsletterDeliveries.id });
  if (rows.length > 0) await finishSentIssues(db, now);
  return rows.length;
}

async function finishSentIssues(db: Db, now: Date): Promise<void> {
  await db
    .update(newsletterIssues)
    .set({ status: 'sent', finishedAt: now })
    .where(
      and(
        eq(newsletterIssues.status, 'sending'),
        notExists(
          db
            .select({ one: sql`1` })
            .from(newsletterDeliveries)
            .where(
              and(
                eq(newsletterDeliveries.issueId, newsletterIssues.id),
                inArray(newsletterDeliveries.status, ['pending', 'sending']),
              ),
            ),
        ),
      ),
    );
}

/** The job: start what is due, settle interrupted rows, then send batch after batch for up to `budgetMs`. */
export async function runNewsletterSending(
  db: Db,
  options: { baseUrl: string; batchSize?: number; budgetMs?: number; clock?: () => Date; deliver?: Deliver },
): Promise<number> {
  const clock = options.clock ?? (() => new Date());
  const startedAt = clock().getTime();
  await startDueIssues({ db, now: clock() });
  await settleInterruptedDeliveries({ db, now: clock() });
  let total = 0;
  for (;;) {
    const sent = await sendDeliveryBatch(db, {
      now: clock(),
      baseUrl: options.baseUrl,
      batchSize: options.batchSize ?? 50,
      deliver: options.deliver,
    });
    total += sent;
    if (sent === 0 || clock().getTime() - startedAt > (options.budgetMs ?? 45_000)) return total;
  }
}
