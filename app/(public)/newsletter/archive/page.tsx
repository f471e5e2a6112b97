import type { Metadata } from 'next';
import Link from 'next/link';
import { read } from '@/lib/data';
import { listArchivedIssues } from '@/features/newsletter/queries';
import { siteConfig } from '@/lib/site-config';
import { InvitationBlocks } from '@/components/layout/invitation-blocks';
import { formatDateJa } from '@/lib/time';

export const metadata: Metadata = {
  title: 'メールマガジンのバックナンバー',
  description: '無料メールマガジンのうち、公開しているバックナンバーです。',
  alternates: { canonical: '/newsletter/archive' },
};
// Read per request: the database is never opened during `next build`.
export const dynamic = 'force-dynamic';

export default async function NewsletterArchivePage() {
  const issues = await read(listArchivedIssues);
  return (
    <div className="container container--narrow">
      <h1>メールマガジンのバックナンバー</h1>
      <p>
        配信した号の一部を公開しています。最新号は<Link href="/newsletter">ご登録</Link>いただくと配信日にお届けします。
      </p>
      {issues.length === 0 ? (
        <p>公開しているバックナンバーはまだありません。</p>
      ) : (
        <ul className="state-list">
          {issues.map((issue) => (
            <li key={issue.id}>
              <Link href={`/newsletter/archive/${issue.id}`}>{issue.subject}</Link>
              {issue.sentAt ? <small>　{formatDateJa(issue.sentAt, siteConfig.timeZone)}</small> : null}
            </li>
          ))}
        </ul>
      )}
      <InvitationBlocks />
    </div>
  );
}
