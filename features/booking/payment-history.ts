import 'server-only';
import { desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings, payments, sessionTypes } from '@/db/schema';
import { paymentsOf } from '@/features/payments/queries';
import { isUuid } from '@/lib/ids';

// A client's payments, each with the session it paid for (a course payment has none): the
// portal's payment list, receipts and the account export.

const paidBooking = paymentsOf('booking', bookings.id);

const columns = {
  id: payments.id,
  clientId: payments.clientId,
  purpose: payments.purpose,
  amountYen: payments.amountYen,
  refundedYen: payments.refundedYen,
  status: payments.status,
  method: payments.method,
  paidAt: payments.paidAt,
  createdAt: payments.createdAt,
  bookingId: bookings.id,
  sessionTypeName: sessionTypes.name,
  startsAt: bookings.startsAt,
};

export async function listClientPayments(db: Db, clientId: string) {
  return db
    .select(columns)
    .from(payments)
    .leftJoin(bookings, paidBooking)
    .leftJoin(sessionTypes, eq(sessionTypes.id, bookings.sessionTypeId))
    .where(eq(payments.clientId, clientId))
    .orderBy(desc(payments.createdAt));
}

export async function getPayment(db: Db, paymentId: string) {
  if (!isUuid(paymentId)) return undefined;
  const [row] = await db
    .select(columns)
    .from(payments)
    .leftJoin(bookings, paidBooking)
    .leftJoin(sessionTypes, eq(sessionTypes.id, bookings.sessionTypeId))
    .where(eq(payments.id, paymentId))
    .limit(1);
  return row;
}
