import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeliveryProgress } from '@/components/newsletter/delivery-progress';
import { IssueEditor } from '@/components/newsletter/issue-editor';
import { RefreshWhileSending } from '@/components/newsletter/sending-progress';
import { MarkdownPreview } from '@/components/publishing/markdown-preview';
import { read } from '@/lib/data';
import { getIssue, listScheduledIssueTimes } from '@/features/newsletter/queries';
import { requireCounselor } from '@/features/accounts/auth/guards';
import { newsletterRhythm, nextPublicationTime } from '@/lib/publication-days';
import { siteConfig } from '@/lib/site-config';
import { isUuid } from '@/lib/ids';
import { formatDateTimeJa, toJstLocal } from '@/lib/time';

export const metadata: Metadata = { title: 'メールマガジンの号' };

type Props = { params: Promise<{ id: string }> };

/** `new` composes a new issue; an id opens one (editable until sending starts). */
export default async function IssuePage({ params }: Props) {
  const { id } = await params;
  await requireCounselor(`/admin/newsletter/issues/${id}`);
  const now = new Date();
  const issue = id === 'new' ? undefined : isUuid(id) ? await read(getIssue, id) : undefined;
  if (id !== 'new' && !issue) notFound();
  const suggested = toJstLocal(nextPublicationTime(now, newsletterRhythm, await read(listScheduledIssueTimes, now)));
  const back = (
    <p>
      <Link href="/admin/newsletter">メールマガジンの画面へ</Link>
    </p>
  );

  if (issue && (issue.status === 'sending' || issue.status === 'sent')) {
    return (
      <>
        {back}
        <h1>{issue.subject}</h1>
        <RefreshWhileSending active={issue.status === 'sending'} />
        <p>
          {issue.status === 'sending' ? '配信中' : '配信済み'}
          {issue.startedAt ? `（開始：${formatDateTimeJa(issue.startedAt, siteConfig.timeZone)}）` : ''}
        </p>
        <DeliveryProgress id="issue-progress" counts={issue.deliveries} />
        <MarkdownPreview markdown={issue.bodyMarkdown} label="配信した本文" />
      </>
    );
  }

  return (
    <>
      {back}
      <h1>{issue ? '号の編集' : '新しい号'}</h1>
      {issue?.status === 'scheduled' && issue.scheduledAt ? (
        <p>配信予約：{formatDateTimeJa(issue.scheduledAt, siteConfig.timeZone)}</p>
      ) : null}
      <IssueEditor
        key={issue?.id ?? 'new'}
        version={issue?.updatedAt.toISOString() ?? 'new'}
        suggestedTime={issue?.scheduledAt ? toJstLocal(issue.scheduledAt) : suggested}
        initial={{
          id: issue?.id,
          subject: issue?.subject ?? '',
          bodyMarkdown: issue?.bodyMarkdown ?? '',
          timing: issue?.status === 'scheduled' ? 'schedule' : 'draft',
          scheduledAt: '',
          inArchive: issue?.inArchive ?? false,
        }}
      />
    </>
  );
}
