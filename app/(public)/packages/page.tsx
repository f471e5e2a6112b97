import type { Metadata } from 'next';
import Link from 'next/link';
import { PackageTerms } from '@/components/packages/package-terms';
import { listPackagesForSale } from '@/features/packages/queries';
import { read } from '@/lib/data';
import { formatYen } from '@/lib/format';

export const metadata: Metadata = {
  title: '回数券',
  description: '続けてセッションを受ける方のための回数券の内容・料金（税込）・有効期限です。',
  alternates: { canonical: '/packages' },
};
export const dynamic = 'force-dynamic';

export default async function PackagesPage() {
  const packages = await read(listPackagesForSale);
  return (
    <div className="container container--narrow">
      <h1>回数券</h1>
      <p>
        続けてセッションを受ける方のための、数回分をまとめた回数券です。ご予約の際に回数券を使うと、その回のお支払いは不要です。
      </p>
      {packages.length === 0 ? (
        <p>現在お取り扱いしている回数券はありません。</p>
      ) : (
        <ul className="session-types">
          {packages.map((p) => (
            <li key={p.id} className="panel">
              <h2>{p.name}</h2>
              <dl className="facts">
                <dt>回数</dt>
                <dd>{p.sessionCount}回</dd>
                <dt>料金</dt>
                <dd>
                  <strong>{formatYen(p.priceYen)}</strong>
                  <br />
                  <small>1回あたり{formatYen(Math.floor(p.priceYen / p.sessionCount))}</small>
                </dd>
                <dt>有効期限</dt>
                <dd>お支払いの日から{p.validityMonths}か月</dd>
                <dt>使えるセッション</dt>
                <dd>{p.covers.join('、')}</dd>
              </dl>
              {p.description ? <p>{p.description}</p> : null}
              <Link className="button" href={`/packages/${p.id}`} aria-label={`${p.name}の購入手続きへ`}>
                購入手続きへ
              </Link>
            </li>
          ))}
        </ul>
      )}
      <h2>回数券の規定</h2>
      <PackageTerms />
      <p>
        <Link href="/sessions">個人セッションの種類と料金</Link>
      </p>
    </div>
  );
}
