import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { coupons } from './coupons';

export const paymentPurposes = ['booking', 'course', 'package'] as const;
export type PaymentPurpose = (typeof paymentPurposes)[number];

export const paymentStatuses = ['pending', 'paid', 'partially_refunded', 'refunded', 'expired', 'failed'] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

/** How a client can pay, as Stripe names the payment method types: card always, konbini and PayPay when switched on. */
export const paymentMethods = ['card', 'konbini', 'paypay'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

/** One Stripe Checkout Session and what became of it. Amounts are integer yen. */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id').references(() => users.id, { onDelete: 'set null' }),
    /** What is sold; each purpose registers its fulfilment with payments (features/payments/fulfilment.ts). */
    purpose: text('purpose', { enum: paymentPurposes }).notNull(),
    /** The thing paid for, within its purpose: a booking's id ('booking'), a course seat's ('course'), a package purchase's ('package'). */
    referenceId: uuid('reference_id').notNull(),
    /** What the client is charged: the price less any coupon's discount (Stripe's amount_total). */
    amountYen: integer('amount_yen').notNull(),
    /** The coupon's discount (Stripe's total_details.amount_discount); the list price is amountYen + discountYen. */
    discountYen: integer('discount_yen').notNull().default(0),
    /** The coupon code used, as the client saw it on the receipt. */
    couponCode: text('coupon_code'),
    couponId: uuid('coupon_id').references(() => coupons.id, { onDelete: 'set null' }),
    refundedYen: integer('refunded_yen').notNull().default(0),
    /** Of refundedYen, what Stripe refunded without this app asking (a refund in the Stripe dashboard). */
    refundedOutsideYen: integer('refunded_outside_yen').notNull().default(0),
    /**
     * When Stripe last reported more refunded outside this app (the counselor is alerted); each
     * increase, dated, is a row of outsideRefunds, which the money page books.
     */
    refundedOutsideAt: timestamp('refunded_outside_at', { withTimezone: true }),
    status: text('status', { enum: paymentStatuses }).notNull().default('pending'),
    stripeCheckoutSessionId: text('stripe_checkout_session_id').unique(),
    stripePaymentIntentId: text('stripe_payment_intent_id'),
    /**
     * A delayed payment (konbini) the client has yet to make: Stripe's voucher (its page, the
     * confirmation number to give at the store) and its deadline. The payment stays `pending`.
     */
    voucherUrl: text('voucher_url'),
    voucherNumber: text('voucher_number'),
    paymentDueAt: timestamp('payment_due_at', { withTimezone: true }),
    /** The day-before reminder of the deadline was queued (once). */
    dueReminderSentAt: timestamp('due_reminder_sent_at', { withTimezone: true }),
    /** Which payment method paid, by Stripe's word; null until Stripe says (see features/payments/domain/methods.ts). */
    method: text('method', { enum: paymentMethods }),
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
    check('payments_method_check', sql`${t.method} is null or ${t.method} in ('card', 'konbini', 'paypay')`),
    check('payments_amount_check', sql`${t.amountYen} > 0 and ${t.refundedYen} between 0 and ${t.amountYen}`),
    check('payments_discount_check', sql`${t.discountYen} >= 0`),
    check('payments_refunded_outside_check', sql`${t.refundedOutsideYen} between 0 and ${t.refundedYen}`),
    index('payments_client').on(t.clientId),
    index('payments_coupon').on(t.couponId),
    index('payments_reference').on(t.purpose, t.referenceId),
    index('payments_due')
      .on(t.paymentDueAt)
      .where(sql`${t.status} = 'pending'`),
    // One checkout at a time per thing sold, so a double click never opens two to pay.
    uniqueIndex('payments_one_pending_per_reference')
      .on(t.purpose, t.referenceId)
      .where(sql`${t.status} = 'pending'`),
  ],
);

/**
 * One row: which payment methods the counselor offers besides card (always on). Both start off:
 * each needs activating in the real Stripe account first (Dashboard → Settings → Payment methods),
 * and the 特商法 page must not promise a method Stripe will not show.
 */
export const paymentSettings = pgTable(
  'payment_settings',
  {
    id: smallint('id').primaryKey().default(1),
    konbiniEnabled: boolean('konbini_enabled').notNull().default(false),
    paypayEnabled: boolean('paypay_enabled').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('payment_settings_singleton', sql`${t.id} = 1`)],
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

/**
 * Each increase of a payment's refundedOutsideYen, dated when Stripe reported it: the money page
 * books a second dashboard refund in its own month. totalYen is the running total after the
 * increase, unique per payment, so the same report never adds a second row.
 */
export const outsideRefunds = pgTable(
  'outside_refunds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id),
    amountYen: integer('amount_yen').notNull(),
    totalYen: integer('total_yen').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('outside_refunds_amount_check', sql`${t.amountYen} > 0 and ${t.totalYen} >= ${t.amountYen}`),
    uniqueIndex('outside_refunds_payment_total').on(t.paymentId, t.totalYen),
    index('outside_refunds_at').on(t.at),
  ],
);

/** Webhook events already handled: a repeated delivery finds its id here and does nothing. */
export const stripeEvents = pgTable('stripe_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
});

export type Payment = typeof payments.$inferSelect;
