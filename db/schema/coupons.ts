import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * A coupon code the counselor hands out (WELCOME10): Stripe's coupon and promotion code, and
 * this row to list them. Either a percent or a yen amount off, never both. Times used is
 * counted from the payments made with it, never kept as a counter.
 */
export const coupons = pgTable(
  'coupons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** What the client types, stored in capitals (codes are matched without regard to case). */
    code: text('code').notNull(),
    percentOff: integer('percent_off'),
    amountOffYen: integer('amount_off_yen'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    maxRedemptions: integer('max_redemptions'),
    active: boolean('active').notNull().default(true),
    stripeCouponId: text('stripe_coupon_id').notNull(),
    stripePromotionCodeId: text('stripe_promotion_code_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('coupons_code').on(t.code),
    check(
      'coupons_one_kind',
      sql`(${t.percentOff} between 1 and 100 and ${t.amountOffYen} is null) or (${t.amountOffYen} > 0 and ${t.percentOff} is null)`,
    ),
    check('coupons_max_redemptions_check', sql`${t.maxRedemptions} is null or ${t.maxRedemptions} > 0`),
  ],
);

export type Coupon = typeof coupons.$inferSelect;
