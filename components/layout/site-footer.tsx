import { HoverPrefetchLink } from '@/components/layout/hover-prefetch-link';
import { siteConfig } from '@/lib/site-config';

const footerLinks = [
  { href: '/counselor', label: 'カウンセラー紹介・よくあるご質問' },
  { href: '/legal/tokushoho', label: '特定商取引法に基づく表記' },
  { href: '/legal/privacy', label: 'プライバシーポリシー' },
  { href: '/legal/terms', label: '利用規約' },
  { href: '/legal/cancellation', label: 'キャンセルポリシー' },
];

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p className="site-footer__notice">
          このサイトは緊急時の相談窓口ではありません。命の危険を感じるときは、119番（救急）・110番（警察）へ連絡してください。
        </p>
        <nav aria-label="このサイトについて">
          <ul className="site-footer__links">
            {footerLinks.map((l) => (
              <li key={l.href}>
                <HoverPrefetchLink href={l.href}>{l.label}</HoverPrefetchLink>
              </li>
            ))}
            <li>
              <a href="/feed.xml">RSSフィード</a>
            </li>
          </ul>
        </nav>
        <p className="site-footer__copy">
          © {siteConfig.name}　{siteConfig.counselor.title} {siteConfig.counselor.name}
        </p>
      </div>
    </footer>
  );
}
