import { sql } from 'drizzle-orm';
import { boolean, check, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';

/** What the counselor can be told by mail, each of which she can turn off. */
export const notificationKinds = [
  'booking_paid',
  'booking_cancelled',
  'booking_rescheduled',
  'course_enrolled',
  'course_seat_cancelled',
  'waitlist_accepted',
  'intake_flagged',
  'refund_failing',
  'payment_for_lost_slot',
  'package_purchased',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/**
 * One row: which notices the counselor wants. Kinds are stored as the ones she turned off, so a
 * kind added later is on until she says otherwise. The daily agenda is off until she turns it on.
 */
export const notificationSettings = pgTable(
  'notification_settings',
  {
    id: smallint('id').primaryKey().default(1),
    disabledKinds: text('disabled_kinds')
      .array()
      .$type<NotificationKind[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    dailyAgendaEnabled: boolean('daily_agenda_enabled').notNull().default(false),
    /** Minutes after midnight, Japan time. */
    dailyAgendaMinute: smallint('daily_agenda_minute').notNull().default(420),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('notification_settings_singleton', sql`${t.id} = 1`),
    check('notification_settings_minute', sql`${t.dailyAgendaMinute} between 0 and 1439`),
  ],
);

/**
 * Each notice sent to the counselor, by a key naming its event (`booking_paid:<booking id>`,
 * `daily_agenda:<date>`): inserted before the mail goes, so a webhook redelivered, a job run
 * twice or a second app instance never sends it again.
 */
export const counselorNotices = pgTable('counselor_notices', {
  key: text('key').primaryKey(),
  kind: text('kind').notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
});
