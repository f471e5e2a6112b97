import type { Metadata } from 'next';
import Link from 'next/link';
import { IdleSignOut } from '@/components/accounts/idle-sign-out';
import { SignOutButton } from '@/components/accounts/sign-out-buttons';
import { idleTimeoutMs } from '@/features/accounts/sessions';
import { requireUser } from '@/lib/auth/guards';

export const metadata: Metadata = { title: 'マイページ', robots: { index: false } };

const sections = [
  { href: '/portal', label: 'ホーム' },
  { href: '/portal/account', label: 'アカウント' },
];

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser('/portal');
  return (
    <div className="container">
      <div className="area-bar">
        <p className="area-bar__who">{user.name || user.email} さん</p>
        <nav aria-label="マイページのメニュー">
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
