import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CancelBookingForm } from '@/components/booking/cancel-booking-form';
import { read } from '@/lib/data';
import { getAccountProfile } from '@/features/accounts/queries';
import { describeCancellationNow, sessionCancellationTerms } from '@/features/booking/domain/cancellation';
import { getBooking } from '@/features/booking/queries';
import { findTheme } from '@/features/library/themes';
import { listClientPayments } from '@/features/booking/payment-history';
import { assertCanSee, requireUser } from '@/lib/auth/guards';
import { formatYen } from '@/lib/format';
import { cancellationPolicy } from '@/lib/site-config';
import { practiceTimeZone, whenFor } from '@/lib/time';

export const metadata: Metadata = { title: '予約の詳細' };

const statusLabel = {
  held: '仮押さえ中（お支払い前）',
  confirmed: '予約確定',
  cancelled: 'キャンセル済み',
  completed: '実施済み',
  no_show: '無断キャンセル',
  expired: '期限切れ',
} as const;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> };

export default async function BookingPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { notice } = await searchParams;
  const user = await requireUser(`/portal/bookings/${id}`);
  const booking = await read(getBooking, id);
  if (!booking || !booking.clientId) notFound();
  assertCanSee(user, booking.clientId);
  const [profile, payments] = await Promise.all([
    read(getAccountProfile, user.id),
    read(listClientPayments, booking.clientId),
  ]);
  const receiptPayment = payments.find((p) => p.bookingId === booking.id && p.paidAt);
  const zone = profile?.timeZone ?? practiceTimeZone;
  const now = new Date();
  const terms =
    booking.status === 'confirmed'
      ? sessionCancellationTerms({
          policy: booking.policy ?? cancellationPolicy.session,
          startsAt: booking.startsAt,
          now,
          priceYen: booking.priceYen,
          cancelledBy: 'client',
        })
      : undefined;
  return (
    <>
      <h1>予約の詳細</h1>
      {notice === 'rescheduled' ? (
        <p role="status" className="form-status form-status--ok">
          日時を変更しました。
        </p>
      ) : null}
      {notice === 'cancelled' ? (
        <p role="status" className="form-status form-status--ok">
          キャンセルを承りました。確認のメールをお送りしました。
        </p>
      ) : null}
      <dl className="facts">
        <dt>状態</dt>
        <dd>{statusLabel[booking.status]}</dd>
        <dt>日時</dt>
        <dd>{whenFor(booking.startsAt, zone)}</dd>
        <dt>セッション</dt>
        <dd>{booking.sessionTypeName}</dd>
        <dt>料金</dt>
        <dd>{formatYen(booking.priceYen)}</dd>
        {booking.theme ? (
          <>
            <dt>ご相談のテーマ</dt>
            <dd>{findTheme(booking.theme)?.label}</dd>
          </>
        ) : null}
        {booking.status === 'confirmed' ? (
          <>
            <dt>参加方法</dt>
            <dd>
              {booking.mode === 'online' ? (
                booking.meetingUrl ? (
                  <a href={booking.meetingUrl}>ビデオ通話に参加する</a>
                ) : (
                  '参加用のURLは、開始の24時間前までにこのページとメールでお知らせします。'
                )
              ) : booking.mode === 'phone' ? (
                'ご登録の電話番号に、開始時刻にカウンセラーからおかけします。'
              ) : (
                '名古屋のカウンセリングルームにお越しください（所在地はご予約確定メールに記載しています）。'
              )}
            </dd>
          </>
        ) : null}
      </dl>
      {booking.status === 'confirmed' && user.id === booking.clientId ? (
        <p>
          <Link href={`/portal/intake/${booking.id}`}>事前アンケート</Link>
        </p>
      ) : null}
      {booking.status === 'confirmed' ? (
        <p>
          <a className="button button--secondary" href={`/portal/bookings/${booking.id}/ics`} download>
            カレンダーに追加（.ics）
          </a>
        </p>
      ) : null}
      {receiptPayment ? (
        <p>
          <Link href={`/portal/payments/${receiptPayment.id}/receipt`}>領収書を表示</Link>
        </p>
      ) : null}
      {booking.status === 'held' ? (
        <p>
          <Link href={`/book/checkout/${booking.id}`}>お支払いへ進む</Link>
        </p>
      ) : null}
      {terms && !terms.started && user.id === booking.clientId ? (
        <>
          {terms.freeReschedule ? (
            <p>
              日時の変更は無料です（開始48時間前まで）。
              <Link href={`/portal/bookings/${booking.id}/reschedule`}>日時を変更する</Link>
            </p>
          ) : null}
          <CancelBookingForm bookingId={booking.id} preview={describeCancellationNow(terms)} />
        </>
      ) : null}
      <p>
        <Link href="/portal">マイページへ戻る</Link>
      </p>
    </>
  );
}
