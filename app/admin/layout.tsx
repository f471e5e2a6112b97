import type { Metadata } from 'next';
import { AreaShell } from '@/components/layout/area-shell';
import { requireCounselor } from '@/features/accounts/auth/guards';
import './admin.css';

export const metadata: Metadata = { title: { default: '管理', template: '%s｜管理' }, robots: { index: false } };

const sections = [
  { href: '/admin', label: '今日' },
  { href: '/admin/bookings', label: '予約' },
  { href: '/admin/availability', label: '受付時間' },
  { href: '/admin/courses', label: '講座' },
  { href: '/admin/payments', label: '売上' },
  { href: '/admin/clients', label: 'クライアント' },
  { href: '/admin/articles', label: '記事' },
  { href: '/admin/newsletter', label: 'メールマガジン' },
  { href: '/admin/settings', label: '設定' },
];

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireCounselor('/admin');
  return (
    <div className="admin-area">
      <AreaShell who={`管理画面：${user.name}`} navLabel="管理メニュー" sections={sections}>
        {children}
      </AreaShell>
    </div>
  );
}
