import type { Metadata } from 'next';
import Link from 'next/link';
import { CancellationTable } from '@/components/legal/cancellation-table';
import { read } from '@/lib/data';
import { listSessionTypes } from '@/features/booking/queries';
import { listPackagesForSale } from '@/features/packages/queries';
import { findTheme } from '@/features/library/themes';
import { methodsList } from '@/features/payments/domain/methods';
import { getOfferedMethods } from '@/features/payments/queries';
import { formatYen } from '@/lib/format';
import { invitations } from '@/lib/site-config';
import { InvitationBlocks } from '@/components/layout/invitation-blocks';

export const metadata: Metadata = {
  title: '個人セッション',
  description: 'オンライン・お電話・対面で行う個人カウンセリングセッションの内容と料金（税込）です。',
  alternates: { canonical: '/sessions' },
};
export const dynamic = 'force-dynamic';

const modeLabel = { online: 'オンライン（ビデオ通話）', phone: 'お電話', in_person: '対面（名古屋）' } as const;

type Props = { searchParams: Promise<{ theme?: string }> };

export default async function SessionsPage({ searchParams }: Props) {
  const theme = findTheme((await searchParams).theme);
  const [types, offered, packages] = await Promise.all([
    read(listSessionTypes),
    read(getOfferedMethods),
    read(listPackagesForSale),
  ]);
  return (
    <div className="container container--narrow">
      <h1>個人セッション</h1>
      {theme ? (
        <p className="notice">
          「{theme.label}
          」についてのご相談として承ります。ご予約のあとの事前アンケートも、このテーマに合わせてご用意します。
        </p>
      ) : null}
      <p>{invitations.session.heading}</p>
      <ul>
        {invitations.session.points.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      <p>{invitations.session.body[0]}</p>
      <p>
        <Link href="/counselor">カウンセラーの紹介と、はじめてのセッションの流れ・よくあるご質問</Link>
      </p>

      <h2>セッションの種類と料金</h2>
      <ul className="session-types">
        {types.map((t) => (
          <li key={t.id} className="panel">
            <h3>{t.name}</h3>
            <p>
              {modeLabel[t.mode]}・{t.durationMinutes}分・<strong>{formatYen(t.priceYen)}</strong>
            </p>
            <p>{t.description}</p>
            <Link
              className="button"
              href={`/book/${t.slug}${theme ? `?theme=${theme.id}` : ''}`}
              aria-label={`${t.name}の空き時間を見る`}
            >
              空き時間を見る
            </Link>
          </li>
        ))}
      </ul>
      <p>料金はすべて税込です。お支払いはご予約時の事前決済で、{methodsList(offered)}がご利用いただけます。</p>
      {packages.length > 0 ? (
        <p>
          続けて受ける方には、数回分をまとめた<Link href="/packages">回数券</Link>もご用意しています。
        </p>
      ) : null}

      <h2>キャンセルについて</h2>
      <CancellationTable />
      <p>
        詳しくは<Link href="/legal/cancellation">キャンセルポリシー</Link>をご覧ください。
      </p>
      <InvitationBlocks omit={['session']} />
    </div>
  );
}
