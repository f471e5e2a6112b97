import type { Metadata } from 'next';
import Link from 'next/link';
import { LegalPage } from '@/components/legal/legal-page';
import { konbiniTerms } from '@/features/payments/domain/konbini';
import { konbiniCondition, methodsList, offeredMethods } from '@/features/payments/domain/methods';
import { getOfferedMethods } from '@/features/payments/queries';
import { read } from '@/lib/data';
import { siteConfig } from '@/lib/site-config';
import { PackageTerms } from '@/components/packages/package-terms';

export const metadata: Metadata = { title: '利用規約', alternates: { canonical: '/legal/terms' } };

// The payment methods are the counselor's setting, so the page is rendered per request.
export const dynamic = 'force-dynamic';

export default async function TermsPage() {
  const offered = await read(getOfferedMethods);
  const several = offeredMethods(offered).length > 1;
  return (
    <LegalPage title="利用規約" updated="2026年11月1日">
      <p>
        この規約は、{siteConfig.seller.businessName}
        （以下「当ルーム」）が提供するカウンセリング、心理学講座、ウェブサイトおよびメールマガジン（以下「本サービス」）のご利用条件を定めるものです。
      </p>
      <h2>第1条（本サービスの性質）</h2>
      <p>
        本サービスは心理カウンセリングであり、医療行為（診断・治療・投薬）ではありません。通院中の方は、主治医とご相談のうえご利用ください。
      </p>
      <h2>第2条（緊急時について）</h2>
      <p>
        本サービスは緊急時の相談窓口ではありません。命の危険を感じるときは、119番（救急）・110番（警察）、またはよりそいホットライン（0120-279-338、24時間）などの公的な窓口にご連絡ください。
      </p>
      <h2>第3条（アカウント）</h2>
      <p>ご登録の情報は正確に保ち、ログイン情報はご自身で管理してください。</p>
      <h2>第4条（料金と支払い）</h2>
      <p>
        料金は税込で表示し、ご予約・お申し込みの確定時に{methodsList(offered)}
        {several ? 'のいずれか' : ''}でお支払いいただきます。
        {offered.konbini ? `${konbiniCondition}${konbiniTerms}` : null}
      </p>
      <h2>第5条（キャンセル）</h2>
      <p>
        キャンセル・返金は<Link href="/legal/cancellation">キャンセルポリシー</Link>に従います。
      </p>
      <h2>第5条の2（回数券）</h2>
      <p>個人セッションの回数券には、次の規定が適用されます。</p>
      <PackageTerms links={false} />
      <h2>第6条（禁止事項）</h2>
      <ul>
        <li>セッション・講座の録音・録画・内容の無断公開</li>
        <li>他の受講者の個人情報を外部に漏らすこと</li>
        <li>本サービスの運営を妨げる行為、法令または公序良俗に反する行為</li>
      </ul>
      <h2>第7条（免責）</h2>
      <p>
        当ルームは、本サービスによって特定の結果が得られることを保証するものではありません。当ルームの故意または重過失による場合を除き、損害賠償の額はお支払いいただいた料金を上限とします。
      </p>
      <h2>第8条（準拠法・管轄）</h2>
      <p>本規約は日本法に準拠し、本サービスに関する紛争は名古屋地方裁判所を第一審の専属的合意管轄裁判所とします。</p>
    </LegalPage>
  );
}
