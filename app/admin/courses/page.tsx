import type { Metadata } from 'next';
import Link from 'next/link';
import { CohortForm, CourseForm } from '@/components/admin/course-forms';
import { read } from '@/lib/data';
import { listCohortsForCounselor, listCourses } from '@/features/courses/queries';
import { requireCounselor } from '@/features/accounts/auth/guards';
import { formatYen } from '@/lib/format';
import { formatDateTimeJa, practiceTimeZone, toJstLocal } from '@/lib/time';

export const metadata: Metadata = { title: '講座' };

export default async function AdminCoursesPage() {
  await requireCounselor('/admin/courses');
  const now = new Date();
  const list = await read(listCourses, { includeInactive: true });
  const cohorts = await Promise.all(list.map((c) => read(listCohortsForCounselor, c.id, now)));
  const defaultDeadline = toJstLocal(new Date(now.getTime() + 30 * 24 * 3600_000)).slice(0, 11) + '23:59';
  return (
    <>
      <h1>講座と開講回</h1>
      <p>
        受講料は税込の金額を円単位で入力します。変更は次のお申し込みから適用され、お申し込み済みの受講料は変わりません。
      </p>
      {list.map((course, i) => (
        <section key={course.id} aria-labelledby={`course-${course.id}`}>
          <h2 id={`course-${course.id}`}>
            {course.title}
            {course.active ? null : '（非公開）'}
          </h2>
          <h3>開講回</h3>
          {cohorts[i]!.length === 0 ? <p>開講回はまだありません。</p> : null}
          <ul className="booking-list">
            {cohorts[i]!.map(({ cohort, seatsTaken }) => (
              <li key={cohort.id}>
                <Link href={`/admin/courses/cohorts/${cohort.id}`}>{cohort.name}</Link>　
                {cohort.status === 'cancelled' ? '中止' : `${seatsTaken}/${cohort.capacity}席`}・
                {formatYen(cohort.priceYen)}・締切 {formatDateTimeJa(cohort.registrationDeadline, practiceTimeZone)}
              </li>
            ))}
          </ul>
          <details>
            <summary>新しい開講回を追加する</summary>
            <CohortForm
              initial={{
                courseId: course.id,
                name: '',
                capacity: 12,
                priceYen: 33000,
                registrationDeadline: defaultDeadline,
              }}
            />
          </details>
          <details>
            <summary>講座の内容を編集する</summary>
            <CourseForm initial={course} />
          </details>
        </section>
      ))}
      <section aria-labelledby="new-course">
        <h2 id="new-course">新しい講座</h2>
        <CourseForm
          initial={{
            slug: '',
            title: '',
            summary: '',
            description: '',
            applicationQuestion: '',
            active: false,
            sortOrder: list.length + 1,
          }}
        />
      </section>
    </>
  );
}
