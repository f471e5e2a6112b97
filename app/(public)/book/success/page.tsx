import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { serviceContext } from '@/lib/data';
import '@/features/fulfilments';
import { reconcileBookingCheckout } from '@/features/booking/checkout';
import { requireUser } from '@/lib/auth/guards';
import { PaymentAlreadyHandled } from '@/components/payments/payment-already-handled';

export const metadata: Metadata = { title: 'ご予約の確認', robots: { index: false } };

type Props = { searchParams: Promise<{ session_id?: string }> };

export default async function BookingSuccessPage({ searchParams }: Props) {
  const sessionId = (await searchParams).session_id ?? '';
  const user = await requireUser(`/book/success?session_id=${encodeURIComponent(sessionId)}`);
  if (!/^cs_[A-Za-z0-9_]+$/.test(sessionId)) notFound();
  const result = await reconcileBookingCheckout(await serviceContext(), {
    checkoutSessionId: sessionId,
    clientId: user.id,
  });
  if (!result) notFound();
  const status = result.bookingStatus;
  return (
    <div className="container container--narrow">
      {status === 'confirmed' ? (
        <>
          <h1>ご予約が確定しました</h1>
          <p role="status">お支払いを確認しました。確認メール（カレンダー用のファイル付き）をお送りしています。</p>
          <p>セッションの前に、マイページから事前アンケートへのご回答をお願いします。</p>
          <p>
            <Link className="button" href={`/portal/bookings/${result.bookingId}`}>
              予約の詳細を見る
            </Link>
          </p>
        </>
      ) : result.outcome === 'pending' ? (
        <>
          <h1>お支払いを確認しています</h1>
          <p role="status">
            決済の完了を待っています。数分後にマイページでご確認ください。完了すると確認メールをお送りします。
          </p>
          <p>
            <Link href="/portal">マイページへ</Link>
          </p>
        </>
      ) : result.outcome === 'lost' ? (
        <>
          <h1>ご予約をお取りできませんでした</h1>
          <p role="alert">
            お支払いの完了までに仮押さえの時間が過ぎ、この時間にほかのご予約が入りました。お支払いいただいた金額は全額を返金しました（詳細はメールでお知らせしています）。
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
          <p role="alert">仮押さえの有効期限が過ぎたか、お支払いが完了していません。もう一度日時をお選びください。</p>
          <p>
            <Link href="/sessions">日時を選ぶ</Link>
          </p>
        </>
      )}
    </div>
  );
}
