import 'server-only';
import { eq } from 'drizzle-orm';
import { bookings as bookingsTable } from '@/db/schema';
import {
  listCalendarBookings,
  listPaidUnconfirmedBookings,
  listUnmarkedSessions,
} from '@/features/booking/admin-queries';
import { getAvailability } from '@/features/booking/queries';
import { listImportedBusy } from '@/features/calendar-sync/queries';
import {
  getEnrollment,
  listCohortsClosingWithSeats,
  listLessonsBetween,
  listPaidUnfulfilledSeats,
} from '@/features/courses/queries';
import { intakeReviewStateByBooking, listUnreadFlaggedIntakes } from '@/features/intake/queries';
import { listFailingNotices } from '@/features/mail/outbox';
import { listFailingRefunds } from '@/features/payments/queries';
import { paymentsRefundedOutside } from '@/features/payments/service';
import { formatYen } from '@/lib/format';
import { isPlaceKept } from '@/lib/holds';
import type { ServiceContext } from '@/lib/service';
import { addDays, type CivilDate, DAY_MS, formatDateTimeJa, japanDate, MINUTE_MS, practiceTimeZone } from '@/lib/time';
import { instantOf } from '@/lib/time/zone';
import { type AgendaDay, type AgendaItem, agendaDays } from './domain/agenda';
import { clientNameOf } from '@/features/accounts/queries';

/**
 * The counselor's sessions and course lessons of `days` days from `from` (dates in Japan
 * time), each day with its weekly hours, extra hours, day off and her imported busy time
 * (times only: why slots are closed). Nothing is decrypted: a
 * questionnaire's state and flag are stored in the clear.
 */
export async function getAgenda(
  { db, now }: ServiceContext,
  input: { from: CivilDate; days: number },
): Promise<AgendaDay[]> {
  const tz = practiceTimeZone;
  const dates = Array.from({ length: input.days }, (_, i) => addDays(input.from, i));
  const start = instantOf(input.from, 0, tz);
  const end = instantOf(addDays(input.from, input.days), 0, tz);
  const [calendarRows, lessons, availability, busy] = await Promise.all([
    listCalendarBookings(db, start, end),
    listLessonsBetween(db, start, end),
    getAvailability(db),
    listImportedBusy(db, { from: start, to: end }),
  ]);
  // A hold (or a konbini wait) whose time is up is no longer anyone's session, even before the job marks it.
  const bookingRows = calendarRows.filter(
    (b) => (b.status !== 'held' && b.status !== 'awaiting_payment') || isPlaceKept(b, now),
  );
  const intakes = await intakeReviewStateByBooking(
    db,
    bookingRows.map((b) => b.id),
  );
  const items: AgendaItem[] = [
    ...bookingRows.map((b) => ({
      kind: 'session' as const,
      id: b.id,
      startsAt: b.startsAt,
      endsAt: b.endsAt,
      status: b.status,
      clientName: clientNameOf({ familyName: b.clientFamilyName, givenName: b.clientGivenName }),
      sessionTypeName: b.sessionTypeName,
      meetingUrl: b.meetingUrl,
      intake: intakes.get(b.id) ?? 'none',
    })),
    ...lessons.map((l) => ({ kind: 'lesson' as const, ...l })),
  ];
  return agendaDays(dates, items, availability, tz, busy);
}

/** How long a recorded refund may wait for Stripe before she is told (the job retries every 2 minutes). */
const refundPatienceMs = 15 * MINUTE_MS;
/** How long a refund made in the Stripe dashboard is brought up while its session or seat still stands. */
const outsideRefundRecentMs = 60 * DAY_MS;
/** Cohorts whose application deadline is this close and that still have seats. */
const deadlineSoonMs = 7 * DAY_MS;
/** How far back a session not yet marked 実施済み / 無断キャンセル is still brought up. */
const unmarkedLookbackMs = 14 * DAY_MS;

export type AgendaAlert = { kind: AlertKind; title: string; detail: string; href: string; at: Date | null };
export type AlertKind =
  | 'flagged_intake'
  | 'paid_unconfirmed'
  | 'refund_failing'
  | 'refunded_outside'
  | 'notice_failing'
  | 'cohort_deadline'
  | 'unmarked_session';

/**
 * What needs the counselor: questionnaires with a positive safety answer she has not opened
 * since, payments with no session or seat standing for them, refunds Stripe has not accepted,
 * refunds made in the Stripe dashboard for a session or seat that still stands, notices the
 * mail server keeps refusing, and cohorts closing within a week with free seats. Each links to
 * the page to act on.
 */
