import type { Metadata } from 'next';
import Link from 'next/link';
import { requireCounselor } from '@/features/accounts/auth/guards';

export const metadata: Metadata = { title: '設定' };

const settings = [
  {
    href: '/admin/session-types',
    label: 'セッションの種類',
    about: '料金・時間・参加用リンク・公開するかどうか',
  },
  {
    href: '/admin/packages',
    label: '回数券',
    about: '3回券・5回券などの回数・料金・有効期間と、使えるセッション',
  },
  {
    href: '/admin/payment-methods',
    label: 'お支払い方法',
    about: 'クレジットカードのほかに、コンビニ決済とPayPayを受け付けるかどうか',
  },
  {
    href: '/admin/calendar-sync',
    label: 'カレンダー連携',
    about: 'ご自分のカレンダーへの予定の書き出しと、予定の取り込み',
  },
  {
    href: '/admin/notifications',
    label: 'お知らせ設定',
    about: '予約やキャンセルのお知らせメールと、毎朝の予定のメール',
  },
  { href: '/admin/notices', label: '送れていないメール', about: '送信に失敗しているお知らせメールの確認と送り直し' },
  { href: '/admin/audit', label: '閲覧記録', about: '事前アンケートとセッションメモを、いつ誰が開いたか' },
  { href: '/portal/account', label: 'アカウント', about: 'メールアドレス・パスワード・ログイン中の端末' },
];

/** The pages she opens rarely, gathered so that the menu stays one line on a phone. */
export default async function AdminSettingsPage() {
  await requireCounselor('/admin/settings');
  return (
    <>
      <h1>設定</h1>
      <ul className="settings-list">
        {settings.map((s) => (
          <li key={s.href}>
            <Link href={s.href}>{s.label}</Link>
            <p>{s.about}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
