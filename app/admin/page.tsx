import Link from 'next/link';
import { requireCounselor } from '@/lib/auth/guards';

export default async function AdminHomePage() {
  await requireCounselor('/admin');
  return (
    <>
      <h1>管理画面</h1>
      <ul className="admin-links">
        <li>
          <Link href="/admin/clients">クライアント一覧</Link>：登録したクライアントの検索と確認
        </li>
      </ul>
      <p>予約・空き枠・セッション種別・講座・記事・お支払い・メールマガジン・監査記録の各画面は、順次ここに加わります。</p>
    </>
  );
}
