import type { Metadata } from 'next';
import { AreaShell } from '@/components/layout/area-shell';
import { requireUser } from '@/features/accounts/auth/guards';

export const metadata: Metadata = { title: 'マイページ', robots: { index: false } };

const sections = [
  { href: '/portal', label: 'ホーム' },
  { href: '/portal/packages', label: '回数券' },
  { href: '/portal/payments', label: 'お支払い' },
  { href: '/portal/account', label: 'アカウント' },
];

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser('/portal');
  return (
    <AreaShell
      who={`${user.name || user.email} さん`}
      navLabel="マイページのメニュー"
      sections={user.role === 'counselor' ? [{ href: '/admin', label: '管理画面' }, ...sections] : sections}
    >
      {children}
    </AreaShell>
  );
}
