import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { HoldCountdown } from '@/components/booking/hold-countdown';
import { CouponFacts } from '@/components/payments/coupon-facts';
import { CouponForm } from '@/components/payments/coupon-form';
import { enrollmentCouponAction } from '@/features/courses/actions';
import { getCoupon } from '@/features/coupons/service';
import { ApplicationForm } from '@/components/courses/application-form';
import { CourseTerms } from '@/components/courses/course-terms';
import { LessonTime } from '@/components/courses/lesson-time';
import { read } from '@/lib/data';
import { getEnrollment } from '@/features/courses/queries';
import { requireUser } from '@/features/accounts/auth/guards';
import { awaitingVouchersOf } from '@/features/payments/queries';
import { isHoldLive, isPlaceKept } from '@/lib/holds';

export const metadata: Metadata = { title: '講座のお申し込み', robots: { index: false } };

type Props = { params: Promise<{ enrollmentId: string }>; searchParams: Promise<{ cancelled?: string }> };

/** The held seat's application: countdown, the short question, the terms, then payment. Only its own client sees it. */
export default async function CourseApplicationPage({ params, searchParams }: Props) {
  const { enrollmentId } = await params;
  const user = await requireUser(`/courses/apply/${enrollmentId}`);
  const found = await read(getEnrollment, enrollmentId);
  if (!found || found.enrollment.clientId !== user.id) notFound();
  const { enrollment, cohort, course, lessons } = found;
  const now = new Date();
  const live = isHoldLive(enrollment, now);
  const voucher = isPlaceKept(enrollment, now)
    ? (await read(awaitingVouchersOf, 'course', [enrollment.id])).get(enrollment.id)
    : undefined;
  const coupon = enrollment.couponId ? await read(getCoupon, enrollment.couponId) : undefined;
  return (
    <div className="container container--narrow">
      <h1>講座のお申し込み</h1>
      {(await searchParams).cancelled ? (
        <p className="notice">お支払いは完了していません。続ける場合は、もう一度「お支払いへ進む」を押してください。</p>
      ) : null}
      <dl className="facts">
        <dt>講座</dt>
        <dd>
          {course.title}・{cohort.name}
        </dd>
        <dt>初回</dt>
        <dd>{lessons[0] ? <LessonTime at={lessons[0].startsAt.toISOString()} /> : '未定'}</dd>
        <dt>回数</dt>
        <dd>全{lessons.length}回（オンライン）</dd>
        <CouponFacts priceYen={enrollment.priceYen} discountYen={enrollment.discountYen} code={coupon?.code ?? null} />
      </dl>
      {enrollment.status === 'enrolled' ? (
        <p>
          お申し込みとお支払いは完了しています。<Link href={`/portal/courses/${cohort.id}`}>講座のページへ</Link>
        </p>
      ) : enrollment.status === 'awaiting_payment' && voucher ? (
        <section aria-labelledby="konbini-heading" className="panel">
          <h2 id="konbini-heading">お支払い待ち（コンビニ）</h2>
          <p>
            お支払い期限は
            <LessonTime at={voucher.dueAt.toISOString()} />
            です。期限までお席をお取り置きしています。お支払いが確認できしだい受講が確定し、メールでお知らせします。期限を過ぎると自動的にキャンセルとなります。
          </p>
          {voucher.voucherNumber ? <p>確認番号：{voucher.voucherNumber}</p> : null}
          {voucher.voucherUrl ? (
            <p>
              <a href={voucher.voucherUrl} target="_blank" rel="noopener noreferrer">
                払込票を見る<span className="sr-only">（新しいタブで開きます）</span>
              </a>
            </p>
          ) : null}
        </section>
      ) : live ? (
        <>
          <HoldCountdown expiresAt={enrollment.holdExpiresAt!.toISOString()} label="お席の確保" />
          <CouponForm
            key={coupon?.code ?? 'none'}
            id={enrollment.id}
            appliedCode={enrollment.discountYen > 0 ? (coupon?.code ?? null) : null}
            action={enrollmentCouponAction}
          />
          <h2>キャンセル規定</h2>
          <CourseTerms firstLessonAt={lessons[0]?.startsAt ?? null} priceYen={enrollment.priceYen} />
          <ApplicationForm
            enrollmentId={enrollment.id}
            question={course.applicationQuestion}
            answer={enrollment.applicationAnswer}
          />
        </>
      ) : enrollment.status === 'cancelled' ? (
        <p role="alert">
          このお申し込みは取り消されました{cohort.status === 'cancelled' ? '（開講中止のため）' : ''}
          。お支払いがあった場合は返金しています。
        </p>
      ) : (
        <p role="alert">
          お席の確保時間が過ぎました。お手数ですが、
          <Link href={`/courses/${course.slug}`}>講座のページからもう一度お申し込みください</Link>。
        </p>
      )}
    </div>
  );
}
