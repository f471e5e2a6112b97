import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';

/** How a session is named in the counselor's subscription feed (her calendar may sync to a cloud). */
export const feedTitleStyles = ['plain', 'reference', 'family_name'] as const;
export type FeedTitleStyle = (typeof feedTitleStyles)[number];

/**
 * The counselor's private iCal feed. Only a SHA-256 of its token is kept: the URL is shown once
 * when made, and a new one replaces it (the old URL then answers 404). No token: the feed is off.
 */
export const calendarFeeds = pgTable('calendar_feeds', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').unique(),
  titleStyle: text('title_style', { enum: feedTitleStyles }).notNull().default('plain'),
  tokenCreatedAt: timestamp('token_created_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A calendar of the counselor's own (Google's secret iCal address…) whose busy time closes open
 * slots. The URL is a secret of hers: encrypted at rest with the intake keyring (AES-256-GCM,
 * the row id bound in), shown to her only as `urlHint`, shortened.
 */
export const calendarImports = pgTable(
  'calendar_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    label: text('label').notNull().default(''),
    /** Only rows saved before encryption (migration 0020) have it; sealed on the next sync or key rotation. */
    url: text('url'),
    urlEncrypted: text('url_encrypted'),
    keyId: text('key_id'),
    /** Where the URL points, shortened (calendar.google.com/…/basic.ics): what the admin shows. */
    urlHint: text('url_hint').notNull().default(''),
    etag: text('etag'),
    lastModified: text('last_modified'),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    /** The last fetch that brought a usable calendar (or a 304): its intervals are the ones kept. */
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
    /** Why the last attempt failed, in words for her; null after a success. */
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'calendar_imports_url_kept',
      sql`${t.url} is not null or (${t.urlEncrypted} is not null and ${t.keyId} is not null)`,
    ),
  ],
);

/** Busy time read from an import: instants only, nothing else of her appointments. */
export const calendarBusyIntervals = pgTable(
  'calendar_busy_intervals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    importId: uuid('import_id')
      .notNull()
      .references(() => calendarImports.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('calendar_busy_intervals_order', sql`${t.startsAt} < ${t.endsAt}`),
    index('calendar_busy_intervals_starts_at').on(t.startsAt),
    index('calendar_busy_intervals_import').on(t.importId),
  ],
);

export type CalendarImport = typeof calendarImports.$inferSelect;
