import type { Metadata } from 'next';
import Link from 'next/link';
import { CancellationTable } from '@/components/legal/cancellation-table';
import { findTheme } from '@/features/library/themes';
import { formatYen } from '@/lib/format';
import { invitations, priceList } from '@/lib/site-config';

export const metadata: Metadata = {
  title: '個人セッション',
  description: 'オンライン・お電話・対面で行う個人カウンセリングセッションの内容と料金（税込）です。',
  alternates: { canonical: '/sessions' },
};

const modeLabel = { online: 'オンライン（ビデオ通話）', phone: 'お電話', 'in-person': '対面（名古屋）' } as const;

type Props = { searchParams: Promise<{ theme?: string }> };

export default async function SessionsPage({ searchParams }: Props) {
  const theme = findTheme((await searchParams).theme);
  return (
    <div className="container container--narrow">
      <h1>個人セッション</h1>
      {theme ? (
        <p className="notice">
          「{theme.label}」についてのご相談として承ります。ご予約のあとの事前アンケートも、このテーマに合わせてご用意します。
        </p>
      ) : null}
      <p>{invitations.session.heading}</p>
      <ul>
        {invitations.session.points.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      <p>{invitations.session.body[0]}</p>

      <h2>セッションの種類と料金</h2>
      <div className="table-scroll" role="region" aria-label="セッションの料金" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">セッション</th>
              <th scope="col">方法</th>
              <th scope="col">料金</th>
            </tr>
          </thead>
          <tbody>
            {priceList.sessions.map((s) => (
              <tr key={s.name}>
                <td>{s.name}</td>
                <td>{modeLabel[s.mode]}</td>
                <td>{formatYen(s.priceYen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>料金はすべて税込です。お支払いはクレジットカード（ご予約時の事前決済）です。</p>

      <h2>キャンセルについて</h2>
      <CancellationTable />
      <p>
        詳しくは<Link href="/legal/cancellation">キャンセルポリシー</Link>をご覧ください。
      </p>

      <h2>ご予約</h2>
      <p>オンラインでのご予約受付は準備中です。開始まで今しばらくお待ちください。</p>
    </div>
  );
}
