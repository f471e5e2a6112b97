import { desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings, payments, sessionTypes } from '@/db/schema';
import { isUuid } from '@/lib/ids';

const columns = {
  id: payments.id,
  clientId: payments.clientId,
  purpose: payments.purpose,
  amountYen: payments.amountYen,
  refundedYen: payments.refundedYen,
  status: payments.status,
  paidAt: payments.paidAt,
  createdAt: payments.createdAt,
  bookingId: payments.bookingId,
  sessionTypeName: sessionTypes.name,
  startsAt: bookings.startsAt,
};

export async function listClientPayments(db: Db, clientId: string) {
  return db
    .select(columns)
    .from(payments)
    .leftJoin(bookings, eq(bookings.id, payments.bookingId))
    .leftJoin(sessionTypes, eq(sessionTypes.id, bookings.sessionTypeId))
    .where(eq(payments.clientId, clientId))
    .orderBy(desc(payments.createdAt));
}

export async function getPayment(db: Db, paymentId: string) {
  if (!isUuid(paymentId)) return undefined;
  const [row] = await db
    .select(columns)
    .from(payments)
    .leftJoin(bookings, eq(bookings.id, payments.bookingId))
    .leftJoin(sessionTypes, eq(sessionTypes.id, bookings.sessionTypeId))
    .where(eq(payments.id, paymentId))
    .limit(1);
  return row;
}

export const paymentStatusLabel = {
  pending: 'お支払い待ち',
  paid: 'お支払い済み',
  partially_refunded: '一部返金済み',
  refunded: '返金済み',
  expired: '期限切れ（未払い）',
  failed: 'お支払い失敗',
} as const;
