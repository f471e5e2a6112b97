import 'server-only';
import { and, asc, eq, inArray, isNotNull, isNull, lt, notExists, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { type Payment, type PaymentPurpose, paymentSettings, payments, refunds } from '@/db/schema';
import { noExtraMethods, type OfferedMethods } from './domain/methods';

/** The payments of one thing sold, for a WHERE or a JOIN: `paymentsOf('course', courseEnrollments.id)`. */
export function paymentsOf(purpose: PaymentPurpose, reference: string | AnyPgColumn): SQL {
  return and(eq(payments.purpose, purpose), eq(payments.referenceId, reference))!;
}

/**
 * A payment taken before `paidBefore` of which nothing has been refunded: with a held or expired
 * booking or seat, money kept for something never confirmed (the counselor's alert).
 */
export function paidWithoutRefundSql(paidBefore: Date): SQL {
  return and(
    eq(payments.status, 'paid'),
    lt(payments.paidAt, paidBefore),
    notExists(sql`(select 1 from ${refunds} where ${refunds.paymentId} = ${payments.id})`),
  )!;
}

/** How a payment's state reads to a client or the counselor. */
export const paymentStatusLabel = {
  pending: 'お支払い待ち',
  paid: 'お支払い済み',
  partially_refunded: '一部返金済み',
  refunded: '返金済み',
  expired: '期限切れ（未払い）',
  failed: 'お支払い失敗',
} as const;

export type RefundState = 'processing' | 'refunded';

/**
 * What was paid for one thing sold and what is being or has been given back: the refunds
 * recorded for it, `processing` while any has not been accepted by Stripe yet, `refunded` once
 * all have. Undefined when nothing was paid.
 */
export async function refundSummaryOf(
  db: Db,
  purpose: PaymentPurpose,
  referenceId: string,
): Promise<{ paidYen: number; refundYen: number; state: RefundState | null } | undefined> {
  const rows = await db
    .select({
      paymentId: payments.id,
      amountYen: payments.amountYen,
      refundYen: refunds.amountYen,
      stripeRefundId: refunds.stripeRefundId,
    })
    .from(payments)
    .leftJoin(refunds, eq(refunds.paymentId, payments.id))
    .where(and(paymentsOf(purpose, referenceId), isNotNull(payments.paidAt)));
  if (rows.length === 0) return undefined;
  const paid = new Map(rows.map((r) => [r.paymentId, r.amountYen]));
  const refundRows = rows.filter((r) => r.refundYen !== null);
  return {
    paidYen: [...paid.values()].reduce((sum, yen) => sum + yen, 0),
    refundYen: refundRows.reduce((sum, r) => sum + (r.refundYen ?? 0), 0),
    state:
      refundRows.length === 0 ? null : refundRows.some((r) => r.stripeRefundId === null) ? 'processing' : 'refunded',
  };
}

/**
 * Refunds recorded but not accepted by Stripe after `recordedBefore` (the retry job has had
 * its tries): the counselor should look. Each with what it was for.
 */
export async function listFailingRefunds(db: Db, recordedBefore: Date) {
  return db
    .select({
      refundId: refunds.id,
      amountYen: refunds.amountYen,
      createdAt: refunds.createdAt,
      purpose: payments.purpose,
      referenceId: payments.referenceId,
    })
    .from(refunds)
    .innerJoin(payments, eq(payments.id, refunds.paymentId))
    .where(and(isNull(refunds.stripeRefundId), lt(refunds.createdAt, recordedBefore)))
    .orderBy(asc(refunds.createdAt));
}

/** A konbini voucher still to pay: its deadline, its page at Stripe and the number to give at the till. */
export type AwaitingVoucher = { dueAt: Date; voucherUrl: string | null; voucherNumber: string | null };

/** The payments of these things sold whose konbini voucher is out and not paid yet. */
export function vouchersAwaitingPaymentSql(purpose: PaymentPurpose, referenceIds: string[]): SQL {
  return and(
    eq(payments.purpose, purpose),
    inArray(payments.referenceId, referenceIds),
    eq(payments.status, 'pending'),
    isNotNull(payments.paymentDueAt),
  )!;
}

/** The vouchers awaiting payment of these things sold, by the thing's id. */
export async function awaitingVouchersOf(
  db: Db,
  purpose: PaymentPurpose,
  referenceIds: string[],
): Promise<Map<string, AwaitingVoucher>> {
  if (referenceIds.length === 0) return new Map();
  const rows = await db
    .select({
      referenceId: payments.referenceId,
      dueAt: payments.paymentDueAt,
      voucherUrl: payments.voucherUrl,
      voucherNumber: payments.voucherNumber,
    })
    .from(payments)
    .where(vouchersAwaitingPaymentSql(purpose, referenceIds));
  return new Map(
    rows.map((r) => [r.referenceId, { dueAt: r.dueAt!, voucherUrl: r.voucherUrl, voucherNumber: r.voucherNumber }]),
  );
}

/** Whether a payment was made at a konbini: its refund needs the client's bank account (Stripe asks her by mail). */
export const isKonbiniPayment = (payment: Pick<Payment, 'voucherNumber' | 'voucherUrl' | 'paymentDueAt'>): boolean =>
  payment.paymentDueAt !== null;

/** Which methods the counselor switched on besides card; card only until she does (no row yet). */
export async function getOfferedMethods(db: Db): Promise<OfferedMethods> {
  const [row] = await db.select().from(paymentSettings).where(eq(paymentSettings.id, 1)).limit(1);
  return row ? { konbini: row.konbiniEnabled, paypay: row.paypayEnabled } : noExtraMethods;
}
