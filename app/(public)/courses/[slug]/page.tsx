import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { CourseTerms } from '@/components/courses/course-terms';
import { LessonTime } from '@/components/courses/lesson-time';
import { SeatButton } from '@/components/courses/seat-buttons';
import { read } from '@/lib/data';
import { registrationState, seatsLeft } from '@/features/courses/domain/terms';
import { getClientCourseStanding, getCourseBySlug } from '@/features/courses/queries';
import { getCurrentUser, loginUrl } from '@/features/accounts/auth/guards';
import { formatYen } from '@/lib/format';
import { InvitationBlocks } from '@/components/layout/invitation-blocks';
import { isHoldLive } from '@/lib/holds';
import { routeSegmentOrNotFound } from '@/lib/request-input';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

/** One read per request, shared by the metadata and the page. */
const loadCourse = cache(async (slug: string) => read(getCourseBySlug, routeSegmentOrNotFound(slug), new Date()));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await loadCourse((await params).slug);
  if (!found) return { title: '心理学講座' };
  return {
    title: found.course.title,
    description: found.course.summary,
    alternates: { canonical: `/courses/${found.course.slug}` },
  };
}

export default async function CoursePage({ params }: Props) {
  const { slug } = await params;
  const now = new Date();
  const found = await loadCourse(slug);
  if (!found) notFound();
  const { course } = found;
  // Cohorts under way or over are the enrolled clients' business (their portal), not the visitor's.
  const cohorts = found.cohorts.filter((c) => !c.lessons[0] || c.lessons[0].startsAt > now);
  const user = await getCurrentUser();
  const standing = user
    ? await read(
        getClientCourseStanding,
        user.id,
        cohorts.map((c) => c.id),
      )
    : { seats: [], waiting: [] };
  return (
    <div className="container container--narrow">
      <h1>{course.title}</h1>
      {course.description.split(/\n{2,}/).map((p) => (
        <p key={p}>{p}</p>
      ))}
      <h2>開講日程</h2>
      {cohorts.length === 0 ? <p>次回の開講日程は、決まりしだいこのページでお知らせします。</p> : null}
      {cohorts.map((cohort) => {
        const state = registrationState({ ...cohort, deadline: cohort.registrationDeadline, now });
        const seat = standing.seats.find(
          (s) => s.cohortId === cohort.id && (s.status === 'enrolled' || isHoldLive(s, now)),
        );
        const waiting = standing.waiting.some((w) => w.cohortId === cohort.id);
        const headingId = `cohort-${cohort.id}-heading`;
        return (
          <section key={cohort.id} className="panel cohort" aria-labelledby={headingId}>
            <h3 id={headingId}>{cohort.name}</h3>
            <dl className="facts">
              <dt>受講料</dt>
              <dd>{formatYen(cohort.priceYen)}</dd>
              <dt>残席</dt>
              <dd>
                {state === 'full'
                  ? '満席（キャンセル待ちを受け付けています）'
                  : `${seatsLeft(cohort.capacity, cohort.seatsTaken)}席（定員${cohort.capacity}名）`}
              </dd>
              <dt>申込締切</dt>
              <dd>
                <LessonTime at={cohort.registrationDeadline.toISOString()} />
              </dd>
            </dl>
            <h4>講義の日程（全{cohort.lessons.length}回・オンライン）</h4>
            <ol className="lesson-dates">
              {cohort.lessons.map((lesson) => (
                <li key={lesson.id}>
                  <LessonTime at={lesson.startsAt.toISOString()} />　{lesson.title}
                </li>
              ))}
            </ol>
            {seat?.status === 'enrolled' ? (
              <p>
                お申し込み済みです。<Link href={`/portal/courses/${cohort.id}`}>マイページで日程と資料を見る</Link>
              </p>
            ) : seat ? (
              <p>
                お席を確保しています。<Link href={`/courses/apply/${seat.id}`}>お申し込みを続ける</Link>
              </p>
            ) : state === 'closed' ? (
              <p>お申し込みの受付は締め切りました。</p>
            ) : !user ? (
              <p>
                <Link className="button" href={loginUrl(`/courses/${course.slug}`)}>
                  ログインして{state === 'full' ? 'キャンセル待ちに登録する' : '申し込む'}
                </Link>
                <br />
                <small>
                  はじめての方は
                  <Link href={`/register?callbackUrl=${encodeURIComponent(`/courses/${course.slug}`)}`}>新規登録</Link>
                </small>
              </p>
            ) : waiting ? (
              <>
                <p className="notice">キャンセル待ちに登録しています。お席が空いたらメールでお知らせします。</p>
                <SeatButton cohortId={cohort.id} cohortName={cohort.name} kind="leave" />
              </>
            ) : (
              <SeatButton cohortId={cohort.id} cohortName={cohort.name} kind={state === 'full' ? 'waitlist' : 'hold'} />
            )}
          </section>
        );
      })}
      {cohorts[0] ? (
        <>
          <h2>キャンセル規定</h2>
          <CourseTerms firstLessonAt={null} priceYen={cohorts[0].priceYen} />
        </>
      ) : null}
      <InvitationBlocks omit={['course']} />
    </div>
  );
}