export async function getAgendaAlerts({ db, now }: ServiceContext): Promise<AgendaAlert[]> {
  const [flagged, bookings, seats, failing, failingNotices, outside, closing, unmarked] = await Promise.all([
    listUnreadFlaggedIntakes(db),
    listPaidUnconfirmedBookings(db, now),
    listPaidUnfulfilledSeats(db, now),
    listFailingRefunds(db, new Date(now.getTime() - refundPatienceMs)),
    listFailingNotices(db),
    paymentsRefundedOutside(db),
    listCohortsClosingWithSeats(db, now, new Date(now.getTime() + deadlineSoonMs)),
    listUnmarkedSessions(db, new Date(now.getTime() - unmarkedLookbackMs), now),
  ]);
  const alerts: AgendaAlert[] = [];
  for (const f of flagged) {
    alerts.push({
      kind: 'flagged_intake',
      title: '事前アンケートに要確認の回答があります',
      detail: `${clientNameOf({ familyName: f.clientFamilyName, givenName: f.clientGivenName }) ?? '（退会済み）'} 様・まだ開いていません`,
      href: `/admin/bookings/${f.bookingId}`,
      at: f.flaggedAt,
    });
  }
  for (const b of bookings) {
    alerts.push({
      kind: 'paid_unconfirmed',
      title: 'お支払い済みで予約が確定していません',
      detail: `${clientNameOf({ familyName: b.clientFamilyName, givenName: b.clientGivenName }) ?? '（退会済み）'} 様のセッション`,
      href: `/admin/bookings/${b.id}`,
      at: b.paidAt,
    });
  }
  for (const s of seats) {
    alerts.push({
      kind: 'paid_unconfirmed',
      title: 'お支払い済みで受講が確定していません',
      detail: `${clientNameOf(s) ?? '（退会済み）'} 様・${s.cohortName}`,
      href: `/admin/courses/cohorts/${s.cohortId}`,
      at: s.paidAt,
    });
  }
  for (const r of failing) {
    const cohortId = r.purpose === 'course' ? (await getEnrollment(db, r.referenceId))?.cohort.id : undefined;
    alerts.push({
      kind: 'refund_failing',
      title: '返金が完了していません',
      detail: `${formatYen(r.amountYen)}・Stripeが受け付けていません（自動で再試行中）`,
      href:
        r.purpose === 'booking'
          ? `/admin/bookings/${r.referenceId}`
          : r.purpose === 'package'
            ? '/admin/payments'
            : cohortId
              ? `/admin/courses/cohorts/${cohortId}`
              : '/admin/courses',
      at: r.createdAt,
    });
  }
  if (failingNotices.length > 0) {
    const givenUp = failingNotices.filter((n) => n.status === 'failed').length;
    alerts.push({
      kind: 'notice_failing',
      title: 'お知らせメールが送れていません',
      detail:
        givenUp > 0
          ? `${failingNotices.length}件・うち${givenUp}件は自動の送り直しを止めています`
          : `${failingNotices.length}件・自動で送り直しています`,
      href: '/admin/notices',
      at: failingNotices[0]!.createdAt,
    });
  }
  for (const p of outside) {
    if (!p.refundedOutsideAt || p.refundedOutsideAt.getTime() < now.getTime() - outsideRefundRecentMs) continue;
    const full = p.refundedYen >= p.amountYen;
    if (p.purpose === 'booking') {
      const [b] = await db
        .select({ status: bookingsTable.status })
        .from(bookingsTable)
        .where(eq(bookingsTable.id, p.referenceId));
      if (!b || b.status === 'cancelled') continue;
      alerts.push({
        kind: 'refunded_outside',
        title: 'Stripe の管理画面で返金がありました',
        detail: `予約のお支払い ${formatYen(p.amountYen)} のうち ${formatYen(p.refundedOutsideYen)}・${full ? '全額' : '一部'}返金済みですが予約は残っています。キャンセルするか、このままにするかご確認ください`,
        href: `/admin/bookings/${p.referenceId}`,
        at: p.refundedOutsideAt,
      });
    } else {
      const seat = await getEnrollment(db, p.referenceId);
      if (!seat || seat.enrollment.status === 'cancelled') continue;
      alerts.push({
        kind: 'refunded_outside',
        title: 'Stripe の管理画面で返金がありました',
        detail: `講座のお支払い ${formatYen(p.amountYen)} のうち ${formatYen(p.refundedOutsideYen)}・${full ? '全額' : '一部'}返金済みですがお席は残っています。キャンセルするか、このままにするかご確認ください`,
        href: `/admin/courses/cohorts/${seat.cohort.id}`,
        at: p.refundedOutsideAt,
      });
    }
  }
  for (const c of closing) {
    alerts.push({
      kind: 'cohort_deadline',
      title: '申込締切が近く、空席があります',
      detail: `${c.courseTitle}・${c.cohortName}（残り${c.capacity - c.seatsTaken}席）`,
      href: `/admin/courses/cohorts/${c.cohortId}`,
      at: c.registrationDeadline,
    });
  }
  for (const u of unmarked) {
    alerts.push({
      kind: 'unmarked_session',
      title: '実施の記録がまだのセッションがあります',
      detail: `${formatDateTimeJa(u.startsAt, practiceTimeZone)}・${clientNameOf({ familyName: u.clientFamilyName, givenName: u.clientGivenName }) ?? '（退会済み）'} 様`,
      href: `/admin/bookings?view=day&date=${japanDate(u.startsAt)}#to-mark-${u.id}`,
      at: u.startsAt,
    });
  }
  return alerts;
}
