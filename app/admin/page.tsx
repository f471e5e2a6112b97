import Link from 'next/link';
import { requireCounselor } from '@/lib/auth/guards';

export default async function AdminHomePage() {
  await requireCounselor('/admin');
  return (
    <>
      <h1>管理画面</h1>
      <ul className="admin-links">
        <li>
          <Link href="/admin/bookings">予約</Link>：今後の予約・週の予定・過去の予約、実施済みの記録とキャンセル
        </li>
        <li>
          <Link href="/admin/availability">受付時間</Link>
          ：毎週の受付時間、休みの日・追加の時間、休憩・締め切り・受付期間
        </li>
        <li>
          <Link href="/admin/session-types">セッションの種類</Link>：種類・時間・料金（税込）の編集と追加
        </li>
        <li>
          <Link href="/admin/courses">講座</Link>
          ：講座・開講回（定員・受講料・締切）・講義と資料、受講者とキャンセル待ち、一斉メール、開講の中止
        </li>
        <li>
          <Link href="/admin/clients">クライアント一覧</Link>：登録したクライアントの検索と確認
        </li>
        <li>
          <Link href="/admin/articles">記事</Link>：下書き・公開予約・公開中の記事、プレビュー、版の復元
        </li>
        <li>
          <Link href="/admin/newsletter">メールマガジン</Link>：読者数とCSV、号の作成・テスト送信・配信予約・配信状況
        </li>
        <li>
          <Link href="/admin/audit">閲覧記録</Link>：アンケートの回答を誰がいつ開いたかの記録
        </li>
      </ul>
    </>
  );
}
