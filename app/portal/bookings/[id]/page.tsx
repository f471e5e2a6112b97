import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { HowToJoin } from '@/components/booking/how-to-join';
import { KeepWhole } from '@/components/ui/keep-whole';
import { getAccountProfile } from '@/features/accounts/queries';
import { describeCancellationNow, sessionCancellationTerms } from '@/features/booking/domain/cancellation';
import { bookingMessages } from '@/features/booking/domain/messages';
import { meetingLinkView } from '@/lib/meeting-link';
import { getBooking, getBookingRefund, getBookingSettings } from '@/features/booking/queries';
import { findTheme } from '@/features/library/themes';
import { listClientPayments } from '@/features/booking/payment-history';
import { bookingCredit } from '@/features/packages/booking-credit';
import { creditOnCancellation } from '@/features/packages/domain/rules';
import { assertCanSee, requireUser } from '@/features/accounts/auth/guards';
import { type AwaitingVoucher, awaitingVouchersOf } from '@/features/payments/queries';
import { read } from '@/lib/data';
import { formatYen } from '@/lib/format';
import { cancellationPolicy } from '@/lib/site-config';
import { practiceTimeZone, whenFor } from '@/lib/time';

export const metadata: Metadata = { title: '予約の詳細' };

const words = bookingMessages.credit;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> };

export default async function BookingPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { notice } = await searchParams;
  const user = await requireUser(`/portal/bookings/${id}`);
  const booking = await read(getBooking, id);
  if (!booking || !booking.clientId) notFound();
  assertCanSee(user, booking.clientId);
  const now = new Date();
  const byCredit = booking.paidWith === 'credit';
  const [profile, payments, refund, settings, vouchers, credit] = await Promise.all([
    read(getAccountProfile, user.id),
    read(listClientPayments, booking.clientId),
    booking.status === 'cancelled' && !byCredit ? read(getBookingRefund, booking.id) : undefined,
    read(getBookingSettings),
    booking.status === 'awaiting_payment' ? read(awaitingVouchersOf, 'booking', [booking.id]) : undefined,
    byCredit ? read(bookingCredit, booking.id, now) : undefined,
  ]);
  // A session booked with a credit has no payment of its own, hence no receipt (the package's is in お支払い).
  const receiptPayment = byCredit ? undefined : payments.find((p) => p.bookingId === booking.id && p.paidAt);
  const voucher = vouchers?.get(booking.id);
  const paidAtKonbini = Boolean(receiptPayment?.paymentDueAt);
  const zone = profile?.timeZone ?? practiceTimeZone;
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
  const isOwnBooking = user.id === booking.clientId;
  return (
    <>
      <h1>予約の詳細</h1>
      {notice === 'rescheduled' ? (
        <p role="status" className="form-status form-status--ok">
          日時を変更しました。
        </p>
      ) : null}
      {notice === 'booked' && booking.status === 'confirmed' ? (
        <p role="status" className="form-status form-status--ok">
          回数券でご予約を承りました。確認のメールをお送りしました。
        </p>
      ) : null}
      {notice === 'cancelled' && booking.status === 'cancelled' ? (
        <p role="status" className="form-status form-status--ok">
          キャンセルを承りました。確認のメールをお送りしました。
        </p>
      ) : null}
      <dl className="facts">
        <dt>状態</dt>
        <dd>{bookingMessages.status[booking.status]}</dd>
        <dt>日時</dt>
        <dd>{whenFor(booking.startsAt, zone)}</dd>
        <dt>セッション</dt>
        <dd>{booking.sessionTypeName}</dd>
        {byCredit ? (
          <>
            <dt>お支払い</dt>
            <dd>
              {words.paidWith}
              {credit ? `・${credit.name}` : ''}
            </dd>
            {credit && booking.status === 'cancelled' ? (
              <>
                <dt>回数券</dt>
                <dd>{credit.state === 'returned' ? words.returned(credit.remaining) : words.used}</dd>
              </>
            ) : credit && booking.status === 'confirmed' ? (
              <>
                <dt>回数券の残り</dt>
                <dd>{words.remaining(credit.remaining)}</dd>
              </>
            ) : null}
          </>
        ) : (
          <>
            <dt>料金</dt>
            <dd>{formatYen(booking.priceYen)}</dd>
          </>
        )}
        {voucher ? <VoucherFacts voucher={voucher} zone={zone} /> : null}
        {refund ? <RefundFacts refund={refund} konbini={paidAtKonbini} /> : null}
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
              <HowToJoin
                mode={booking.mode}
                link={meetingLinkView(booking, settings.meetingLinkLeadHours, now)}
                zone={zone}
              />
            </dd>
          </>
        ) : null}
      </dl>
      {booking.status === 'confirmed' && isOwnBooking ? (
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
      {terms && !terms.started && isOwnBooking ? (
        <section aria-labelledby="change-heading" className="panel">
          <h2 id="change-heading">日時の変更・キャンセル</h2>
          {terms.freeReschedule ? (
            <p>
              日時の変更は無料です（開始48時間前まで）。
              <Link href={`/portal/bookings/${booking.id}/reschedule`}>日時を変更する</Link>
            </p>
          ) : null}
          <p>
            {byCredit ? (
              creditOnCancellation({
                policy: booking.policy ?? cancellationPolicy.session,
                startsAt: booking.startsAt,
                now,
                cancelledBy: 'client',
              }) === 'returned' ? (
                words.previewReturned
              ) : (
                words.previewUsed
              )
            ) : (
              <KeepWhole text={describeCancellationNow(terms)} />
            )}
          </p>
          {paidAtKonbini ? <p>{konbiniRefundNote}</p> : null}
          <p>
            <Link className="button button--secondary" href={`/portal/bookings/${booking.id}/cancel`}>
              キャンセルの手続きへ
            </Link>
          </p>
          <p>次の画面で{byCredit ? '内容' : '金額'}をご確認いただくまで、キャンセルはされません。</p>
        </section>
      ) : null}
      <p>
        <Link href="/portal">マイページへ戻る</Link>
      </p>
    </>
  );
}

