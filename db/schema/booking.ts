import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { coupons } from './coupons';

export const sessionModes = ['online', 'phone', 'in_person'] as const;
export type SessionMode = (typeof sessionModes)[number];

export const sessionTypes = pgTable(
  'session_types',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    mode: text('mode', { enum: sessionModes }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    /** Tax-inclusive yen (JPY has no minor unit: 11000 is ¥11,000). */
    priceYen: integer('price_yen').notNull(),
    description: text('description').notNull().default(''),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    /** Copied into each new booking of this type (e.g. her personal Zoom room); https only. */
    defaultMeetingUrl: text('default_meeting_url'),
  },
  (t) => [
    check('session_types_mode_check', sql`${t.mode} in ('online', 'phone', 'in_person')`),
    check('session_types_duration_check', sql`${t.durationMinutes} between 15 and 240`),
    check('session_types_price_check', sql`${t.priceYen} > 0`),
  ],
);

/** The counselor's weekly hours, in minutes from midnight, Japan time (siteConfig.timeZone). */
export const availabilityRules = pgTable(
  'availability_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    weekday: smallint('weekday').notNull(),
    startMinute: integer('start_minute').notNull(),
    endMinute: integer('end_minute').notNull(),
  },
  (t) => [
    check('availability_rules_weekday_check', sql`${t.weekday} between 0 and 6`),
    check(
      'availability_rules_minutes_check',
      sql`${t.startMinute} >= 0 and ${t.endMinute} <= 1440 and ${t.startMinute} < ${t.endMinute}`,
    ),
  ],
);

export const overrideKinds = ['closed', 'extra'] as const;

/** Days off and extra hours on a given date, Japan time. */
export const availabilityOverrides = pgTable(
  'availability_overrides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    date: date('date').notNull(),
    kind: text('kind', { enum: overrideKinds }).notNull(),
    startMinute: integer('start_minute'),
    endMinute: integer('end_minute'),
    note: text('note').notNull().default(''),
  },
  (t) => [
    check('availability_overrides_kind_check', sql`${t.kind} in ('closed', 'extra')`),
    check(
      'availability_overrides_minutes_check',
      // "is not null" matters: a NULL comparison would make the check pass.
      sql`(${t.kind} = 'closed' and ${t.startMinute} is null and ${t.endMinute} is null) or (${t.kind} = 'extra' and ${t.startMinute} is not null and ${t.endMinute} is not null and ${t.startMinute} >= 0 and ${t.endMinute} <= 1440 and ${t.startMinute} < ${t.endMinute})`,
    ),
    index('availability_overrides_date').on(t.date),
    // The same day off or the same extra hours once only (a day off has no minutes: nulls equal).
    unique('availability_overrides_once').on(t.date, t.kind, t.startMinute, t.endMinute).nullsNotDistinct(),
  ],
);

/** One row: the booking settings the counselor edits. */
export const bookingSettings = pgTable(
  'booking_settings',
  {
    id: smallint('id').primaryKey().default(1),
    bufferMinutes: integer('buffer_minutes').notNull().default(15),
    minNoticeMinutes: integer('min_notice_minutes')
      .notNull()
      .default(24 * 60),
    horizonDays: integer('horizon_days').notNull().default(60),
    stepMinutes: integer('step_minutes').notNull().default(30),
    holdMinutes: integer('hold_minutes').notNull().default(30),
    /** How long before a session its meeting link appears to the client in the portal. */
    meetingLinkLeadHours: integer('meeting_link_lead_hours').notNull().default(24),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('booking_settings_singleton', sql`${t.id} = 1`),
    check(
      'booking_settings_ranges',
      sql`${t.bufferMinutes} between 0 and 240 and ${t.minNoticeMinutes} >= 0 and ${t.horizonDays} between 1 and 365 and ${t.stepMinutes} between 5 and 240 and ${t.holdMinutes} between 30 and 1440`,
    ),
    check('booking_settings_meeting_link_lead', sql`${t.meetingLinkLeadHours} between 1 and 168`),
  ],
);

/**
 * `awaiting_payment`: the client chose to pay at a konbini; the voucher is issued and the slot is
 * kept until its deadline (`holdExpiresAt`), then released if Stripe never reported the payment.
 */
export const bookingStatuses = [
  'held',
  'awaiting_payment',
  'confirmed',
  'cancelled',
  'completed',
  'no_show',
  'expired',
] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

export type PolicyTier = { hoursBefore: number; feePercent: number; label: string };

/**
 * A session. `held`, `awaiting_payment` and `confirmed` bookings block their time: an exclusion
 * constraint (migrations 0004 and konbini's) makes two of them that overlap impossible.
 */
export const bookings = pgTable(
  'bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id').references(() => users.id, { onDelete: 'set null' }),
    sessionTypeId: uuid('session_type_id')
      .notNull()
      .references(() => sessionTypes.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** endsAt plus the buffer in force when booked: the counselor's time this booking takes. */
    blockedUntil: timestamp('blocked_until', { withTimezone: true }).notNull(),
    status: text('status', { enum: bookingStatuses }).notNull().default('held'),
    holdExpiresAt: timestamp('hold_expires_at', { withTimezone: true }),
    /** What the client wants to talk about (a theme id); never shown in mail or calendars. */
    theme: text('theme'),
    /** What the client pays for it: the session type's price, less a coupon's discount when she used one. */
    priceYen: integer('price_yen').notNull(),
    /** The coupon applied before paying, and its discount (the list price is priceYen + discountYen). */
    couponId: uuid('coupon_id').references(() => coupons.id, { onDelete: 'set null' }),
    discountYen: integer('discount_yen').notNull().default(0),
    /** The cancellation table the client agreed to, as it was then. */
    policy: jsonb('policy').$type<PolicyTier[]>(),
    policyAgreedAt: timestamp('policy_agreed_at', { withTimezone: true }),
    meetingUrl: text('meeting_url'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: text('cancelled_by', { enum: ['client', 'counselor', 'system'] }),
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    /**
     * How the session is paid: 'payment' (Stripe Checkout, `payments.reference_id` = this id) or
     * 'credit' (one credit of a session package: the `use` row of `package_credits` with this
     * booking's id says which; no payment, no receipt).
     */
    paidWith: text('paid_with', { enum: ['payment', 'credit'] })
      .notNull()
      .default('payment'),
    /** Its payment was refunded outside this app (the Stripe dashboard): the counselor decides what follows. */
    refundedOutsideAt: timestamp('refunded_outside_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'bookings_status_check',
      sql`${t.status} in ('held', 'awaiting_payment', 'confirmed', 'cancelled', 'completed', 'no_show', 'expired')`,
    ),
    check('bookings_time_order', sql`${t.startsAt} < ${t.endsAt} and ${t.endsAt} <= ${t.blockedUntil}`),
    check(
      'bookings_hold_has_expiry',
      sql`${t.status} not in ('held', 'awaiting_payment') or ${t.holdExpiresAt} is not null`,
    ),
    check('bookings_price_check', sql`${t.priceYen} > 0`),
    check('bookings_paid_with_check', sql`${t.paidWith} in ('payment', 'credit')`),
    index('bookings_client').on(t.clientId, t.startsAt),
    index('bookings_starts_at').on(t.startsAt),
    index('bookings_live_holds')
      .on(t.holdExpiresAt)
      .where(sql`${t.status} in ('held', 'awaiting_payment')`),
  ],
);

export type SessionType = typeof sessionTypes.$inferSelect;
export type Booking = typeof bookings.$inferSelect;
export type BookingSettings = typeof bookingSettings.$inferSelect;
