import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { bookings } from './booking';

export const intakeStatuses = ['draft', 'submitted'] as const;
export type IntakeResponseStatus = (typeof intakeStatuses)[number];

/**
 * A client's pre-session questionnaire for one booking. The answers are 要配慮個人情報: they
 * are stored only encrypted (AES-256-GCM, a fresh IV per write, bound to the row's id), with
 * the id of the key that encrypted them so keys can rotate. A row exists only once the client
 * has consented (APPI) to their storage.
 */
export const intakeResponses = pgTable(
  'intake_responses',
  {
    id: uuid('id').primaryKey(),
    bookingId: uuid('booking_id')
      .notNull()
      .unique()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The theme questionnaire answered beside the general one (null: the general one alone). */
    theme: text('theme'),
    generalVersion: integer('general_version').notNull(),
    themeVersion: integer('theme_version'),
    status: text('status', { enum: intakeStatuses }).notNull().default('draft'),
    consentedAt: timestamp('consented_at', { withTimezone: true }).notNull(),
    keyId: text('key_id').notNull(),
    /** `v1.` + base64url(IV ‖ ciphertext ‖ GCM tag) of the answers as JSON. */
    answersEncrypted: text('answers_encrypted').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /**
     * When the answers last turned to a positive safety answer (null: not flagged). Kept in the
     * clear, like the state, so the counselor's lists and alerts need not decrypt anything.
     */
    flaggedAt: timestamp('flagged_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('intake_responses_status_check', sql`${t.status} in ('draft', 'submitted')`),
    check('intake_responses_submitted_at', sql`${t.status} <> 'submitted' or ${t.submittedAt} is not null`),
    index('intake_responses_client').on(t.clientId),
    index('intake_responses_key').on(t.keyId),
  ],
);

/** The 48-hour reminder for a missing questionnaire: one row per booking, so it is sent once. */
export const intakeReminders = pgTable('intake_reminders', {
  bookingId: uuid('booking_id')
    .primaryKey()
    .references(() => bookings.id, { onDelete: 'cascade' }),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
});

/** Who read what, when: every time the counselor opens a client's questionnaire. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** Whose data it was. */
    clientId: uuid('client_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('audit_log_at').on(t.at), index('audit_log_client').on(t.clientId)],
);

export type IntakeResponse = typeof intakeResponses.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
