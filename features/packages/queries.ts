import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  bookings,
  packageCredits,
  packagePurchases,
  payments,
  refunds,
  sessionPackageTypes,
  sessionPackages,
  sessionTypes,
} from '@/db/schema';
import { isUuid } from '@/lib/ids';
import { type CreditBalance, creditBalance } from './domain/rules';

// Reads of session packages for the client's pages and the counselor's: what is for sale, what
// she bought (with its ledger) and what a payment bought.

export type PackageForSale = Awaited<ReturnType<typeof listPackagesForSale>>[number];

/** The packages on sale, in the counselor's order, each with the names of the session types it covers. */
export async function listPackagesForSale(db: Db) {
  const packages = await db
    .select()
    .from(sessionPackages)
    .where(eq(sessionPackages.active, true))
    .orderBy(asc(sessionPackages.sortOrder), asc(sessionPackages.createdAt));
  if (packages.length === 0) return [];
  const covered = await db
    .select({ packageId: sessionPackageTypes.packageId, name: sessionTypes.name })
    .from(sessionPackageTypes)
    .innerJoin(sessionTypes, eq(sessionTypes.id, sessionPackageTypes.sessionTypeId))
    .where(
      inArray(
        sessionPackageTypes.packageId,
        packages.map((p) => p.id),
      ),
    )
    .orderBy(asc(sessionTypes.name));
  return packages.map((p) => ({
    ...p,
    covers: covered.filter((c) => c.packageId === p.id).map((c) => c.name),
  }));
}

/** One package on sale, or undefined (unknown, malformed or no longer sold). */
export async function getPackageForSale(db: Db, packageId: string) {
  if (!isUuid(packageId)) return undefined;
  return (await listPackagesForSale(db)).find((p) => p.id === packageId);
}

export type HistoryEntry = {
  kind: 'grant' | 'use' | 'return' | 'expire' | 'refund';
  delta: number;
  at: Date;
  /** For a use or a return: the session it was for. */
  sessionStartsAt: Date | null;
  sessionName: string | null;
  bookingId: string | null;
};

export type PurchaseView = {
  id: string;
  clientId: string | null;
  name: string;
  sessionCount: number;
  priceYen: number;
  boughtAt: Date;
  balance: CreditBalance;
  /** Credits taken by bookings and not returned. */
  used: number;
  /** Credits closed for a refund of the unused part. */
  refundedCredits: number;
  /** What was refunded of its payment (recorded refunds and those made in the Stripe dashboard). */
  refundedYen: number;
  paymentId: string | null;
  coveredNames: string[];
  history: HistoryEntry[];
};

/**
 * A client's paid packages (those with their credits granted), newest first, each with its
 * balance and its ledger as a history. An unpaid checkout's purchase is left out.
 */
export async function listClientPackages(db: Db, clientId: string, now: Date): Promise<PurchaseView[]> {
  if (!isUuid(clientId)) return [];
  return purchaseViews(db, eq(packagePurchases.clientId, clientId), now);
}

/** One paid purchase, as the client or the counselor sees it. */
export async function getPurchaseView(db: Db, purchaseId: string, now: Date): Promise<PurchaseView | undefined> {
  if (!isUuid(purchaseId)) return undefined;
  return (await purchaseViews(db, eq(packagePurchases.id, purchaseId), now))[0];
}

