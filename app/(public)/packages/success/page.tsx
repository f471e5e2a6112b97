import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PaymentAlreadyHandled } from '@/components/payments/payment-already-handled';
import { RefreshWhilePending } from '@/components/payments/refresh-while-pending';
import { requireUser } from '@/features/accounts/auth/guards';
import '@/features/fulfilments';
import { lastUsableInstant } from '@/features/packages/domain/rules';
import { getPurchaseView } from '@/features/packages/queries';
import { reconcileForClient } from '@/features/payments/service';
import { read, serviceContext } from '@/lib/data';
import { formatYen } from '@/lib/format';
import { formatDateJa, practiceTimeZone } from '@/lib/time';

export const metadata: Metadata = { title: '回数券のご購入', robots: { index: false } };

type Props = { searchParams: Promise<{ session_id?: string }> };

/** Stripe's return: the payment is reconciled here too, so she never sees "paid but no credits". */
export default async function PackageSuccessPage({ searchParams }: Props) {
  const sessionId = (await searchParams).session_id ?? '';
  const here = `/packages/success?session_id=${encodeURIComponent(sessionId)}`;
  const user = await requireUser(here);
  if (!/^cs_[A-Za-z0-9_]+$/.test(sessionId)) notFound();
  const ctx = await serviceContext();
  const result = await reconcileForClient(ctx, { checkoutSessionId: sessionId, clientId: user.id });
  if (!result || result.purpose !== 'package') notFound();
  const view = await read(getPurchaseView, result.referenceId, ctx.now);
  if (view && (result.outcome === 'confirmed' || result.outcome === 'already') && view.balance.expiresAt) {
    return (
      <div className="container container--narrow">
        <h1>回数券のご購入が完了しました</h1>
        <p role="status" aria-live="polite">
          お支払いを確認しました。確認のメールをお送りしています。
        </p>
        <dl className="facts">
          <dt>回数券</dt>
          <dd>{view.name}</dd>
          <dt>回数</dt>
          <dd>
            {view.sessionCount}回（残り{view.balance.remaining}回）
          </dd>
          <dt>有効期限</dt>
          <dd>{formatDateJa(lastUsableInstant(view.balance.expiresAt), practiceTimeZone)}まで</dd>
          <dt>使えるセッション</dt>
          <dd>{view.coveredNames.join('、')}</dd>
          <dt>お支払い金額</dt>
          <dd>{formatYen(view.priceYen)}</dd>
        </dl>
        <p>
          <Link className="button" href="/sessions">
            セッションを予約する
          </Link>
        </p>
        <p>
          <Link href="/portal/packages">マイページで回数券を見る</Link>
        </p>
      </div>
    );
  }
  if (result.outcome === 'pending') {
    // The same heading and live region as the completed page, in the same places: when the soft
    // refresh finds the payment done, their text changes in place and is announced, politely.
    return (
      <div className="container container--narrow">
        <h1>お支払いを確認しています</h1>
        <p role="status" aria-live="polite">
          決済の完了を確認しています。このページは自動で更新され、完了するとここに回数券の内容が表示されます。確認メールもお送りします。
        </p>
        <p>
          <a href={here}>最新の状態を表示する</a>
        </p>
        <p>数分たっても変わらない場合は、マイページで回数券をご確認ください。</p>
        <p>
          <Link href="/portal/packages">マイページで回数券を見る</Link>
        </p>
        <RefreshWhilePending />
      </div>
    );
  }
  return (
    <div className="container container--narrow">
      {result.outcome === 'lost' ? (
        <>
          <h1>お支払いが重なっていました</h1>
          <p role="alert">
            この回数券はすでに別のお支払いで購入済みのため、このお支払いは全額を返金しました。回数券はそのままお使いいただけます。
          </p>
          <p>
            <Link href="/portal/packages">マイページで回数券を見る</Link>
          </p>
        </>
      ) : result.outcome === 'already' ? (
        <PaymentAlreadyHandled />
      ) : (
        <>
          <h1>お支払いは完了していません</h1>
          <p role="alert">お支払いの期限が過ぎたか、お支払いが完了していません。もう一度お手続きください。</p>
          <p>
            <Link href="/packages">回数券の一覧へ</Link>
          </p>
        </>
      )}
    </div>
  );
}
