import { and, asc, eq, isNull, lt, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type PaymentPurpose, payments, refunds } from '@/db/schema';

/** The payments of one thing sold, for a WHERE or a JOIN: `paymentsOf('course', courseEnrollments.id)`. */
export function paymentsOf(purpose: PaymentPurpose, reference: string | AnyPgColumn): SQL {
  return and(eq(payments.purpose, purpose), eq(payments.referenceId, reference))!;
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
