import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BuyPackageForm } from '@/components/packages/buy-package-form';
import { PackageTerms } from '@/components/packages/package-terms';
import { getCurrentUser, loginUrl } from '@/features/accounts/auth/guards';
import { getPackageForSale } from '@/features/packages/queries';
import { read } from '@/lib/data';
import { formatYen } from '@/lib/format';

export const metadata: Metadata = { title: '回数券のご購入', robots: { index: false } };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ cancelled?: string }> };

/** One package: what it covers, its price and validity, the rules, then (signed in) payment. */
export default async function PackagePurchasePage({ params, searchParams }: Props) {
  const { id } = await params;
  const found = await read(getPackageForSale, id);
  if (!found) notFound();
  const user = await getCurrentUser();
  const here = `/packages/${found.id}`;
  return (
    <div className="container container--narrow">
      <h1>回数券のご購入</h1>
      {(await searchParams).cancelled ? (
        <p className="notice">お支払いは完了していません。続ける場合は、もう一度「お支払いへ進む」を押してください。</p>
      ) : null}
      <dl className="facts">
        <dt>回数券</dt>
        <dd>{found.name}</dd>
        <dt>回数</dt>
        <dd>{found.sessionCount}回</dd>
        <dt>使えるセッション</dt>
        <dd>{found.covers.join('、')}</dd>
        <dt>有効期限</dt>
        <dd>お支払いの日から{found.validityMonths}か月</dd>
        <dt>お支払い金額</dt>
        <dd>{formatYen(found.priceYen)}</dd>
      </dl>
      {found.description ? <p>{found.description}</p> : null}
      <h2>回数券の規定</h2>
      <PackageTerms validityMonths={found.validityMonths} />
      {!user ? (
        <p>
          <Link className="button" href={loginUrl(here)}>
            ログインして購入する
          </Link>
          <br />
          <small>
            はじめての方は<Link href={`/register?callbackUrl=${encodeURIComponent(here)}`}>新規登録</Link>
          </small>
        </p>
      ) : user.role === 'counselor' ? (
        <p>カウンセラーのアカウントでは購入できません。</p>
      ) : (
        <BuyPackageForm packageId={found.id} />
      )}
      <p>
        <Link href="/packages">回数券の一覧へ</Link>
      </p>
    </div>
  );
}
