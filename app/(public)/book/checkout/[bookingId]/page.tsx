import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BookingSteps } from '@/components/booking/booking-steps';
import { BookSlotForm } from '@/components/booking/book-forms';
import { CheckoutForm } from '@/components/booking/checkout-form';
import { CouponFacts } from '@/components/payments/coupon-facts';
import { CouponForm } from '@/components/payments/coupon-form';
import { bookingCouponAction } from '@/features/booking/actions';
import { HoldCountdown } from '@/components/booking/hold-countdown';
import { CancellationTable } from '@/components/legal/cancellation-table';
import { read } from '@/lib/data';
import { getAccountProfile } from '@/features/accounts/queries';
import { getBooking } from '@/features/booking/queries';
import { getCoupon } from '@/features/coupons/service';
import { usableCreditFor } from '@/features/packages/booking-credit';
import { requireUser } from '@/features/accounts/auth/guards';
import { isHoldLive } from '@/lib/holds';
import { practiceTimeZone, whenFor } from '@/lib/time';

export const metadata: Metadata = { title: 'お支払い', robots: { index: false } };

type Props = { params: Promise<{ bookingId: string }>; searchParams: Promise<{ cancelled?: string }> };

export default async function CheckoutPage({ params, searchParams }: Props) {
  const { bookingId } = await params;
  const user = await requireUser(`/book/checkout/${bookingId}`);
  const booking = await read(getBooking, bookingId);
  if (!booking || booking.clientId !== user.id) notFound();
  const profile = await read(getAccountProfile, user.id);
  const now = new Date();
  const live = isHoldLive(booking, now);
  const coupon = booking.couponId ? await read(getCoupon, booking.couponId) : undefined;
  // She held the time and may still choose to book it with a package's credit instead.
  const credit =
    live && booking.status === 'held'
      ? await read(usableCreditFor, { clientId: user.id, sessionTypeId: booking.sessionTypeId, now })
      : undefined;
  return (
    <div className="container container--narrow">
      <BookingSteps current="お支払い" />
      <h1>お支払い</h1>
      {(await searchParams).cancelled ? (
        <p className="notice">お支払いは完了していません。続ける場合は、もう一度「お支払いへ進む」を押してください。</p>
      ) : null}
      <dl className="facts">
        <dt>セッション</dt>
        <dd>{booking.sessionTypeName}</dd>
        <dt>日時</dt>
        <dd>{whenFor(booking.startsAt, profile?.timeZone ?? practiceTimeZone)}</dd>
        <CouponFacts priceYen={booking.priceYen} discountYen={booking.discountYen} code={coupon?.code ?? null} />
      </dl>
      {booking.status === 'confirmed' ? (
        <p>
          このご予約はお支払い済みです。<Link href={`/portal/bookings/${booking.id}`}>予約の詳細へ</Link>
        </p>
      ) : live ? (
        <>
          <HoldCountdown expiresAt={booking.holdExpiresAt!.toISOString()} />
          <CouponForm
            key={coupon?.code ?? 'none'}
            id={booking.id}
            appliedCode={booking.discountYen > 0 ? (coupon?.code ?? null) : null}
            action={bookingCouponAction}
          />
          <h2>キャンセルポリシー</h2>
          <CancellationTable priceYen={booking.priceYen} name={booking.sessionTypeName} />
          <p>日時の変更は、開始48時間前まで（キャンセル料のかからない期間）は無料です。</p>
          {credit ? (
            <BookSlotForm
              slot={{
                sessionType: booking.sessionTypeSlug,
                startsAt: booking.startsAt.toISOString(),
                theme: booking.theme,
              }}
              credit={credit}
            />
          ) : (
            <CheckoutForm bookingId={booking.id} theme={booking.theme} />
          )}
        </>
      ) : (
        <p role="alert">
          仮押さえの時間が過ぎました。お手数ですが、
          <Link href={`/book/${booking.sessionTypeSlug}`}>もう一度日時をお選びください</Link>。
        </p>
      )}
    </div>
  );
}
