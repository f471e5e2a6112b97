import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { packageCredits, packagePurchases, payments } from '@/db/schema';
import { creditBalance } from './domain/rules';
import { clientPurchases } from './ledger';

/**
 * What booking needs from the credit ledger (features/packages/ledger.ts): which of a client's
 * purchases can pay for a session now, and what became of a booking's credit.
 */

export type UsableCredit = { purchaseId: string; name: string; remaining: number; expiresAt: Date };

/**
 * The purchase a client's booking of `sessionTypeId` would spend a credit of: one that covers
 * the type, is not expired, was not closed for a refund and has a credit left; of several, the
 * one expiring first (so that none lapses while another is used). Undefined when she has none.
 */
export async function usableCreditFor(
  db: Db,
  input: { clientId: string; sessionTypeId: string; now: Date },
): Promise<UsableCredit | undefined> {
  // A purchase closed for a refund has nothing left (its `refund` row took what was).
  const usable = (await clientPurchases(db, input.clientId, input.now)).flatMap((p) =>
    p.sessionTypeIds.includes(input.sessionTypeId) &&
    !p.balance.expired &&
    p.balance.remaining > 0 &&
    p.balance.expiresAt
      ? [{ purchaseId: p.id, name: p.name, remaining: p.balance.remaining, expiresAt: p.balance.expiresAt }]
      : [],
  );
  return usable.sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime())[0];
}

export type BookingCredit = {
  purchaseId: string;
  name: string;
  /** 'returned' once the booking's credit came back to the purchase (a cancellation). */
  state: 'used' | 'returned';
  /** What the purchase has left now. */
  remaining: number;
  expired: boolean;
};

/** The credit a booking was paid with, if it was (the ledger's `use` row names the purchase). */
export async function bookingCredit(db: Db, bookingId: string, now: Date): Promise<BookingCredit | undefined> {
  const [use] = await db
    .select({ purchaseId: packageCredits.purchaseId, name: packagePurchases.name })
    .from(packageCredits)
    .innerJoin(packagePurchases, eq(packagePurchases.id, packageCredits.purchaseId))
    .where(and(eq(packageCredits.bookingId, bookingId), eq(packageCredits.kind, 'use')))
    .limit(1);
  if (!use) return undefined;
  const rows = await db
    .select()
    .from(packageCredits)
    .where(eq(packageCredits.purchaseId, use.purchaseId))
    .orderBy(asc(packageCredits.sequence));
  const balance = creditBalance(rows, now);
  return {
    purchaseId: use.purchaseId,
    name: use.name,
    state: rows.some((r) => r.kind === 'return' && r.bookingId === bookingId) ? 'returned' : 'used',
    remaining: balance.remaining,
    expired: balance.expired,
  };
}

/**
 * The payment a purchase was bought with (whatever its purpose is called, it points at the
 * purchase: `payments.reference_id` = the purchase's id), for refunding a credit returned to a
 * purchase already closed for a refund.
 */
export async function purchasePaymentId(db: Db, purchaseId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.referenceId, purchaseId), inArray(payments.status, ['paid', 'partially_refunded'])))
    .limit(1);
  return row?.id;
}
