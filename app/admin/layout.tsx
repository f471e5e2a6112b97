import type { Metadata } from 'next';
import Link from 'next/link';
import { IdleSignOut } from '@/components/accounts/idle-sign-out';
import { SignOutButton } from '@/components/accounts/sign-out-buttons';
import { idleTimeoutMs } from '@/features/accounts/sessions';
import { requireCounselor } from '@/lib/auth/guards';

export const metadata: Metadata = { title: { default: '管理', template: '%s｜管理' }, robots: { index: false } };

const sections = [
  { href: '/admin', label: '概要' },
  { href: '/admin/clients', label: 'クライアント' },
];

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireCounselor('/admin');
  return (
    <div className="container">
      <div className="area-bar">
        <p className="area-bar__who">管理画面：{user.name}</p>
        <nav aria-label="管理メニュー">
          <ul className="area-nav">
            {sections.map((s) => (
              <li key={s.href}>
                <Link href={s.href}>{s.label}</Link>
              </li>
            ))}
            <li>
              <SignOutButton />
            </li>
          </ul>
        </nav>
      </div>
      <IdleSignOut idleMs={idleTimeoutMs} />
      {children}
    </div>
  );
}
