import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { bookings, sessionTypes } from './booking';

/**
 * Session packages (回数券) as the counselor defines them: 3回券, 5回券. Editing a definition
 * changes what is sold from then on; a purchase keeps a copy of what was bought.
 */
export const sessionPackages = pgTable(
  'session_packages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    sessionCount: integer('session_count').notNull(),
    /** Tax-inclusive yen for the whole package. */
    priceYen: integer('price_yen').notNull(),
    /** Months from the payment the credits can be used (see features/packages/domain/expiry.ts). */
    validityMonths: integer('validity_months').notNull(),
    description: text('description').notNull().default(''),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('session_packages_count_check', sql`${t.sessionCount} between 2 and 50`),
    check('session_packages_price_check', sql`${t.priceYen} > 0`),
    check('session_packages_validity_check', sql`${t.validityMonths} between 1 and 36`),
  ],
);

/** Which session types a package's credits can book. */
export const sessionPackageTypes = pgTable(
  'session_package_types',
  {
    packageId: uuid('package_id')
      .notNull()
      .references(() => sessionPackages.id, { onDelete: 'cascade' }),
    sessionTypeId: uuid('session_type_id')
      .notNull()
      .references(() => sessionTypes.id),
  },
  (t) => [primaryKey({ columns: [t.packageId, t.sessionTypeId] })],
);

/**
 * One package a client bought, with a copy of its terms as sold (name, count, price, covered
 * types), so a later edit of the definition never changes what she paid for. Its credits are
 * the rows of `package_credits`; this row itself is never updated for a spend or a return, it is
 * the lock every ledger write takes (see `package_credits`). Its payment points at it, as for
 * everything sold: `payments.purpose = 'package'`, `reference_id` = this id.
 */
export const packagePurchases = pgTable(
  'package_purchases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id').references(() => users.id, { onDelete: 'set null' }),
    packageId: uuid('package_id')
      .notNull()
      .references(() => sessionPackages.id),
    name: text('name').notNull(),
    sessionCount: integer('session_count').notNull(),
    priceYen: integer('price_yen').notNull(),
    validityMonths: integer('validity_months').notNull(),
    /** The session types covered when bought. */
    sessionTypeIds: uuid('session_type_ids').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('package_purchases_count_check', sql`${t.sessionCount} > 0`),
    check('package_purchases_price_check', sql`${t.priceYen} > 0`),
    index('package_purchases_client').on(t.clientId),
  ],
);

export const creditKinds = ['grant', 'use', 'return', 'expire', 'refund'] as const;
export type CreditKind = (typeof creditKinds)[number];

/**
 * The credit ledger: every grant and use is a row, never a counter updated in place, so a
 * purchase's balance is the sum of `delta` (features/packages/ledger.ts).
 *
 *   grant   +sessionCount once per purchase, with the expiry (on payment)
 *   use     −1, for a booking
 *   return  +1, the same booking's credit back (free-tier or counselor cancellation)
 *   expire  −(what was left) when the expiry has passed: the record that it lapsed
 *   refund  −(what was left) when the counselor refunds the unused part
 *
 * Concurrency: every writer first locks the purchase row (`select … for update` on
 * package_purchases) in its transaction, then reads the balance and appends. Two bookings
 * spending the last credit are thereby serialised: the second waits, reads the first's use
 * (READ COMMITTED reads afresh after the wait) and finds nothing left. A row lock was chosen over
 * retrying on a unique (purchase, sequence) because 50 racers would mostly fail and retry, and
 * the booking transaction that holds the slot should not be replayed for a credit. As a second
 * line, `sequence` is numbered max+1 inside that lock and is unique per purchase: a writer that
 * forgot the lock and raced another gets a unique violation, not a silent overdraft. The partial
 * unique indexes make a booking's use and its return happen at most once each, so a retried
 * cancellation or webhook cannot return a credit twice.
 */
export const packageCredits = pgTable(
  'package_credits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purchaseId: uuid('purchase_id')
      .notNull()
      .references(() => packagePurchases.id),
    sequence: integer('sequence').notNull(),
    kind: text('kind', { enum: creditKinds }).notNull(),
    delta: integer('delta').notNull(),
    /** For a grant: the first instant at which its credits no longer count. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    bookingId: uuid('booking_id').references(() => bookings.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('package_credits_sequence').on(t.purchaseId, t.sequence),
    check('package_credits_kind_check', sql`${t.kind} in ('grant', 'use', 'return', 'expire', 'refund')`),
    check(
      'package_credits_shape_check',
      sql`(${t.kind} = 'grant' and ${t.delta} > 0 and ${t.expiresAt} is not null and ${t.bookingId} is null)
        or (${t.kind} = 'use' and ${t.delta} = -1 and ${t.expiresAt} is null and ${t.bookingId} is not null)
        or (${t.kind} = 'return' and ${t.delta} = 1 and ${t.expiresAt} is null and ${t.bookingId} is not null)
        or (${t.kind} in ('expire', 'refund') and ${t.delta} < 0 and ${t.expiresAt} is null and ${t.bookingId} is null)`,
    ),
    uniqueIndex('package_credits_one_grant')
      .on(t.purchaseId)
      .where(sql`${t.kind} = 'grant'`),
    uniqueIndex('package_credits_one_use_per_booking')
      .on(t.bookingId)
      .where(sql`${t.kind} = 'use'`),
    uniqueIndex('package_credits_one_return_per_booking')
      .on(t.bookingId)
      .where(sql`${t.kind} = 'return'`),
  ],
);

export type SessionPackage = typeof sessionPackages.$inferSelect;
export type PackagePurchase = typeof packagePurchases.$inferSelect;
export type PackageCredit = typeof packageCredits.$inferSelect;
