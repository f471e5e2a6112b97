import 'server-only';
import { toCsv } from '@/lib/csv';
import { jstDateTime } from '@/lib/time';
import { type LedgerLine, ledgerKindLabel, methodLabel, purposeLabel, signedYen } from './domain/ledger';
import type { Period } from './domain/period';
import type { BookingExportRow } from './queries';

const jst = (date: Date | null): string => (date ? jstDateTime(date) : '');

/**
 * One row per payment, per refund (ours and those made in the Stripe dashboard) and per
 * cancellation fee kept. 入出金額 is signed (a refund negative, a fee kept 0), so its sum is the
 * period's net; the fees kept are summed from their own column.
 */
export function paymentsCsv(lines: readonly LedgerLine[]): string {
  const header = [
    '区分',
    '日時（日本時間）',
    'クライアント',
    '種類',
    '内容',
    'セッション日時（日本時間）',
    '入出金額（税込・円）',
    'キャンセル料（税込・円）',
    '支払方法',
    '状態',
    '予約ID',
    '受講ID',
    '支払いID',
    'Stripe Checkout Session ID',
    'Stripe PaymentIntent ID',
    'Stripe 返金ID',
  ];
  return toCsv(
    header,
    lines.map((l) => [
      ledgerKindLabel[l.kind],
      jst(l.at),
      l.clientName ?? '（退会済み）',
      purposeLabel[l.purpose],
      l.groupLabel,
      jst(l.sessionStartsAt),
      signedYen(l),
      l.kind === 'fee_kept' ? l.amountYen : 0,
      methodLabel(l),
      l.state,
      l.bookingId,
      l.enrollmentId,
      l.paymentId,
      l.stripeCheckoutSessionId,
      l.stripePaymentIntentId,
      l.stripeRefundId,
    ]),
  );
}

/** One row per session of the period, with what was paid, given back and kept. */
export function bookingsCsv(rows: readonly BookingExportRow[]): string {
  const header = [
    '開始日時（日本時間）',
    '終了日時（日本時間）',
    'クライアント',
    'セッション',
    '状態',
    '料金（税込・円）',
    '入金額（税込・円）',
    '返金額（税込・円）',
    'キャンセル料（税込・円）',
    'キャンセル日時（日本時間）',
    'キャンセルした人',
    'Stripeの管理画面で返金',
    '予約ID',
    'Stripe PaymentIntent ID',
  ];
  return toCsv(
    header,
    rows.map((r) => [
      jst(r.startsAt),
      jst(r.endsAt),
      r.clientName ?? '（退会済み）',
      r.sessionTypeName,
      r.statusLabel,
      r.priceYen,
      r.paidYen,
      r.refundedYen,
      r.feeKeptYen,
      jst(r.cancelledAt),
      r.cancelledByLabel,
      r.refundedOutsideAt ? 'あり' : '',
      r.id,
      r.stripePaymentIntentIds.join(' '),
    ]),
  );
}

/** `payments_2026-01-01_2026-01-31.csv` */
export const exportFilename = (what: 'payments' | 'bookings', period: Period) =>
  `${what}_${period.from}_${period.to}.csv`;
