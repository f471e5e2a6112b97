import { LessonTime } from '@/components/courses/lesson-time';
import { courseRefund } from '@/features/courses/domain/terms';
import { formatYen } from '@/lib/format';
import { cancellationPolicy } from '@/lib/site-config';

/** The course's cancellation terms, worked out for a cohort's first lesson and price. */
export function CourseTerms({ firstLessonAt, priceYen }: { firstLessonAt: Date | null; priceYen: number }) {
  const days = cancellationPolicy.course.fullRefundUntilDaysBefore;
  const until = firstLessonAt
    ? courseRefund({ fullRefundUntilDaysBefore: days, firstLessonAt, now: firstLessonAt, priceYen }).refundUntil
    : null;
  return (
    <ul className="course-terms">
      <li>
        初回講義の{days}日前まで
        {until ? (
          <>
            （<LessonTime at={until.toISOString()} />
            まで）
          </>
        ) : null}
        のキャンセルは、全額の{formatYen(priceYen)}を返金します。
      </li>
      <li>それ以降のキャンセルは返金いたしかねます。欠席された回の振替もありません。</li>
      <li>開講を中止する場合は、全額を返金します。</li>
    </ul>
  );
}