async function purchaseViews(db: Db, where: ReturnType<typeof eq>, now: Date): Promise<PurchaseView[]> {
  const purchases = await db.select().from(packagePurchases).where(where).orderBy(desc(packagePurchases.createdAt));
  if (purchases.length === 0) return [];
  const ids = purchases.map((p) => p.id);
  const [rows, paid, typeNames] = await Promise.all([
    db
      .select({
        purchaseId: packageCredits.purchaseId,
        kind: packageCredits.kind,
        delta: packageCredits.delta,
        expiresAt: packageCredits.expiresAt,
        createdAt: packageCredits.createdAt,
        bookingId: packageCredits.bookingId,
        sessionStartsAt: bookings.startsAt,
        sessionName: sessionTypes.name,
      })
      .from(packageCredits)
      .leftJoin(bookings, eq(bookings.id, packageCredits.bookingId))
      .leftJoin(sessionTypes, eq(sessionTypes.id, bookings.sessionTypeId))
      .where(inArray(packageCredits.purchaseId, ids))
      .orderBy(asc(packageCredits.sequence)),
    db
      .select({
        id: payments.id,
        referenceId: payments.referenceId,
        refundedYen: sql<number>`greatest(${payments.refundedYen}, ${payments.refundedOutsideYen} + coalesce((select sum(r.amount_yen) from ${refunds} r where r.payment_id = ${payments.id}), 0))::int`,
      })
      .from(payments)
      .where(
        and(
          eq(payments.purpose, 'package'),
          inArray(payments.referenceId, ids),
          inArray(payments.status, ['paid', 'partially_refunded', 'refunded']),
        ),
      ),
    db.select({ id: sessionTypes.id, name: sessionTypes.name }).from(sessionTypes),
  ]);
  const names = new Map(typeNames.map((t) => [t.id, t.name]));
  return purchases
    .map((p) => {
      const own = rows.filter((r) => r.purchaseId === p.id);
      const payment = paid.find((x) => x.referenceId === p.id);
      const uses = own.filter((r) => r.kind === 'use').length;
      const returns = own.filter((r) => r.kind === 'return').length;
      return {
        id: p.id,
        clientId: p.clientId,
        name: p.name,
        sessionCount: p.sessionCount,
        priceYen: p.priceYen,
        boughtAt: own.find((r) => r.kind === 'grant')?.createdAt ?? p.createdAt,
        balance: creditBalance(own, now),
        used: uses - returns,
        refundedCredits: -own.filter((r) => r.kind === 'refund').reduce((sum, r) => sum + r.delta, 0),
        refundedYen: payment?.refundedYen ?? 0,
        paymentId: payment?.id ?? null,
        coveredNames: p.sessionTypeIds.map((id) => names.get(id) ?? '（削除されたセッション）'),
        history: withLapse(
          own.map((r) => ({
            kind: r.kind,
            delta: r.delta,
            at: r.createdAt,
            sessionStartsAt: r.sessionStartsAt,
            sessionName: r.sessionName,
            bookingId: r.bookingId,
          })),
          creditBalance(own, now),
        ),
      };
    })
    .filter((v) => v.balance.granted > 0);
}

/**
 * Credits that lapsed show in the history as 期限切れ on the expiry date, whether or not the
 * ledger's `expire` row has been written yet (the balance counts them lapsed either way).
 */
function withLapse(history: HistoryEntry[], balance: CreditBalance): HistoryEntry[] {
  if (balance.lapsed === 0 || !balance.expiresAt || history.some((e) => e.kind === 'expire')) return history;
  return [
    ...history,
    {
      kind: 'expire',
      delta: -balance.lapsed,
      at: balance.expiresAt,
      sessionStartsAt: null,
      sessionName: null,
      bookingId: null,
    },
  ];
}

/** What a package payment bought (for its receipt and the payment list): by payment id. */
export async function purchasesOfPayments(db: Db, paymentIds: string[]) {
  const ids = paymentIds.filter(isUuid);
  if (ids.length === 0) return new Map<string, { name: string; sessionCount: number; purchaseId: string }>();
  const rows = await db
    .select({
      paymentId: payments.id,
      purchaseId: packagePurchases.id,
      name: packagePurchases.name,
      sessionCount: packagePurchases.sessionCount,
    })
    .from(payments)
    .innerJoin(packagePurchases, eq(packagePurchases.id, payments.referenceId))
    .where(and(eq(payments.purpose, 'package'), inArray(payments.id, ids)));
  return new Map(rows.map((r) => [r.paymentId, r]));
}
