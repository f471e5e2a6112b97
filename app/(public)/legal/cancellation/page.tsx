import type { Metadata } from 'next';
import { CancellationTable } from '@/components/legal/cancellation-table';
import { LegalPage } from '@/components/legal/legal-page';
import { PackageTerms } from '@/components/packages/package-terms';
import { refundDestinations } from '@/features/payments/domain/methods';
import { getOfferedMethods } from '@/features/payments/queries';
import { read } from '@/lib/data';
import { cancellationPolicy } from '@/lib/site-config';

export const metadata: Metadata = { title: 'キャンセルポリシー', alternates: { canonical: '/legal/cancellation' } };

// Where refunds go depends on the payment methods offered, the counselor's setting.
export const dynamic = 'force-dynamic';

export default async function CancellationPage() {
  const offered = await read(getOfferedMethods);
  return (
    <LegalPage title="キャンセルポリシー" updated="2026年11月1日">
      <h2>個人セッション</h2>
      <p>
        ご予約のキャンセル・日時の変更は、マイページからいつでもお手続きいただけます。キャンセル料は、お手続きの時点からセッション開始時刻までの時間で決まります。
      </p>
      <CancellationTable />
      <ul>
        <li>キャンセル料のかからない期間であれば、日時の変更（振替）は無料です。</li>
        <li>
          開始時刻を過ぎてもご連絡なくお越しにならない場合（無断キャンセル）は、100%のキャンセル料を申し受けます。
        </li>
        <li>カウンセラーの都合によりキャンセルする場合は、時期にかかわらず全額を返金いたします。</li>
        <li>
          返金はお支払いに使われた{refundDestinations(offered)}
          へ行います。カード会社などにより、反映まで数日かかる場合があります。
        </li>
      </ul>
      <h2>回数券</h2>
      <PackageTerms links={false} />
      <h2>心理学講座</h2>
      <ul>
        <li>
          初回講義の{cancellationPolicy.course.fullRefundUntilDaysBefore}日前までのキャンセルは全額を返金いたします。
        </li>
        <li>それ以降のキャンセル・欠席による返金はいたしかねます。</li>
        <li>講座が中止となった場合は、全額を返金いたします。</li>
      </ul>
      <p>
        お申し込みの前に、このポリシーへの同意をお願いしています。同意の記録は、ご予約・お申し込みとともに保存されます。
      </p>
    </LegalPage>
  );
}
