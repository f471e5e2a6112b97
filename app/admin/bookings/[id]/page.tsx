import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BookingOutcomeButtons, MeetingUrlForm } from '@/components/admin/booking-admin-forms';
import { AwaitingVoucherFacts } from '@/components/admin/awaiting-voucher';
import { CancelBookingForm } from '@/components/booking/cancel-booking-form';
import { CounselorIntake } from '@/components/intake/counselor-intake';
import { SessionNotePanel } from '@/components/session-notes/session-note-panel';
import { read, serviceContext } from '@/lib/data';
import { formatPhone } from '@/features/accounts/schemas';
import { bookingStatusLabel, getAdminBooking } from '@/features/booking/admin-queries';
import { bookingMessages } from '@/features/booking/domain/messages';
import { getBookingSettings } from '@/features/booking/queries';
import { bookingCredit } from '@/features/packages/booking-credit';
import { getIntakeKeyring } from '@/features/intake/keys';
import { readIntakeAsCounselor } from '@/features/intake/service';
import { findTheme } from '@/features/library/themes';
import { methodLabel } from '@/features/payments/domain/methods';
import { paymentStatusLabel } from '@/features/payments/queries';
import { readSessionNoteAsCounselor } from '@/features/session-notes/service';
import { requireCounselor } from '@/features/accounts/auth/guards';
import { formatYen } from '@/lib/format';
import { formatDateTimeJa, practiceTimeZone } from '@/lib/time';

export const metadata: Metadata = { title: '予約の詳細' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> };

export default async function AdminBookingPage({ params, searchParams }: Props) {
  const { id } = await params;
  const counselor = await requireCounselor(`/admin/bookings/${id}`);
  const booking = await read(getAdminBooking, id);
  if (!booking) notFound();
  // Opening the page reads the questionnaire: the read is written to the audit log.
  const ctx = { ...(await serviceContext()), keyring: getIntakeKeyring() };
  const intake = await readIntakeAsCounselor(ctx, { bookingId: booking.id, counselorId: counselor.id });
  // So is the session's note, once there is one.
  const note = booking.clientId
    ? await readSessionNoteAsCounselor(ctx, {
        clientId: booking.clientId,
        bookingId: booking.id,
        counselorId: counselor.id,
      })
    : null;
  const started = booking.startsAt <= new Date();
  const settings = await read(getBookingSettings);
  const { notice } = await searchParams;
  const credit = booking.paidWith === 'credit' ? await read(bookingCredit, booking.id, new Date()) : undefined;
  const payment = booking.payment;
  const voucher =
    booking.status === 'awaiting_payment' && payment?.status === 'pending' && payment.paymentDueAt
      ? { dueAt: payment.paymentDueAt, voucherNumber: payment.voucherNumber, voucherUrl: payment.voucherUrl }
      : undefined;
  // Cancelled before the konbini payment came: nothing was paid, nothing refunded.
  const cancelledUnpaid = booking.status === 'cancelled' && payment?.status === 'failed' && !!payment.paymentDueAt;
  return (
    <>
      <h1>予約の詳細</h1>
      {notice === 'cancelled' ? (
        <p role="status" className="form-status form-status--ok">
          {cancelledUnpaid
            ? bookingMessages.counselorCancelledAwaitingKonbini
            : credit
              ? 'キャンセルし、回数券の1回分をお戻ししました。クライアントにメールでお知らせしました。'
              : 'キャンセルし、全額を返金しました。クライアントにメールでお知らせしました。'}
        </p>
      ) : null}
      <dl className="facts">
        <dt>状態</dt>
        <dd>{bookingStatusLabel[booking.status]}</dd>
        {voucher ? <AwaitingVoucherFacts voucher={voucher} /> : null}
        <dt>日時（日本時間）</dt>
        <dd>{formatDateTimeJa(booking.startsAt, practiceTimeZone)}</dd>
        <dt>クライアント</dt>
        <dd>
          {booking.clientId ? (
            <>
              <Link href={`/admin/clients/${booking.clientId}`}>
                {booking.clientFamilyName} {booking.clientGivenName}
              </Link>
              （{booking.clientEmail}
              {booking.clientPhone ? `・${formatPhone(booking.clientPhone)}` : ''}）
              <br />
              <small>タイムゾーン：{booking.clientTimeZone}</small>
            </>
          ) : (
            '（退会済み）'
          )}
        </dd>
        <dt>セッション</dt>
        <dd>
          {booking.sessionTypeName}・{formatYen(booking.priceYen)}
        </dd>
        <dt>ご相談のテーマ</dt>
        <dd>{findTheme(booking.theme)?.label ?? '未選択'}</dd>
        <dt>キャンセルポリシーへの同意</dt>
        <dd>{booking.policyAgreedAt ? formatDateTimeJa(booking.policyAgreedAt, practiceTimeZone) : '—'}</dd>
        <dt>お支払い</dt>
        <dd>
          {credit
            ? `回数券・${credit.name}、${credit.state === 'returned' ? 'キャンセルにより1回分をお戻し済み' : '1回分を使用'}`
            : cancelledUnpaid
              ? 'なし（コンビニでのお支払い前にキャンセル）'
              : payment
                ? `${voucher ? `未払い（コンビニ決済・${formatYen(payment.amountYen)}）` : paymentStatusLabel[payment.status]}${payment.method && !voucher ? `・${methodLabel(payment.method)}` : ''}${payment.refundedYen > 0 ? `・返金 ${formatYen(payment.refundedYen)}` : ''}`
                : 'なし'}
        </dd>
      </dl>
      <section aria-labelledby="intake-heading" className="panel">
        <h2 id="intake-heading">事前アンケート</h2>
        <CounselorIntake view={intake} headingId="intake" />
      </section>
      {booking.clientId ? (
        <SessionNotePanel
          headingId="note-heading"
          heading="セッションメモ"
          label="このセッションのメモ"
          clientId={booking.clientId}
          bookingId={booking.id}
          note={note}
        />
      ) : null}
      {booking.status === 'confirmed' && booking.mode === 'online' ? (
        <MeetingUrlForm bookingId={booking.id} current={booking.meetingUrl} leadHours={settings.meetingLinkLeadHours} />
      ) : null}
      {booking.status === 'confirmed' && started ? <BookingOutcomeButtons bookingId={booking.id} /> : null}
      {booking.status === 'confirmed' || booking.status === 'awaiting_payment' ? (
        <CancelBookingForm
          bookingId={booking.id}
          preview={
            booking.status === 'awaiting_payment'
              ? bookingMessages.counselorCancelAwaitingKonbini
              : credit
                ? bookingMessages.credit.counselorReturns
                : `カウンセラー都合のキャンセルでは、全額の${formatYen(booking.priceYen)}を返金します。`
          }
        />
      ) : null}
      <p>
        <Link href="/admin/bookings">予約の一覧へ</Link>
      </p>
    </>
  );
}
