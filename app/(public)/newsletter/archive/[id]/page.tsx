import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { read } from '@/lib/data';
import { renderMarkdown } from '@/features/library/domain/markdown';
import { getArchivedIssue } from '@/features/newsletter/queries';
import { siteConfig } from '@/lib/site-config';
import { isUuid } from '@/lib/ids';
import { InvitationBlocks } from '@/components/layout/invitation-blocks';
import { formatDateJa } from '@/lib/time';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

const loadIssue = cache(async (id: string) => (isUuid(id) ? read(getArchivedIssue, id) : undefined));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const issue = await loadIssue((await params).id);
  return { title: issue ? `${issue.subject}｜メールマガジン` : 'メールマガジン' };
}

export default async function ArchivedIssuePage({ params }: Props) {
  const issue = await loadIssue((await params).id);
  if (!issue) notFound();
  return (
    <div className="container container--narrow">
      <p>
        <Link href="/newsletter/archive">バックナンバーの一覧へ</Link>
      </p>
      <article className="article">
        <header className="article__header">
          <h1>{issue.subject}</h1>
          {issue.sentAt ? (
            <p className="article__meta">{formatDateJa(issue.sentAt, siteConfig.timeZone)} 配信</p>
          ) : null}
        </header>
        <div className="prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(issue.bodyMarkdown).html }} />
      </article>
      <p>
        <Link className="button" href="/newsletter">
          メールマガジンに登録する（無料）
        </Link>
      </p>
      <InvitationBlocks />
    </div>
  );
}
