import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { type CreditKind, packageCredits, packagePurchases, sessionPackageTypes, sessionPackages } from '@/db/schema';
import type { CancellationTier } from '@/features/booking/domain/cancellation';
import { AppError } from '@/lib/errors';
import {
  type CreditBalance,
  type CreditOutcome,
  creditBalance,
  creditOnCancellation,
  packageExpiresAt,
  unusedRefundYen,
} from './domain/rules';

/**
 * The credit ledger of session packages (db/schema/packages.ts explains the rows and the lock).
 * Every function that writes takes the caller's transaction, locks the purchase first and only
 * then reads the balance, so a booking's transaction can take a credit together with its slot.
 */

export type LockedPurchase = typeof packagePurchases.$inferSelect;

/** Locks a purchase's row for the rest of the transaction: every ledger write runs under it. */
export async function lockPurchase(tx: Db, purchaseId: string): Promise<LockedPurchase> {
  const [purchase] = await tx.select().from(packagePurchases).where(eq(packagePurchases.id, purchaseId)).for('update');
  if (!purchase) throw new AppError('not_found');
  return purchase;
}

async function ledgerRows(db: Db, purchaseId: string) {
  return db
    .select({
      kind: packageCredits.kind,
      delta: packageCredits.delta,
      expiresAt: packageCredits.expiresAt,
      sequence: packageCredits.sequence,
      bookingId: packageCredits.bookingId,
    })
    .from(packageCredits)
    .where(eq(packageCredits.purchaseId, purchaseId))
    .orderBy(asc(packageCredits.sequence));
}

/** The balance of one purchase at `now` (a read: for a decision, read it under `lockPurchase`). */
export async function purchaseBalance(db: Db, purchaseId: string, now: Date): Promise<CreditBalance> {
  return creditBalance(await ledgerRows(db, purchaseId), now);
}

/** Appends a row with the next sequence number (call under the purchase's lock). */
async function append(
  tx: Db,
  purchaseId: string,
  row: { kind: CreditKind; delta: number; expiresAt?: Date; bookingId?: string },
  rows: { sequence: number }[],
): Promise<void> {
  const sequence = rows.reduce((max, r) => Math.max(max, r.sequence), 0) + 1;
  await tx.insert(packageCredits).values({ purchaseId, sequence, ...row });
}

/**
 * Records a client's purchase of a package, with a copy of its terms as they are now. The
 * credits come with `grantCredits` once it is paid.
 */
export async function recordPurchase(tx: Db, input: { clientId: string; packageId: string }): Promise<LockedPurchase> {
  const [definition] = await tx.select().from(sessionPackages).where(eq(sessionPackages.id, input.packageId));
  if (!definition || !definition.active) throw new AppError('not_found');
  const covered = await tx
    .select({ id: sessionPackageTypes.sessionTypeId })
    .from(sessionPackageTypes)
    .where(eq(sessionPackageTypes.packageId, definition.id));
  const [purchase] = await tx
    .insert(packagePurchases)
    .values({
      clientId: input.clientId,
      packageId: definition.id,
      name: definition.name,
      sessionCount: definition.sessionCount,
      priceYen: definition.priceYen,
      validityMonths: definition.validityMonths,
      sessionTypeIds: covered.map((c) => c.id),
    })
    .returning();
  return purchase!;
}

/**
 * Grants the purchase's credits, valid from `paidAt` for its months. Once only: a repeated
 * fulfilment finds the grant and changes nothing.
 */
export async function grantCredits(tx: Db, purchaseId: string, paidAt: Date): Promise<CreditBalance> {
  const purchase = await lockPurchase(tx, purchaseId);
  const rows = await ledgerRows(tx, purchaseId);
  if (!rows.some((r) => r.kind === 'grant')) {
    const expiresAt = packageExpiresAt(paidAt, purchase.validityMonths);
    await append(tx, purchaseId, { kind: 'grant', delta: purchase.sessionCount, expiresAt }, rows);
  }
  return purchaseBalance(tx, purchaseId, paidAt);
}

/**
 * Takes one credit of the purchase for a booking, inside the booking's transaction. Refused
 * when the purchase is not the client's, was closed for a refund, does not cover the session
 * type, has expired, or has nothing left; the same booking twice takes one credit only.
 */
export async function spendCredit(
  tx: Db,
  input: { purchaseId: string; clientId: string; bookingId: string; sessionTypeId: string; now: Date },
): Promise<CreditBalance> {
  const purchase = await lockPurchase(tx, input.purchaseId);
  // Another client's purchase is answered as one that does not exist.
  if (purchase.clientId !== input.clientId) throw new AppError('not_found');
  if (!purchase.sessionTypeIds.includes(input.sessionTypeId)) throw new AppError('package_not_covered');
  const rows = await ledgerRows(tx, input.purchaseId);
  const balance = creditBalance(rows, input.now);
  if (rows.some((r) => r.kind === 'use' && r.bookingId === input.bookingId)) return balance;
  if (rows.some((r) => r.kind === 'refund')) throw new AppError('package_refunded');
  if (balance.expired) throw new AppError('package_expired');
  if (balance.remaining < 1) throw new AppError('no_credits');
  await append(tx, input.purchaseId, { kind: 'use', delta: -1, bookingId: input.bookingId }, rows);
  return { ...balance, remaining: balance.remaining - 1 };
}

