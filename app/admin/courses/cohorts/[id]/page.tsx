import type { Metadata } from 'next';
import Link from 'next/link';
import { Fragment } from 'react';
import { notFound } from 'next/navigation';
import {
  AnnouncementForm,
  CancelCohortForm,
  CancelSeatRow,
  CohortForm,
  LessonForm,
} from '@/components/admin/course-forms';
import { AwaitingVoucherLine } from '@/components/admin/awaiting-voucher';
import { read } from '@/lib/data';
import { getCohortForCounselor } from '@/features/courses/queries';
import { awaitingVouchersOf, paymentStatusLabel } from '@/features/payments/queries';
import { requireCounselor } from '@/features/accounts/auth/guards';
import { formatYen } from '@/lib/format';
import { formatDateTimeJa, practiceTimeZone, toJstLocal } from '@/lib/time';

export const metadata: Metadata = { title: '開講回' };

const seatLabel = {
  held: 'お席を確保中・お支払い前',
  awaiting_payment: 'コンビニ支払い待ち',
  enrolled: '受講確定',
  cancelled: 'キャンセル',
  expired: '期限切れ',
} as const;
const lineLabel = {
  waiting: '待機中',
  offered: 'ご案内中（24時間）',
  accepted: 'お申し込み済み',
  lapsed: '期限切れ',
  left: '取り消し',
  closed: '終了',
} as const;

type Props = { params: Promise<{ id: string }> };

