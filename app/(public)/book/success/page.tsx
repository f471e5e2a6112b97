import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import '@/features/fulfilments';
import { getAccountProfile } from '@/features/accounts/queries';
import { googleCalendarUrl } from '@/features/booking/calendar';
import { reconcileBookingCheckout } from '@/features/booking/checkout';
import { type MeetingLinkView, meetingLinkView } from '@/lib/meeting-link';
import { getBooking, getBookingSettings } from '@/features/booking/queries';
import { requireUser } from '@/features/accounts/auth/guards';
import { awaitingVouchersOf } from '@/features/payments/queries';
import { read, serviceContext } from '@/lib/data';
import { absoluteUrl } from '@/lib/site-url';
import { practiceTimeZone, whenFor } from '@/lib/time';
import { BookingSteps } from '@/components/booking/booking-steps';
import { HowToJoin } from '@/components/booking/how-to-join';
import { RefreshWhilePending } from '@/components/payments/refresh-while-pending';
import { PaymentAlreadyHandled } from '@/components/payments/payment-already-handled';

export const metadata: Metadata = { title: 'ご予約の確認', robots: { index: false } };

type Props = { searchParams: Promise<{ session_id?: string }> };

export default async function BookingSuccessPage({ searchParams }: Props) {
  const sessionId = (await searchParams).session_id ?? '';
  const here = `/book/success?session_id=${encodeURIComponent(sessionId)}`;
  const user = await requireUser(here);
  if (!/^cs_[A-Za-z0-9_]+$/.test(sessionId)) notFound();
  const result = await reconcileBookingCheckout(await serviceContext(), {
    checkoutSessionId: sessionId,
    clientId: user.id,
  });
  if (!result) notFound();
  if (result.bookingStatus === 'confirmed' && result.bookingId) {
    const [booking, profile, settings] = await Promise.all([
      read(getBooking, result.bookingId),
      read(getAccountProfile, user.id),
      read(getBookingSettings),
    ]);
    if (!booking) notFound();
    return (
      <Confirmed
        booking={booking}
        zone={profile?.timeZone ?? practiceTimeZone}
        link={meetingLinkView(booking, settings.meetingLinkLeadHours, new Date())}
      />
    );
  }
  if (result.bookingStatus === 'awaiting_payment' && result.bookingId) {
    const [booking, profile, vouchers] = await Promise.all([
      read(getBooking, result.bookingId),
      read(getAccountProfile, user.id),
      read(awaitingVouchersOf, 'booking', [result.bookingId]),
    ]);
    const voucher = vouchers.get(result.bookingId);
    if (!booking) notFound();
    const zone = profile?.timeZone ?? practiceTimeZone;
    return (
      <div className="container container--narrow">
        <BookingSteps current="お支払い" />
        <h1>コンビニでのお支払いをお待ちしています</h1>
        <p role="status">
          お申し込みを承りました。ご予約は、お支払いの確認後に確定します。お支払い方法と番号をメールでもお送りしました。
        </p>
        <dl className="facts">
          <dt>日時</dt>
          <dd>{whenFor(booking.startsAt, zone)}</dd>
          <dt>セッション</dt>
          <dd>{booking.sessionTypeName}</dd>
          {voucher ? (
            <>
              <dt>お支払い期限</dt>
              <dd>{whenFor(voucher.dueAt, zone)}</dd>
              {voucher.voucherNumber ? (
                <>
                  <dt>確認番号</dt>
                  <dd>{voucher.voucherNumber}</dd>
                </>
              ) : null}
            </>
          ) : null}
        </dl>
        <p>期限まではお時間をお取り置きしています。期限を過ぎると自動的にキャンセルとなります。</p>
        {voucher?.voucherUrl ? (
          <p>
            <a className="button" href={voucher.voucherUrl} target="_blank" rel="noopener noreferrer">
              払込票を見る<span className="sr-only">（新しいタブで開きます）</span>
            </a>
          </p>
        ) : null}
        <p>
          <Link href={`/portal/bookings/${booking.id}`}>マイページで予約を見る</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="container container--narrow">
      {result.outcome === 'pending' ? (
        <>
          <h1>お支払いを確認しています</h1>
          <p role="status">
            ご予約はまだ確定していません。決済の完了を確認しています。このページは自動で更新され、確定するとここに日時と参加方法が表示されます。確認メールもお送りします。
          </p>
          <p>
            <a href={here}>最新の状態を表示する</a>
          </p>
          <p>数分たっても変わらない場合は、マイページでご予約の状態をご確認ください。</p>
          <p>
            <Link href="/portal">マイページへ</Link>
          </p>
          <RefreshWhilePending />
        </>
      ) : result.outcome === 'lost' ? (
        <>
          <h1>ご予約をお取りできませんでした</h1>
          <p role="alert">
            お支払いの完了までにお時間の確保が切れ、この時間にほかのご予約が入りました。お支払いいただいた金額は全額を返金しました。詳細はメールでお知らせしています。
          </p>
          <p>
            <Link href="/sessions">別の日時を選ぶ</Link>
          </p>
        </>
      ) : result.outcome === 'already' ? (
        <PaymentAlreadyHandled />
      ) : (
        <>
          <h1>お支払いは完了していません</h1>
          <p role="alert">お時間の確保の期限が過ぎたか、お支払いが完了していません。もう一度日時をお選びください。</p>
          <p>
            <Link href="/sessions">日時を選ぶ</Link>
          </p>
        </>
      )}
    </div>
  );
}

type Booking = NonNullable<Awaited<ReturnType<typeof getBooking>>>;

function Confirmed({ booking, zone, link }: { booking: Booking; zone: string; link: MeetingLinkView }) {
  const portalPath = `/portal/bookings/${booking.id}`;
  return (
    <div className="container container--narrow">
      <BookingSteps current="完了" />
      <h1>ご予約が確定しました</h1>
      <p role="status">お支払いを確認しました。確認のメールをお送りしています。</p>
      <dl className="facts">
        <dt>日時</dt>
        <dd>{whenFor(booking.startsAt, zone)}</dd>
        <dt>セッション</dt>
        <dd>{booking.sessionTypeName}</dd>
        <dt>参加方法</dt>
        <dd>
          <HowToJoin mode={booking.mode} link={link} zone={zone} />
        </dd>
      </dl>
      <section aria-labelledby="next-heading">
        <h2 id="next-heading">セッションまでに</h2>
        <p>
          事前アンケートにご回答ください。お話ししたいことや、これまでのご経験を前もってうかがい、当日の時間を大切に使うためのものです。回答は途中で保存でき、カウンセラーはセッションの前に拝見します。
        </p>
        <p>
          <Link className="button" href={`/portal/intake/${booking.id}`}>
            事前アンケートに回答する
          </Link>
        </p>
      </section>
      <section aria-labelledby="calendar-heading">
        <h2 id="calendar-heading">カレンダーに登録する</h2>
        <p>予定の名前は「カウンセリング」とだけ表示され、ご相談の内容は載りません。</p>
        <ul className="actions-row">
          <li>
            <a className="button button--secondary" href={`${portalPath}/ics`} download>
              カレンダー用ファイル（.ics）
            </a>
          </li>
          <li>
            <a
              className="button button--secondary"
              href={googleCalendarUrl(booking, absoluteUrl(portalPath))}
              rel="noopener noreferrer"
              target="_blank"
            >
              Googleカレンダーに追加<span className="sr-only">（新しいタブで開きます）</span>
            </a>
          </li>
        </ul>
      </section>
      <p>
        <Link href={portalPath}>マイページで予約の詳細を見る</Link>
      </p>
      <p>日時の変更やキャンセルも、予約の詳細のページからお手続きいただけます。</p>
    </div>
  );
}
