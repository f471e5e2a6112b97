import type { Metadata } from 'next';
import { invitations, siteConfig } from '@/lib/site-config';

export const metadata: Metadata = {
  title: '無料メールマガジン',
  description: `ブログでは書ききれない「迷いの途中の話」をお届けする無料メールマガジン（${siteConfig.schedule.newsletter}配信）。`,
  alternates: { canonical: '/newsletter' },
};

export default function NewsletterPage() {
  return (
    <div className="container container--narrow">
      <h1>無料メールマガジン</h1>
      <h2>{invitations.newsletter.heading}</h2>
      {invitations.newsletter.body.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <p>配信日：毎週{siteConfig.schedule.newsletter}。登録・解除はいつでも無料です。</p>
      <p>ご登録フォームは準備中です。</p>
    </div>
  );
}
