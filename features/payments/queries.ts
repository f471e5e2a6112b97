import 'server-only';
import { and, eq, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type PaymentPurpose, payments } from '@/db/schema';

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