const konbiniRefundNote = bookingMessages.konbiniRefund;

function VoucherFacts({ voucher, zone }: { voucher: AwaitingVoucher; zone: string }) {
  return (
    <>
      <dt>お支払い期限</dt>
      <dd>
        {whenFor(voucher.dueAt, zone)}
        <br />
        <small>期限までお時間をお取り置きしています。期限を過ぎると自動的にキャンセルとなります。</small>
      </dd>
      {voucher.voucherNumber ? (
        <>
          <dt>確認番号</dt>
          <dd>{voucher.voucherNumber}</dd>
        </>
      ) : null}
      {voucher.voucherUrl ? (
        <>
          <dt>払込票</dt>
          <dd>
            <a href={voucher.voucherUrl} target="_blank" rel="noopener noreferrer">
              お支払い方法と番号を見る<span className="sr-only">（新しいタブで開きます）</span>
            </a>
          </dd>
        </>
      ) : null}
    </>
  );
}

function RefundFacts({
  refund,
  konbini,
}: {
  refund: { paidYen: number; refundYen: number; state: 'processing' | 'refunded' | null };
  konbini: boolean;
}) {
  const fee = refund.paidYen - refund.refundYen;
  return (
    <>
      <dt>キャンセル料</dt>
      <dd>{fee === 0 ? '無料' : <span className="nowrap">{formatYen(fee)}</span>}</dd>
      <dt>返金</dt>
      <dd>
        {refund.refundYen === 0 || !refund.state ? (
          '返金はありません'
        ) : (
          <>
            <span className="nowrap">{formatYen(refund.refundYen)}</span>・
            <strong>{konbini ? '口座のご登録後にお振り込み' : bookingMessages.refundState[refund.state]}</strong>
            <br />
            <small>
              {konbini
                ? konbiniRefundNote
                : refund.state === 'processing'
                  ? '決済会社に返金を依頼しています。完了すると、このページの表示が「返金済み」に変わります。'
                  : 'ご利用のカードへ返金しました。カード会社により、明細への反映まで数日かかる場合があります。'}
            </small>
          </>
        )}
      </dd>
    </>
  );
}
