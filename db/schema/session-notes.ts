import { index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { bookings } from './booking';

/**
 * The counselor's private notes: one per booking (what happened in that session) and one
 * running note per client (booking null). Like questionnaire answers they are stored only
 * encrypted, under the same keyring (`INTAKE_ENCRYPTION_KEYS`), bound to the row's id, with the
 * key id per row so the rotation script re-encrypts them too. Never shown to the client and
 * never put in a mail; every read and write is in `audit_log`. They go with the client's
 * account when it is deleted.
 */
export const sessionNotes = pgTable(
  'session_notes',
  {
    id: uuid('id').primaryKey(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The session the note is about; null for the client's running note. */
    bookingId: uuid('booking_id').references(() => bookings.id, { onDelete: 'cascade' }),
    keyId: text('key_id').notNull(),
    /** `v1.` + base64url(IV ‖ ciphertext ‖ GCM tag) of the note's text. */
    bodyEncrypted: text('body_encrypted').notNull(),
    /** Raised by every save, so a save from a page opened before another save is refused. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // One note per booking, and one running note (booking null) per client.
    unique('session_notes_one_per_subject').on(t.clientId, t.bookingId).nullsNotDistinct(),
    index('session_notes_booking').on(t.bookingId),
    index('session_notes_key').on(t.keyId),
  ],
);

export type SessionNote = typeof sessionNotes.$inferSelect;
