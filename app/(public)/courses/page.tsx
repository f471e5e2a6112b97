import type { Metadata } from 'next';
import Link from 'next/link';
import { coursePriceText } from '@/components/courses/course-price';
import { read } from '@/lib/data';
import { listCoursePrices, listCourses } from '@/features/courses/queries';
import { cancellationPolicy, invitations } from '@/lib/site-config';
import { InvitationBlocks } from '@/components/layout/invitation-blocks';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: '心理学講座',
  description: 'オンラインで受講できる心理学講座のご案内です。',
  alternates: { canonical: '/courses' },
};

export default async function CoursesPage() {
  const [list, prices] = await Promise.all([read(listCourses), read(listCoursePrices)]);
  return (
    <div className="container container--narrow">
      <h1>心理学講座</h1>
      <h2>{invitations.course.heading}</h2>
      {invitations.course.body.map((p) => (
        <p key={p}>{p}</p>
      ))}
      {list.length === 0 ? (
        <p>次回の開講日程とお申し込みの受付は、準備が整いしだいこのページでお知らせします。</p>
      ) : null}
      <ul className="course-list">
        {list.map((course) => {
          const price = prices.find((p) => p.slug === course.slug);
          return (
            <li key={course.id} className="panel">
              <h2>
                <Link href={`/courses/${course.slug}`}>{course.title}</Link>
              </h2>
              <p>{course.summary}</p>
              <p>
                受講料：
                {price ? coursePriceText(price) : '次回の開講が決まりしだいお知らせします'}
              </p>
            </li>
          );
        })}
      </ul>
      <p>
        キャンセル：初回講義の{cancellationPolicy.course.fullRefundUntilDaysBefore}
        日前までは全額返金、それ以降は返金いたしかねます。
      </p>
      <InvitationBlocks omit={['course']} />
    </div>
  );
}
