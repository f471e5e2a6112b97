import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CancelEnrollmentForm } from '@/components/courses/cancel-enrollment-form';
import { LessonJoin } from '@/components/courses/lesson-join';
import { LessonTime } from '@/components/courses/lesson-time';
import { read } from '@/lib/data';
import { getAccountProfile } from '@/features/accounts/queries';
import { getBookingSettings } from '@/features/booking/queries';
import { lessonLinkView } from '@/features/courses/domain/lessons';
import { courseRefund } from '@/features/courses/domain/terms';
import { getEnrolledCohort } from '@/features/courses/queries';
import { renderMarkdown } from '@/features/library/domain/markdown';
import { requireUser } from '@/features/accounts/auth/guards';
import { formatYen } from '@/lib/format';
import { cancellationPolicy } from '@/lib/site-config';
import { practiceTimeZone } from '@/lib/time';

export const metadata: Metadata = { title: '受講中の講座' };

type Props = { params: Promise<{ id: string }> };

/**
 * A cohort as its enrolled client sees it: the schedule, each lesson's meeting link from the
 * practice's lead time before it, and its materials from their release date. Anyone else (other
 * clients, the counselor, a cancelled seat) gets the same 404 as a page that does not exist.
 */
export default async function PortalCoursePage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/portal/courses/${id}`);
  const found = await read(getEnrolledCohort, { cohortId: id, clientId: user.id });
  if (!found) notFound();
  const { enrollment, cohort, course, lessons, paymentId } = found;
  const [profile, settings] = await Promise.all([read(getAccountProfile, user.id), read(getBookingSettings)]);
  const zone = profile?.timeZone ?? practiceTimeZone;
  // Lessons share the sessions' lead time: one setting for when every meeting link appears.
  const leadHours = settings.meetingLinkLeadHours;
  const now = new Date();
  const first = lessons[0]?.startsAt;
  const refund =
    first && first > now
      ? courseRefund({
          fullRefundUntilDaysBefore:
            enrollment.fullRefundUntilDaysBefore ?? cancellationPolicy.course.fullRefundUntilDaysBefore,
          firstLessonAt: first,
          now,
          priceYen: enrollment.priceYen,
        })
      : null;
  return (
    <>
      <h1>{course.title}</h1>
      <p>
        {cohort.name}・全{lessons.length}回（オンライン）
      </p>
      <p>
        <a className="button button--secondary" href={`/portal/courses/${cohort.id}/ics`} download>
          全日程をカレンダーに追加（.ics）
        </a>
      </p>
      <h2>講義の日程と資料</h2>
      <ol className="lesson-list">
        {lessons.map((lesson, i) => {
          const released = lesson.materialsReleaseAt <= now;
          const materials = released && lesson.materials.trim() ? renderMarkdown(lesson.materials).html : null;
          return (
            <li key={lesson.id} className="panel" aria-labelledby={`lesson-${lesson.id}`}>
              <h3 id={`lesson-${lesson.id}`}>
                第{i + 1}回　{lesson.title}
              </h3>
              <p>
                <LessonTime at={lesson.startsAt.toISOString()} zone={zone} />
              </p>
              <p>
                <LessonJoin number={i + 1} link={lessonLinkView(lesson, leadHours, now)} zone={zone} />
              </p>
              <h4>資料</h4>
              {materials ? (
                <div className="prose" dangerouslySetInnerHTML={{ __html: materials }} />
              ) : (
                <p>
                  {released ? (
                    'この回の資料はありません。'
                  ) : (
                    <>
                      資料は <LessonTime at={lesson.materialsReleaseAt.toISOString()} zone={zone} /> から読めます。
                    </>
                  )}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {paymentId ? (
        <p>
          <Link href={`/portal/payments/${paymentId}/receipt`}>領収書を表示</Link>
        </p>
      ) : null}
      {refund ? (
        <CancelEnrollmentForm
          enrollmentId={enrollment.id}
          preview={
            refund.full
              ? `今キャンセルすると全額の${formatYen(refund.refundYen)}を返金します。`
              : `初回講義の${enrollment.fullRefundUntilDaysBefore ?? cancellationPolicy.course.fullRefundUntilDaysBefore}日前を過ぎたため、今キャンセルしても返金はありません（返金額 0円）。`
          }
        />
      ) : null}
      <p>
        <Link href="/portal">マイページへ戻る</Link>
      </p>
    </>
  );
}
