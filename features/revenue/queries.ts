import 'server-only';
import { and, asc, eq, gte, inArray, isNotNull, lt, notInArray, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  bookings,
  courseCohorts,
  courseEnrollments,
  courses,
  outsideRefunds,
  packagePurchases,
  payments,
  refunds,
  sessionTypes,
  users,
} from '@/db/schema';
import { bookingStatusLabel } from '@/features/booking/admin-queries';
import { paymentStatusLabel } from '@/features/payments/queries';
import type { Period } from './domain/period';
import type { LedgerKind, LedgerLine } from './domain/ledger';
import { clientNameOf } from '@/features/accounts/queries';

// Reads for the money page and its CSV exports. Every read is a handful of queries whatever the
// number of rows (the events of the period, then one query for what each payment was for).

const within = (column: Parameters<typeof gte>[0], period: Period) =>
  and(gte(column, period.start), lt(column, period.end));

/** Each payment's refunds recorded (sent or still to send), summed once for a join (no query per row). */
function refundTotals(db: Db) {
  return db
    .select({ paymentId: refunds.paymentId, yen: sql<number>`sum(${refunds.amountYen})::int`.as('refund_yen') })
    .from(refunds)
    .groupBy(refunds.paymentId)
    .as('refund_totals');
}

/** What was given back of a payment: its refunds recorded and what was refunded in the Stripe dashboard. */
const givenBackYen = (totals: ReturnType<typeof refundTotals>) =>
  sql<number>`(coalesce(${totals.yen}, 0) + ${payments.refundedOutsideYen})::int`;

const cancelledBy = {
  client: 'クライアントによるキャンセル',
  counselor: 'カウンセラーによるキャンセル',
  system: '自動キャンセル',
};

type Event = {
  kind: LedgerKind;
  at: Date;
  amountYen: number;
  paymentId: string;
  state?: string;
  stripeRefundId?: string | null;
};

