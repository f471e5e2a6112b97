import type { Metadata } from 'next';
import { formatYen } from '@/lib/format';
import { cancellationPolicy, invitations, priceList } from '@/lib/site-config';

export const metadata: Metadata = {
  title: '心理学講座',
  description: 'オンラインで受講できる心理学講座のご案内です。',
  alternates: { canonical: '/courses' },
};

export default function CoursesPage() {
  return (
    <div className="container container--narrow">
      <h1>心理学講座</h1>
      <h2>{invitations.course.heading}</h2>
      {invitations.course.body.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <dl className="facts">
        <dt>講座</dt>
        <dd>{priceList.course.name}</dd>
        <dt>受講料</dt>
        <dd>{formatYen(priceList.course.priceYen)}</dd>
        <dt>キャンセル</dt>
        <dd>
          初回講義の{cancellationPolicy.course.fullRefundUntilDaysBefore}日前までは全額返金、それ以降は返金いたしかねます。
        </dd>
      </dl>
      <p>次回の開講日程とお申し込みの受付は、準備が整いしだいこのページでお知らせします。</p>
    </div>
  );
}
