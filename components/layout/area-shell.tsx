import Link from 'next/link';
import { IdleSignOut } from '@/components/accounts/idle-sign-out';
import { SignOutButton } from '@/components/accounts/sign-out-buttons';
import { idleTimeoutMs } from '@/features/accounts/sessions';

type Props = { who: string; navLabel: string; sections: { href: string; label: string }[]; children: React.ReactNode };

/** The frame of the signed-in areas (portal, admin): who is signed in, the area's menu, sign-out, idle sign-out. */
export function AreaShell({ who, navLabel, sections, children }: Props) {
  return (
    <div className="container">
      <div className="area-bar">
        <p className="area-bar__who">{who}</p>
        <nav aria-label={navLabel}>
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
