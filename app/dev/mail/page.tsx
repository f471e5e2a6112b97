import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { read } from '@/lib/data';
import { listOutbox } from '@/features/mail/queries';
import { getEnv } from '@/lib/env';
import { formatDateTimeJa, practiceTimeZone } from '@/lib/time';
import { queryTextSchema } from '@/lib/request-input';

export const metadata: Metadata = { title: '送信メール（開発用）', robots: { index: false } };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Development only: the outbox that stands in for a mail server. 404 in production. */
export default async function DevMailPage({ searchParams }: Props) {
  const env = getEnv();
  if (!env.embedded || env.SMTP_URL) notFound();
  const to = queryTextSchema(320).parse((await searchParams).to);
  const mails = await read(listOutbox, { to });
  return (
    <div className="container">
      <h1>送信メール（開発用）</h1>
      <p>メールサーバーの代わりに保存されたメールです。本番環境ではこのページは表示されません。</p>
      {mails.length === 0 ? <p>メールはありません。</p> : null}
      {mails.map((m) => (
        <article key={m.id} className="panel mail" aria-labelledby={`mail-${m.id}`}>
          <h2 id={`mail-${m.id}`}>{m.subject}</h2>
          <p className="mail__meta">
            宛先：<span className="mail__to">{m.to}</span>　送信元：{m.from}　
            {formatDateTimeJa(m.createdAt, practiceTimeZone)}
          </p>
          <pre className="mail__text">{m.text}</pre>
        </article>
      ))}
    </div>
  );
}