/**
 * Gives the credit a booking used back to its purchase. Once only per booking; a booking that
 * used no credit changes nothing (returns null). After the expiry the credit is returned to
 * the ledger but counts for nothing, like the rest. A purchase already closed for a refund
 * cannot take it back for booking: the credit is refunded at once instead (a `refund` row after
 * the `return`), and `refundYen` is what the caller must refund.
 */
export async function returnCredit(
  tx: Db,
  input: { bookingId: string; now: Date },
): Promise<(CreditBalance & { refundYen: number }) | null> {
  const [use] = await tx
    .select({ purchaseId: packageCredits.purchaseId })
    .from(packageCredits)
    .where(and(eq(packageCredits.bookingId, input.bookingId), eq(packageCredits.kind, 'use')));
  if (!use) return null;
  const purchase = await lockPurchase(tx, use.purchaseId);
  let rows = await ledgerRows(tx, use.purchaseId);
  let refundYen = 0;
  if (!rows.some((r) => r.kind === 'return' && r.bookingId === input.bookingId)) {
    await append(tx, use.purchaseId, { kind: 'return', delta: 1, bookingId: input.bookingId }, rows);
    if (rows.some((r) => r.kind === 'refund')) {
      rows = await ledgerRows(tx, use.purchaseId);
      await append(tx, use.purchaseId, { kind: 'refund', delta: -1 }, rows);
      refundYen = unusedRefundYen({ priceYen: purchase.priceYen, sessionCount: purchase.sessionCount, unused: 1 });
    }
  }
  return { ...(await purchaseBalance(tx, use.purchaseId, input.now)), refundYen };
}

/**
 * What a cancelled booking's credit becomes (features/packages/domain/rules.ts:
 * creditOnCancellation): back to the purchase, or used up. Call it in the cancellation's
 * transaction, with the policy the client agreed to when booking; a `refundYen` above 0 (the
 * purchase was closed for a refund meanwhile) is what to refund for the credit.
 */
export async function settleCreditOnCancellation(
  tx: Db,
  input: {
    bookingId: string;
    policy: readonly CancellationTier[];
    startsAt: Date;
    now: Date;
    cancelledBy: 'client' | 'counselor' | 'system';
  },
): Promise<{ outcome: CreditOutcome; refundYen: number }> {
  const outcome = creditOnCancellation(input);
  if (outcome === 'used') return { outcome, refundYen: 0 };
  return { outcome, refundYen: (await returnCredit(tx, input))?.refundYen ?? 0 };
}

/**
 * Writes the expiry of a purchase whose time is up: one row taking what was left, so that the
 * ledger records when and how many credits lapsed. Harmless to repeat.
 */
export async function expireCredits(tx: Db, purchaseId: string, now: Date): Promise<number> {
  await lockPurchase(tx, purchaseId);
  const rows = await ledgerRows(tx, purchaseId);
  const balance = creditBalance(rows, now);
  const left = rows.reduce((sum, r) => sum + r.delta, 0);
  if (!balance.expired || left === 0) return 0;
  await append(tx, purchaseId, { kind: 'expire', delta: -left }, rows);
  return left;
}

/**
 * Closes a purchase for a refund of its unused part: one row taking the credits left, and the
 * amount to refund (rules.ts: unusedRefundYen). The caller asks Stripe for the refund in the
 * same transaction's outcome, as the booking refunds do.
 */
export async function closeForRefund(
  tx: Db,
  purchaseId: string,
  now: Date,
): Promise<{ unused: number; refundYen: number }> {
  const purchase = await lockPurchase(tx, purchaseId);
  const rows = await ledgerRows(tx, purchaseId);
  const { remaining } = creditBalance(rows, now);
  if (remaining === 0) return { unused: 0, refundYen: 0 };
  await append(tx, purchaseId, { kind: 'refund', delta: -remaining }, rows);
  return {
    unused: remaining,
    refundYen: unusedRefundYen({ priceYen: purchase.priceYen, sessionCount: purchase.sessionCount, unused: remaining }),
  };
}

/** A client's purchases with their balances, newest first (for the portal and the admin). */
export async function clientPurchases(db: Db, clientId: string, now: Date) {
  const purchases = await db
    .select()
    .from(packagePurchases)
    .where(eq(packagePurchases.clientId, clientId))
    .orderBy(sql`${packagePurchases.createdAt} desc`);
  if (purchases.length === 0) return [];
  const rows = await db
    .select()
    .from(packageCredits)
    .where(
      inArray(
        packageCredits.purchaseId,
        purchases.map((p) => p.id),
      ),
    )
    .orderBy(asc(packageCredits.sequence));
  return purchases.map((p) => ({
    ...p,
    balance: creditBalance(
      rows.filter((r) => r.purchaseId === p.id),
      now,
    ),
  }));
}
