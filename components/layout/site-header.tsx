import { HoverPrefetchLink } from '@/components/layout/hover-prefetch-link';
import { siteConfig } from '@/lib/site-config';

const nav = [
  { href: '/articles', label: '記事' },
  { href: '/sessions', label: '個人セッション' },
  { href: '/courses', label: '心理学講座' },
  { href: '/newsletter', label: 'メルマガ' },
  { href: '/portal', label: 'マイページ' },
];

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <HoverPrefetchLink href="/" className="site-header__brand">
          {siteConfig.name}
        </HoverPrefetchLink>
        <nav aria-label="メインメニュー">
          <ul className="site-nav">
            {nav.map((item) => (
              <li key={item.href}>
                <HoverPrefetchLink href={item.href}>{item.label}</HoverPrefetchLink>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