/** The period's payments, refunds (ours and those made in the Stripe dashboard) and cancellation fees kept, oldest first. */
export async function listLedger(db: Db, period: Period): Promise<LedgerLine[]> {
  const totals = refundTotals(db);
  const [paid, ours, outside, cancelled] = await Promise.all([
    db
      .select({ paymentId: payments.id, at: payments.paidAt, amountYen: payments.amountYen })
      .from(payments)
      .where(and(isNotNull(payments.paidAt), within(payments.paidAt, period))),
    db
      .select({
        paymentId: refunds.paymentId,
        at: refunds.createdAt,
        amountYen: refunds.amountYen,
        stripeRefundId: refunds.stripeRefundId,
      })
      .from(refunds)
      .where(within(refunds.createdAt, period)),
    // Each increase Stripe reported, in the month it reported it.
    db
      .select({ paymentId: outsideRefunds.paymentId, at: outsideRefunds.at, amountYen: outsideRefunds.amountYen })
      .from(outsideRefunds)
      .where(within(outsideRefunds.at, period)),
    // A paid session or seat cancelled in the period: what was not given back is the fee kept.
    db
      .select({
        paymentId: payments.id,
        at: sql<Date>`coalesce(${bookings.cancelledAt}, ${courseEnrollments.cancelledAt})`.mapWith(
          (v: string | Date) => new Date(v),
        ),
        amountYen: sql<number>`(${payments.amountYen} - ${givenBackYen(totals)})::int`,
        by: sql<string | null>`coalesce(${bookings.cancelledBy}, ${courseEnrollments.cancelledBy})`,
      })
      .from(payments)
      .leftJoin(totals, eq(totals.paymentId, payments.id))
      .leftJoin(bookings, and(eq(payments.purpose, 'booking'), eq(bookings.id, payments.referenceId)))
      .leftJoin(courseEnrollments, and(eq(payments.purpose, 'course'), eq(courseEnrollments.id, payments.referenceId)))
      .where(
        and(
          isNotNull(payments.paidAt),
          or(
            and(eq(bookings.status, 'cancelled'), within(bookings.cancelledAt, period)),
            and(eq(courseEnrollments.status, 'cancelled'), within(courseEnrollments.cancelledAt, period)),
          ),
        ),
      ),
  ]);
  const events: Event[] = [
    ...paid.map((p) => ({ kind: 'payment' as const, ...p, at: p.at! })),
    ...ours.map((r) => ({
      kind: 'refund' as const,
      ...r,
      state: r.stripeRefundId ? '返金済み' : '返金処理中（Stripeの受付待ち）',
    })),
    ...outside.map((o) => ({ kind: 'refund_outside' as const, ...o, state: 'Stripeの管理画面で返金' })),
    ...cancelled
      .filter((c) => c.amountYen > 0)
      .map((c) => ({
        kind: 'fee_kept' as const,
        ...c,
        state: cancelledBy[c.by as keyof typeof cancelledBy] ?? 'キャンセル',
      })),
  ];
  const context = await paymentContext(
    db,
    events.map((e) => e.paymentId),
  );
  return events
    .map((e): LedgerLine => {
      const c = context.get(e.paymentId)!;
      return {
        kind: e.kind,
        at: e.at,
        amountYen: e.amountYen,
        paymentId: e.paymentId,
        purpose: c.purpose,
        groupId: c.purpose === 'booking' ? c.sessionTypeId : c.purpose === 'package' ? c.packageId : c.cohortId,
        groupLabel:
          c.purpose === 'booking'
            ? (c.sessionTypeName ?? '（不明なセッション）')
            : c.purpose === 'package'
              ? (c.packageName ?? '（不明な回数券）')
              : c.courseTitle
                ? `${c.courseTitle}・${c.cohortName}`
                : '（不明な講座）',
        clientName: clientNameOf({ familyName: c.clientFamilyName, givenName: c.clientGivenName }),
        sessionStartsAt: c.sessionStartsAt,
        state: e.state ?? paymentStatusLabel[c.status],
        href: c.bookingId
          ? `/admin/bookings/${c.bookingId}`
          : c.cohortId
            ? `/admin/courses/cohorts/${c.cohortId}`
            : c.purchaseId && c.clientId
              ? `/admin/clients/${c.clientId}`
              : null,
        bookingId: c.bookingId,
        enrollmentId: c.enrollmentId,
        stripeCheckoutSessionId: c.stripeCheckoutSessionId,
        stripePaymentIntentId: c.stripePaymentIntentId,
        method: c.method,
        stripeRefundId: e.stripeRefundId ?? null,
        discountYen: e.kind === 'payment' ? c.discountYen : 0,
        couponCode: e.kind === 'payment' ? c.couponCode : null,
      };
    })
    .sort((a, b) => a.at.getTime() - b.at.getTime() || kindOrder[a.kind] - kindOrder[b.kind]);
}

const kindOrder: Record<LedgerKind, number> = { payment: 0, fee_kept: 1, refund: 2, refund_outside: 3 };

