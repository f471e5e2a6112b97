import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const subscriberStatuses = ['pending', 'active', 'unsubscribed'] as const;
export type SubscriberStatus = (typeof subscriberStatuses)[number];

/**
 * One row per address. `pending` until the confirmation link is opened (double opt-in);
 * only `active` addresses receive issues.
 */
export const newsletterSubscribers = pgTable(
  'newsletter_subscribers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    status: text('status', { enum: subscriberStatuses }).notNull().default('pending'),
    /** SHA-256 of the confirmation link's token; single use. */
    confirmTokenHash: text('confirm_token_hash'),
    confirmExpiresAt: timestamp('confirm_expires_at', { withTimezone: true }),
    /** In every message's unsubscribe link and List-Unsubscribe header; works without signing in. */
    unsubscribeToken: text('unsubscribe_token').notNull(),
    /** The page the address was entered on (the latest request). */
    sourcePath: text('source_path').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('newsletter_subscribers_email').on(t.email),
    uniqueIndex('newsletter_subscribers_unsubscribe_token').on(t.unsubscribeToken),
    uniqueIndex('newsletter_subscribers_confirm_token').on(t.confirmTokenHash),
    check('newsletter_subscribers_email_lowercase', sql`${t.email} = lower(${t.email})`),
    check('newsletter_subscribers_status_check', sql`${t.status} in ('pending', 'active', 'unsubscribed')`),
    check('newsletter_subscribers_active_confirmed', sql`${t.status} <> 'active' or ${t.confirmedAt} is not null`),
  ],
);

export type NewsletterSubscriber = typeof newsletterSubscribers.$inferSelect;

export const consentEvents = ['requested', 'confirmed', 'unsubscribed'] as const;

/**
 * The opt-in record the anti-spam law (特定電子メール法) expects: who asked, from which page,
 * when, and when they confirmed or withdrew. Append-only; kept after unsubscribing.
 */
export const newsletterConsents = pgTable(
  'newsletter_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subscriberId: uuid('subscriber_id')
      .notNull()
      .references(() => newsletterSubscribers.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    event: text('event', { enum: consentEvents }).notNull(),
    sourcePath: text('source_path').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('newsletter_consents_subscriber').on(t.subscriberId, t.at),
    check('newsletter_consents_event_check', sql`${t.event} in ('requested', 'confirmed', 'unsubscribed')`),
  ],
);

export const issueStatuses = ['draft', 'scheduled', 'sending', 'sent'] as const;
export type IssueStatus = (typeof issueStatuses)[number];

export const newsletterIssues = pgTable(
  'newsletter_issues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subject: text('subject').notNull(),
    bodyMarkdown: text('body_markdown').notNull(),
    status: text('status', { enum: issueStatuses }).notNull().default('draft'),
    /** Shown on the public archive (/newsletter/archive) once sent; the counselor opts in per issue. */
    inArchive: boolean('in_archive').notNull().default(false),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('newsletter_issues_status_check', sql`${t.status} in ('draft', 'scheduled', 'sending', 'sent')`),
    check('newsletter_issues_scheduled_has_time', sql`${t.status} = 'draft' or ${t.scheduledAt} is not null`),
    index('newsletter_issues_due').on(t.status, t.scheduledAt),
  ],
);

export type NewsletterIssue = typeof newsletterIssues.$inferSelect;

/**
 * pending → sending (claimed, committed before the message leaves) → sent; `skipped` when the
 * address unsubscribed after the issue started; `failed` after repeated errors; `unknown` when
 * a process stopped between claiming and recording: it may have been sent, so it never is again.
 */
export const deliveryStatuses = ['pending', 'sending', 'sent', 'skipped', 'failed', 'unknown'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/**
 * One row per issue and recipient, made when sending starts. The unique key means an
 * address can never be queued twice for one issue; each row is claimed before its message
 * leaves, so a restart never sends it again.
 */
export const newsletterDeliveries = pgTable(
  'newsletter_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    issueId: uuid('issue_id')
      .notNull()
      .references(() => newsletterIssues.id, { onDelete: 'cascade' }),
    subscriberId: uuid('subscriber_id')
      .notNull()
      .references(() => newsletterSubscribers.id, { onDelete: 'cascade' }),
    status: text('status', { enum: deliveryStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastError: text('last_error'),
  },
  (t) => [
    uniqueIndex('newsletter_deliveries_once').on(t.issueId, t.subscriberId),
    index('newsletter_deliveries_issue_status').on(t.issueId, t.status),
    check(
      'newsletter_deliveries_status_check',
      sql`${t.status} in ('pending', 'sending', 'sent', 'skipped', 'failed', 'unknown')`,
    ),
  ],
);
