import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { bookings } from './booking';
import { courseEnrollments } from './courses';

export const paymentStatuses = ['pending', 'paid', 'partially_refunded', 'refunded', 'expired', 'failed'] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

/** One Stripe Checkout Session and what became of it. Amounts are integer yen. */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id').references(() => users.id, { onDelete: 'set null' }),
    purpose: text('purpose', { enum: ['booking', 'course'] }).notNull(),
    bookingId: uuid('booking_id').references(() => bookings.id),
    /** The course seat this payment is for (purpose 'course'). */
    enrollmentId: uuid('enrollment_id').references(() => courseEnrollments.id),
    amountYen: integer('amount_yen').notNull(),
    refundedYen: integer('refunded_yen').notNull().default(0),
    status: text('status', { enum: paymentStatuses }).notNull().default('pending'),
    stripeCheckoutSessionId: text('stripe_checkout_session_id').unique(),
    stripePaymentIntentId: text('stripe_payment_intent_id'),
    /** 領収書の宛名, chosen by the client; defaults to their name. */
    receiptAddressee: text('receipt_addressee'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'payments_status_check',
      sql`${t.status} in ('pending', 'paid', 'partially_refunded', 'refunded', 'expired', 'failed')`,
    ),
    check('payments_amount_check', sql`${t.amountYen} > 0 and ${t.refundedYen} between 0 and ${t.amountYen}`),
    index('payments_client').on(t.clientId),
    index('payments_booking').on(t.bookingId),
    index('payments_enrollment').on(t.enrollmentId),
    // One checkout at a time per booking or seat, so a double click never opens two to pay.
    uniqueIndex('payments_one_pending_per_booking')
      .on(t.bookingId)
      .where(sql`${t.status} = 'pending' and ${t.bookingId} is not null`),
    uniqueIndex('payments_one_pending_per_enrollment')
      .on(t.enrollmentId)
      .where(sql`${t.status} = 'pending' and ${t.enrollmentId} is not null`),
    // A payment pays for one thing, named by its purpose.
    check(
      'payments_purpose_check',
      sql`(${t.purpose} = 'booking' and ${t.enrollmentId} is null) or (${t.purpose} = 'course' and ${t.bookingId} is null)`,
    ),
  ],
);

/** Refunds asked of Stripe; the idempotency key makes a repeated request harmless. */
export const refunds = pgTable(
  'refunds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id),
    amountYen: integer('amount_yen').notNull(),
    reason: text('reason').notNull(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    stripeRefundId: text('stripe_refund_id').unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('refunds_amount_check', sql`${t.amountYen} > 0`)],
);

/** Webhook events already handled: a repeated delivery finds its id here and does nothing. */
export const stripeEvents = pgTable('stripe_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
});

export type Payment = typeof payments.$inferSelect;
