import type { Metadata } from 'next';
import Link from 'next/link';
import { DeliveryProgress } from '@/components/newsletter/delivery-progress';
import { RefreshWhileSending } from '@/components/newsletter/sending-progress';
import { read } from '@/lib/data';
import { countSubscribers, listIssues } from '@/features/newsletter/queries';
import { requireCounselor } from '@/features/accounts/auth/guards';
import { siteConfig } from '@/lib/site-config';
import { formatDateTimeJa } from '@/lib/time';

export const metadata: Metadata = { title: 'メールマガジン' };

const statusLabels = { draft: '下書き', scheduled: '配信予約', sending: '配信中', sent: '配信済み' } as const;

export default async function AdminNewsletterPage() {
  await requireCounselor('/admin/newsletter');
  const [counts, issues] = await Promise.all([read(countSubscribers), read(listIssues)]);
  return (
    <>
      <h1>メールマガジン</h1>
      <RefreshWhileSending active={issues.some((i) => i.status === 'sending')} />
      <section aria-labelledby="subscribers-heading">
        <h2 id="subscribers-heading">読者</h2>
        <dl className="facts">
          <dt>配信中（登録確認済み）</dt>
          <dd>{counts.active}人</dd>
          <dt>確認待ち（届きません）</dt>
          <dd>{counts.pending}人</dd>
          <dt>配信停止</dt>
          <dd>{counts.unsubscribed}人</dd>
        </dl>
        <p>
          <a href="/admin/newsletter/subscribers.csv" download>
            読者と同意の記録をCSVでダウンロード
          </a>
        </p>
      </section>
      <section aria-labelledby="issues-heading">
        <h2 id="issues-heading">号</h2>
        <p>配信日は毎週{siteConfig.schedule.newsletter}です。予約した号は、その時刻から順に送られます。</p>
        <p>
          <Link className="button" href="/admin/newsletter/issues/new">
            新しい号を書く
          </Link>
        </p>
        <ul className="state-list" aria-label="号の一覧">
          {issues.map((issue) => (
            <li key={issue.id}>
              <span className="state-badge">{statusLabels[issue.status]}</span>
              <Link href={`/admin/newsletter/issues/${issue.id}`}>{issue.subject}</Link>
              {issue.scheduledAt ? <small>　{formatDateTimeJa(issue.scheduledAt, siteConfig.timeZone)}</small> : null}
              {issue.status === 'sending' || issue.status === 'sent' ? (
                <DeliveryProgress id={`progress-${issue.id}`} counts={issue.deliveries} />
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
