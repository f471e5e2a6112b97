import Link from 'next/link';
import { requireUser } from '@/lib/auth/guards';

export default async function PortalPage() {
  await requireUser('/portal');
  return (
    <>
      <h1>マイページ</h1>
      <section aria-labelledby="upcoming-heading" className="panel">
        <h2 id="upcoming-heading">今後のセッション</h2>
        <p>予約中のセッションはありません。</p>
        <p>
          <Link href="/sessions">個人セッションについて見る</Link>
        </p>
      </section>
      <section aria-labelledby="intake-heading" className="panel">
        <h2 id="intake-heading">事前アンケート</h2>
        <p>ご回答をお願いしているアンケートはありません。セッションを予約すると、ここに表示されます。</p>
      </section>
      <section aria-labelledby="courses-heading" className="panel">
        <h2 id="courses-heading">受講中の講座</h2>
        <p>お申し込み中の講座はありません。</p>
        <p>
          <Link href="/courses">心理学講座について見る</Link>
        </p>
      </section>
      <section aria-labelledby="payments-heading" className="panel">
        <h2 id="payments-heading">お支払い</h2>
        <p>お支払いの履歴はありません。</p>
      </section>
    </>
  );
}
