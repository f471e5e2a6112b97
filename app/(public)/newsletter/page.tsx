import type { Metadata } from 'next';
import Link from 'next/link';
import { SubscribeForm } from '@/components/newsletter/subscribe-form';
import { invitations, siteConfig } from '@/lib/site-config';
import { InvitationBlocks } from '@/components/layout/invitation-blocks';

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
      <p>
        <Link href="/newsletter/archive">バックナンバーを読む</Link>
      </p>
      <section aria-labelledby="subscribe-heading" className="panel">
        <h2 id="subscribe-heading">登録する</h2>
        <p>
          ご入力のアドレスに確認メールをお送りします。メールのリンクを開くと登録が完了します。配信停止は、毎号の末尾のリンクからワンクリックでできます。
        </p>
        <SubscribeForm idPrefix="newsletter-page" label="メールマガジンの登録" />
      </section>
      <p>
        配信元：{siteConfig.seller.businessName}（{siteConfig.seller.email}
        ）。ご登録のアドレスはメールマガジンの配信にのみ使い、
        <a href="/legal/privacy">プライバシーポリシー</a>に沿って管理します。
      </p>
      <InvitationBlocks omit={['newsletter']} />
    </div>
  );
}
