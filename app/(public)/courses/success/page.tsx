import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getEnrollment } from '@/features/courses/queries';
import '@/features/fulfilments';
import { reconcileForClient } from '@/features/payments/service';
import { requireUser } from '@/features/accounts/auth/guards';
import { PaymentAlreadyHandled } from '@/components/payments/payment-already-handled';
import { read, serviceContext } from '@/lib/data';

export const metadata: Metadata = { title: '講座のお申し込み', robots: { index: false } };

type Props = { searchParams: Promise<{ session_id?: string }> };

/** Stripe's return: the payment is reconciled here too, so "paid but not enrolled" is never shown. */
export default async function CourseSuccessPage({ searchParams }: Props) {
  const sessionId = (await searchParams).session_id ?? '';
  const user = await requireUser(`/courses/success?session_id=${encodeURIComponent(sessionId)}`);
  if (!/^cs_[A-Za-z0-9_]+$/.test(sessionId)) notFound();
  const result = await reconcileForClient(await serviceContext(), { checkoutSessionId: sessionId, clientId: user.id });
  if (!result || result.purpose !== 'course') notFound();
  const found = await read(getEnrollment, result.referenceId);
  if (!found) notFound();
  const { enrollment, cohort, course } = found;
  return (
    <div className="container container--narrow">
      {enrollment.status === 'enrolled' ? (
        <>
          <h1>お申し込みが完了しました</h1>
          <p role="status">
            お支払いを確認しました。すべての回の日程（カレンダー用のファイル付き）をメールでお送りしています。
          </p>
          <p>
            <Link className="button" href={`/portal/courses/${cohort.id}`}>
              講義の日程と資料を見る
            </Link>
          </p>
        </>
      ) : enrollment.status === 'awaiting_payment' ? (
        <>
          <h1>コンビニでのお支払いをお待ちしています</h1>
          <p role="status">
            お申し込みを承りました。お支払い方法・番号・期限をメールでお送りしました。期限までお席をお取り置きし、お支払いの確認後に受講が確定します。
          </p>
          <p>
            <Link className="button" href={`/courses/apply/${enrollment.id}`}>
              お支払い期限と払込票を見る
            </Link>
          </p>
        </>
      ) : result.outcome === 'pending' ? (
        <>
          <h1>お支払いを確認しています</h1>
          <p role="status">
            決済の完了を待っています。完了すると確認メールをお送りします。数分後にマイページでご確認ください。
          </p>
          <p>
            <Link href="/portal">マイページへ</Link>
          </p>
        </>
      ) : result.outcome === 'lost' ? (
        <>
          <h1>お申し込みをお受けできませんでした</h1>
          <p role="alert">
            お支払いの完了までにお席の確保時間が過ぎ、お席が埋まりました。お支払いいただいた金額は全額を返金しました（詳細はメールでお知らせしています）。
          </p>
          <p>
            <Link href={`/courses/${course.slug}`}>講座のページへ</Link>
          </p>
        </>
      ) : result.outcome === 'already' ? (
        <PaymentAlreadyHandled />
      ) : (
        <>
          <h1>お支払いは完了していません</h1>
          <p role="alert">
            お席の確保時間が過ぎたか、お支払いが完了していません。講座のページからもう一度お申し込みください。
          </p>
          <p>
            <Link href={`/courses/${course.slug}`}>講座のページへ</Link>
          </p>
        </>
      )}
    </div>
  );
}
