import type { Metadata } from 'next';
import Link from 'next/link';
import { LegalPage } from '@/components/legal/legal-page';
import { formatYen } from '@/lib/format';
import { read } from '@/lib/data';
import { coursePriceText } from '@/components/courses/course-price';
import { listSessionTypes } from '@/features/booking/queries';
import { listCoursePrices } from '@/features/courses/queries';
import { konbiniTerms } from '@/features/payments/domain/konbini';
import { packageRefundRuleText } from '@/features/packages/domain/rules';
import { listPackagesForSale } from '@/features/packages/queries';
import { konbiniCondition, methodsList } from '@/features/payments/domain/methods';
import { getOfferedMethods } from '@/features/payments/queries';
import { cancellationPolicy, siteConfig } from '@/lib/site-config';

export const metadata: Metadata = { title: '特定商取引法に基づく表記', alternates: { canonical: '/legal/tokushoho' } };

// Prices and payment methods come from what the counselor edits, so the page is rendered per request.
export const dynamic = 'force-dynamic';

export default async function TokushohoPage() {
  const { seller } = siteConfig;
  const [sessionTypes, coursePrices, offered, packages] = await Promise.all([
    read(listSessionTypes),
    read(listCoursePrices),
    read(getOfferedMethods),
    read(listPackagesForSale),
  ]);
  const [free, half, full] = cancellationPolicy.session;
  const rows: [string, React.ReactNode][] = [
    ['販売業者', seller.businessName],
    ['運営統括責任者', seller.representative],
    ['所在地', `${seller.postalCode} ${seller.address}`],
    [
      '電話番号',
      <>
        <span className="nowrap">{seller.phone}</span>
        <br />
        {seller.phoneNote}
      </>,
    ],
    ['メールアドレス', seller.email],
    [
      '販売価格',
      <>
        {sessionTypes.map((s) => (
          <span key={s.id} className="block">
            {s.name}：{formatYen(s.priceYen)}
          </span>
        ))}
        {coursePrices.map((c) => (
          <span key={c.slug} className="block">
            {c.title}：{coursePriceText(c)}
          </span>
        ))}
        {packages.map((p) => (
          <span key={p.id} className="block">
            回数券 {p.name}・{p.sessionCount}回分：{formatYen(p.priceYen)}・有効期限はお支払いの日から{p.validityMonths}
            か月
          </span>
        ))}
      </>,
    ],
    ['商品代金以外の必要料金', 'インターネット接続料金・通信料金・通話料金はお客様のご負担となります。'],
    [
      '支払方法',
      <>
        {methodsList(offered)}
        <br />
        いずれもStripeの決済システムを通じてお支払いいただきます。
        {offered.konbini ? `${konbiniCondition}${konbiniTerms}` : null}
      </>,
    ],
    ['支払時期', 'ご予約・お申し込みの確定時にお支払いいただきます（事前決済）。'],
    ['役務の提供時期', '個人セッションはご予約の日時に、心理学講座は各回の開講日時に提供します。'],
    [
      'キャンセル・返金',
      <>
        個人セッション：{free?.label}は無料（全額返金）、{half?.label}は{half?.feePercent}%、{full?.label}は
        {full?.feePercent}%のキャンセル料を申し受けます。 カウンセラーの都合によるキャンセルは全額返金いたします。
        <br />
        心理学講座：初回講義の{cancellationPolicy.course.fullRefundUntilDaysBefore}
        日前までは全額返金、それ以降の返金はいたしかねます。
        <br />
        回数券：キャンセル料のかからない期間のキャンセルでは1回分が戻り、キャンセル料がかかる期間のキャンセルでは1回分を使ったものとします。カウンセラーの都合によるキャンセルでは1回分が戻ります。
        {packageRefundRuleText}
        <br />
        詳しくは<Link href="/legal/cancellation">キャンセルポリシー</Link>をご覧ください。
      </>,
    ],
    ['動作環境', 'オンラインセッション・講座は、ビデオ通話ができるパソコン・スマートフォンでご利用いただけます。'],
  ];
  return (
    <LegalPage title="特定商取引法に基づく表記" updated="2026年11月1日">
      <dl className="legal-table">
        {rows.map(([term, detail]) => (
          <div key={term} className="legal-table__row">
            <dt>{term}</dt>
            <dd>{detail}</dd>
          </div>
        ))}
      </dl>
    </LegalPage>
  );
}