/** What each payment was for, who paid it and its Stripe ids: one query for all. */
async function paymentContext(db: Db, paymentIds: string[]) {
  const ids = [...new Set(paymentIds)];
  const rows = await db
    .select({
      paymentId: payments.id,
      purpose: payments.purpose,
      status: payments.status,
      discountYen: payments.discountYen,
      couponCode: payments.couponCode,
      stripeCheckoutSessionId: payments.stripeCheckoutSessionId,
      stripePaymentIntentId: payments.stripePaymentIntentId,
      method: payments.method,
      clientFamilyName: users.familyName,
      clientGivenName: users.givenName,
      bookingId: bookings.id,
      sessionStartsAt: bookings.startsAt,
      sessionTypeId: sessionTypes.id,
      sessionTypeName: sessionTypes.name,
      enrollmentId: courseEnrollments.id,
      cohortId: courseCohorts.id,
      cohortName: courseCohorts.name,
      courseTitle: courses.title,
      clientId: payments.clientId,
      purchaseId: packagePurchases.id,
      packageId: packagePurchases.packageId,
      packageName: packagePurchases.name,
    })
    .from(payments)
    .leftJoin(users, eq(users.id, payments.clientId))
    .leftJoin(bookings, and(eq(payments.purpose, 'booking'), eq(bookings.id, payments.referenceId)))
    .leftJoin(sessionTypes, eq(sessionTypes.id, bookings.sessionTypeId))
    .leftJoin(courseEnrollments, and(eq(payments.purpose, 'course'), eq(courseEnrollments.id, payments.referenceId)))
    .leftJoin(courseCohorts, eq(courseCohorts.id, courseEnrollments.cohortId))
    .leftJoin(courses, eq(courses.id, courseCohorts.courseId))
    .leftJoin(packagePurchases, and(eq(payments.purpose, 'package'), eq(packagePurchases.id, payments.referenceId)))
    .where(inArray(payments.id, ids));
  return new Map(rows.map((r) => [r.paymentId, r]));
}

export type BookingExportRow = Awaited<ReturnType<typeof listBookingsForExport>>[number];

/**
 * The sessions of a period (by their start, Japan time), each with what was paid for it, given
 * back and kept; holds that never became a booking are left out.
 */
export async function listBookingsForExport(db: Db, period: Period) {
  const rows = await db
    .select({
      id: bookings.id,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      status: bookings.status,
      priceYen: bookings.priceYen,
      cancelledAt: bookings.cancelledAt,
      cancelledBy: bookings.cancelledBy,
      refundedOutsideAt: bookings.refundedOutsideAt,
      sessionTypeName: sessionTypes.name,
      clientFamilyName: users.familyName,
      clientGivenName: users.givenName,
    })
    .from(bookings)
    .innerJoin(sessionTypes, eq(sessionTypes.id, bookings.sessionTypeId))
    .leftJoin(users, eq(users.id, bookings.clientId))
    .where(and(within(bookings.startsAt, period), notInArray(bookings.status, ['held', 'awaiting_payment', 'expired'])))
    .orderBy(asc(bookings.startsAt));
  const totals = refundTotals(db);
  const paid =
    rows.length === 0
      ? []
      : await db
          .select({
            bookingId: payments.referenceId,
            paidYen: payments.amountYen,
            givenBackYen: givenBackYen(totals),
            stripePaymentIntentId: payments.stripePaymentIntentId,
          })
          .from(payments)
          .leftJoin(totals, eq(totals.paymentId, payments.id))
          .where(
            and(
              eq(payments.purpose, 'booking'),
              inArray(
                payments.referenceId,
                rows.map((r) => r.id),
              ),
              isNotNull(payments.paidAt),
            ),
          );
  const byBooking = new Map<string, typeof paid>();
  for (const p of paid) byBooking.set(p.bookingId, [...(byBooking.get(p.bookingId) ?? []), p]);
  return rows.map((r) => {
    const own = byBooking.get(r.id) ?? [];
    const paidYen = own.reduce((sum, p) => sum + p.paidYen, 0);
    const refundedYen = own.reduce((sum, p) => sum + p.givenBackYen, 0);
    return {
      ...r,
      clientName: clientNameOf({ familyName: r.clientFamilyName, givenName: r.clientGivenName }),
      statusLabel: bookingStatusLabel[r.status],
      cancelledByLabel: r.cancelledBy ? cancelledBy[r.cancelledBy] : null,
      paidYen,
      refundedYen,
      feeKeptYen: r.status === 'cancelled' ? paidYen - refundedYen : 0,
      stripePaymentIntentIds: own.map((p) => p.stripePaymentIntentId).filter(Boolean) as string[],
    };
  });
}
