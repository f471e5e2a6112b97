import 'server-only';
import { and, asc, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings, payments, sessionTypes, users } from '@/db/schema';
import { paidWithoutRefundSql, paymentsOf } from '@/features/payments/queries';
import { isUuid } from '@/lib/ids';

const columns = {
  id: bookings.id,
  status: bookings.status,
  holdExpiresAt: bookings.holdExpiresAt,
  startsAt: bookings.startsAt,
  endsAt: bookings.endsAt,
  theme: bookings.theme,
  priceYen: bookings.priceYen,
  paidWith: bookings.paidWith,
  policyAgreedAt: bookings.policyAgreedAt,
  meetingUrl: bookings.meetingUrl,
  cancelledBy: bookings.cancelledBy,
  sessionTypeName: sessionTypes.name,
  mode: sessionTypes.mode,
  clientId: users.id,
  clientEmail: users.email,
  clientFamilyName: users.familyName,
  clientGivenName: users.givenName,
  clientPhone: users.phone,
  clientTimeZone: users.timeZone,
};

export type AdminBookingView = 'upcoming' | 'past' | 'cancelled';

/** The counselor's list: upcoming (soonest first), past, or cancelled. */
export async function listAdminBookings(db: Db, view: AdminBookingView, now: Date) {
  const base = db
    .select(columns)
    .from(bookings)
    .innerJoin(sessionTypes, eq(sessionTypes.id, bookings.sessionTypeId))
    .leftJoin(users, eq(users.id, bookings.clientId));
  if (view === 'cancelled')
    return base.where(eq(bookings.status, 'cancelled')).orderBy(desc(bookings.startsAt)).limit(200);
  if (view === 'past') {
    return base
      .where(and(lt(bookings.startsAt, now), inArray(bookings.status, ['confirmed', 'completed', 'no_show'])))
      .orderBy(desc(bookings.startsAt))
      .limit(200);
  }
  return base
    .where(and(gte(bookings.endsAt, now), inArray(bookings.status, ['confirmed', 'held', 'awaiting_payment'])))
    .orderBy(asc(bookings.startsAt))
    .limit(200);
}

/** Confirmed and held bookings that start in [from, to), for the week calendar. */
export async function listCalendarBookings(db: Db, from: Date, to: Date) {
  return db
    .select(columns)
    .from(bookings)
    .innerJoin(sessionTypes, eq(sessionTypes.id, bookings.sessionTypeId))
    .leftJoin(users, eq(users.id, bookings.clientId))
    .where(
      and(
        gte(bookings.startsAt, from),
        lt(bookings.startsAt, to),
        inArray(bookings.status, ['confirmed', 'held', 'awaiting_payment', 'completed', 'no_show']),
      ),
    )
    .orderBy(asc(bookings.startsAt));
}

export async function getAdminBooking(db: Db, bookingId: string) {
  if (!isUuid(bookingId)) return undefined;
  const [row] = await db
    .select(columns)
    .from(bookings)
    .innerJoin(sessionTypes, eq(sessionTypes.id, bookings.sessionTypeId))
    .leftJoin(users, eq(users.id, bookings.clientId))
    .where(eq(bookings.id, bookingId))
    .limit(1);
  if (!row) return undefined;
  const [payment] = await db
    .select()
    .from(payments)
    .where(paymentsOf('booking', bookingId))
    .orderBy(desc(payments.createdAt))
    .limit(1);
  return { ...row, payment };
}

export const bookingStatusLabel = {
  held: '仮押さえ中',
  awaiting_payment: 'コンビニ支払い待ち',
  confirmed: '予約確定',
  cancelled: 'キャンセル済み',
  completed: '実施済み',
  no_show: '無断キャンセル',
  expired: '期限切れ',
} as const;

/**
 * Bookings paid for but not confirmed (a hold that lapsed or is still held, with no refund
 * recorded): the money arrived and no session stands for it.
 */
export async function listPaidUnconfirmedBookings(db: Db, paidBefore: Date) {
  return db
    .select({
      id: bookings.id,
      status: bookings.status,
      startsAt: bookings.startsAt,
      clientFamilyName: users.familyName,
      clientGivenName: users.givenName,
      paidAt: payments.paidAt,
      amountYen: payments.amountYen,
    })
    .from(bookings)
    .innerJoin(payments, paymentsOf('booking', bookings.id))
    .leftJoin(users, eq(users.id, bookings.clientId))
    .where(and(inArray(bookings.status, ['held', 'expired']), paidWithoutRefundSql(paidBefore)))
    .orderBy(asc(payments.paidAt));
}

/** Confirmed sessions that ended in [since, endedBefore) and are not yet marked 実施済み / 無断キャンセル. */
export async function listUnmarkedSessions(db: Db, since: Date, endedBefore: Date) {
  return db
    .select({
      id: bookings.id,
      startsAt: bookings.startsAt,
      clientFamilyName: users.familyName,
      clientGivenName: users.givenName,
    })
    .from(bookings)
    .leftJoin(users, eq(users.id, bookings.clientId))
    .where(and(eq(bookings.status, 'confirmed'), gte(bookings.endsAt, since), lt(bookings.endsAt, endedBefore)))
    .orderBy(asc(bookings.startsAt));
}
