import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export type OutboxAttachment = { filename: string; contentType: string; contentBase64: string };

/** Mail kept in the database when no SMTP server is configured (development, demo, tests). */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    to: text('to').notNull(),
    from: text('from').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    attachments: jsonb('attachments').$type<OutboxAttachment[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mail_outbox_to').on(t.to, t.createdAt)],
);

export type OutboxMail = typeof mailOutbox.$inferSelect;

export const noticeStatuses = ['pending', 'sending', 'sent', 'failed'] as const;
export type NoticeStatus = (typeof noticeStatuses)[number];

/**
 * The durable outbox of notices (features/mail/outbox.ts): a notice is written here, with the
 * change it tells of where it can be, then delivered by the `mail.deliver-notices` job with
 * retries and backoff. `key` is the notice's idempotency key: one notice per key, ever.
 * 'pending' waits for `next_attempt_at`; 'sending' is claimed until `lease_until` (a worker
 * that died mid-send leaves it to be claimed again); 'failed' gave up and waits for the
 * counselor's retry on /admin/notices. A sent notice keeps no body.
 */
export const notices = pgTable(
  'notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull().unique(),
    /** What the notice is about, for the logs (ids, never the client's words). */
    about: text('about').notNull(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    attachments: jsonb('attachments').$type<OutboxAttachment[]>().notNull().default([]),
    status: text('status', { enum: noticeStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('notices_status_check', sql`${t.status} in ('pending', 'sending', 'sent', 'failed')`),
    index('notices_due').on(t.status, t.nextAttemptAt),
  ],
);

export type Notice = typeof notices.$inferSelect;