export default async function AdminCohortPage({ params }: Props) {
  const { id } = await params;
  await requireCounselor(`/admin/courses/cohorts/${id}`);
  const found = await read(getCohortForCounselor, id);
  if (!found) notFound();
  const { cohort, course, lessons, roster, line } = found;
  const vouchers = await read(
    awaitingVouchersOf,
    'course',
    roster.filter((r) => r.enrollment.status === 'awaiting_payment').map((r) => r.enrollment.id),
  );
  const enrolled = roster.filter((r) => r.enrollment.status === 'enrolled');
  const paid = roster.filter((r) => r.paymentStatus === 'paid' || r.paymentStatus === 'partially_refunded');
  const last = lessons.at(-1);
  const nextStart = last
    ? new Date(last.startsAt.getTime() + 7 * 24 * 3600_000)
    : new Date(cohort.registrationDeadline.getTime() + 3 * 24 * 3600_000);
  const name = (r: { familyName: string | null; givenName: string | null; email: string | null }) =>
    r.email ? `${r.familyName ?? ''} ${r.givenName ?? ''}（${r.email}）` : '（退会済み）';
  // The address too: two participants may share a name.
  const addressed = (r: { familyName: string | null; givenName: string | null; email: string | null }) =>
    r.email ? `${r.familyName ?? ''} ${r.givenName ?? ''}さん（${r.email}）` : '退会済みの方';
  return (
    <>
      <p>
        <Link href="/admin/courses">講座の一覧へ</Link>
      </p>
      <h1>
        {course.title}　{cohort.name}
        {cohort.status === 'cancelled' ? '（中止）' : null}
      </h1>
      {cohort.status === 'cancelled' && cohort.cancelledAt ? (
        <p className="notice">
          {formatDateTimeJa(cohort.cancelledAt, practiceTimeZone)}
          に開講を中止しました。お支払い済みの方には全額を返金し、お申し込み・キャンセル待ちの方にお知らせしました。
        </p>
      ) : null}
      <dl className="facts">
        <dt>定員</dt>
        <dd>
          {cohort.capacity}名（受講確定 {enrolled.length}名・お支払い前の確保{' '}
          {roster.filter((r) => r.enrollment.status === 'held' || r.enrollment.status === 'awaiting_payment').length}
          名・キャンセル待ち {line.length}名）
        </dd>
        <dt>受講料</dt>
        <dd>{formatYen(cohort.priceYen)}</dd>
        <dt>申込締切</dt>
        <dd>{formatDateTimeJa(cohort.registrationDeadline, practiceTimeZone)}（日本時間）</dd>
      </dl>

      <h2>受講者</h2>
      {roster.length === 0 ? (
        <p>お申し込みはまだありません。</p>
      ) : (
        <div className="table-scroll" role="region" aria-label="受講者とお支払いの状態" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">お名前</th>
                <th scope="col">状態</th>
                <th scope="col">お支払い</th>
                <th scope="col">質問への回答</th>
              </tr>
            </thead>
            <tbody>
              {roster.map((r) => (
                <Fragment key={r.enrollment.id}>
                  <tr>
                    <td>{name(r)}</td>
                    <td>
                      {r.enrollment.status === 'cancelled' && r.enrollment.cancelledBy === 'counselor'
                        ? 'キャンセル（カウンセラーから）'
                        : seatLabel[r.enrollment.status]}
                    </td>
                    <td>
                      {vouchers.has(r.enrollment.id) ? (
                        <>
                          コンビニ支払い待ち・{formatYen(r.enrollment.priceYen)}
                          <br />
                          <small>
                            <AwaitingVoucherLine voucher={vouchers.get(r.enrollment.id)!} />
                          </small>
                        </>
                      ) : r.paymentStatus ? (
                        `${paymentStatusLabel[r.paymentStatus]}・${formatYen(r.paidYen ?? 0)}${r.refundedYen ? `・返金 ${formatYen(r.refundedYen)}` : ''}`
                      ) : (
                        '未払い'
                      )}
                    </td>
                    <td>{r.enrollment.applicationAnswer || '—'}</td>
                  </tr>
                  <CancelSeatRow
                    enrollmentId={r.enrollment.id}
                    participant={addressed(r)}
                    refundYen={r.enrollment.priceYen}
                    cancellable={r.enrollment.status === 'enrolled'}
                    columns={4}
                  />
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>キャンセル待ち</h2>
      {line.length === 0 ? (
        <p>キャンセル待ちの方はいません。</p>
      ) : (
        <ol>
          {line.map((l) => (
            <li key={l.entry.id}>
              {name(l)}・{lineLabel[l.entry.status]}・登録 {formatDateTimeJa(l.entry.createdAt, practiceTimeZone)}
            </li>
          ))}
        </ol>
      )}

      <h2>講義</h2>
      {lessons.map((lesson, i) => (
        <details key={lesson.id} className="panel">
          <summary>
            第{i + 1}回　{formatDateTimeJa(lesson.startsAt, practiceTimeZone)}　{lesson.title}
          </summary>
          <LessonForm
            initial={{
              id: lesson.id,
              cohortId: cohort.id,
              title: lesson.title,
              startsAt: toJstLocal(lesson.startsAt),
              minutes: Math.round((lesson.endsAt.getTime() - lesson.startsAt.getTime()) / 60_000),
              meetingUrl: lesson.meetingUrl ?? '',
              materials: lesson.materials,
              materialsReleaseAt: toJstLocal(lesson.materialsReleaseAt),
            }}
          />
        </details>
      ))}
      <details className="panel">
        <summary>講義を追加する</summary>
        <LessonForm
          initial={{
            cohortId: cohort.id,
            title: '',
            startsAt: toJstLocal(nextStart),
            minutes: 60,
            meetingUrl: '',
            materials: '',
            materialsReleaseAt: toJstLocal(new Date(nextStart.getTime() - 24 * 3600_000)),
          }}
        />
      </details>

      {cohort.status === 'open' ? (
        <>
          <h2>開講回の設定</h2>
          <CohortForm
            initial={{
              id: cohort.id,
              courseId: course.id,
              name: cohort.name,
              capacity: cohort.capacity,
              priceYen: cohort.priceYen,
              registrationDeadline: toJstLocal(cohort.registrationDeadline),
            }}
          />
          <AnnouncementForm cohortId={cohort.id} participants={enrolled.length} />
          <CancelCohortForm cohortId={cohort.id} paidSeats={paid.length} awaitingSeats={vouchers.size} />
        </>
      ) : null}
    </>
  );
}
