import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BookSlotForm, SignUpAndBookForm } from '@/components/booking/book-forms';
import { BookingSteps } from '@/components/booking/booking-steps';
import { CancellationTable } from '@/components/legal/cancellation-table';
import { KeepWhole } from '@/components/ui/keep-whole';
import { describeLateBookingFee, lateBookingFee } from '@/features/booking/domain/late-booking';
import { bookingMessages } from '@/features/booking/domain/messages';
import { sessionTypeLabel } from '@/features/booking/domain/session-label';
import { getConfirmView } from '@/features/booking/queries';
import { usableCreditFor } from '@/features/packages/booking-credit';
import { findTheme } from '@/features/library/themes';
import { getCurrentUser } from '@/features/accounts/auth/guards';
import { read } from '@/lib/data';
import { formatYen } from '@/lib/format';
import { messages } from '@/lib/messages';
import { cancellationPolicy } from '@/lib/site-config';
import { isTimeZone, practiceTimeZone, whenFor } from '@/lib/time';

export const metadata: Metadata = { title: 'ご予約内容の確認', robots: { index: false } };

type Props = {
  params: Promise<{ sessionType: string }>;
  searchParams: Promise<{ start?: string; theme?: string; tz?: string; notice?: string }>;
};

/**
 * Step 2 of booking (お客様情報): the chosen time at the top, what cancelling would cost from
 * the moment of booking, and one form that goes on to payment. A signed-out visitor signs up
 * (or signs in) in that same form; nothing waits for a mail.
 */
export default async function ConfirmSlotPage({ params, searchParams }: Props) {
  const { sessionType } = await params;
  const { start, theme, tz, notice } = await searchParams;
  const startsAt = start ? new Date(start) : undefined;
  if (!startsAt || Number.isNaN(startsAt.getTime())) notFound();
  const user = await getCurrentUser();
  const now = new Date();
  const view = await read(getConfirmView, { sessionTypeSlug: sessionType, startsAt, userId: user?.id, now });
  if (!view) notFound();
  const { type, profile, liveHold, availability } = view;
  // A client with a session package covering this session may book with one of its credits.
  const credit = user ? await read(usableCreditFor, { clientId: user.id, sessionTypeId: type.id, now }) : undefined;
  const chosenTheme = findTheme(theme);
  const zone = profile?.timeZone ?? (isTimeZone(tz) ? tz : practiceTimeZone);
  const lateFee = lateBookingFee({ policy: cancellationPolicy.session, startsAt, now, priceYen: type.priceYen });
  const backHref = `/book/${type.slug}?${new URLSearchParams({
    ...(chosenTheme ? { theme: chosenTheme.id } : {}),
    ...(isTimeZone(tz) ? { tz } : {}),
  })}`;
  const slot = { sessionType: type.slug, startsAt: startsAt.toISOString(), theme: chosenTheme?.id ?? null };
  const gone =
    availability === 'taken' || availability === 'unavailable' || notice === 'taken' || notice === 'unavailable';
  return (
    <div className="container container--narrow">
      <BookingSteps current="お客様情報" />
      <h1>ご予約内容の確認</h1>
      <p className="booking-when">{whenFor(startsAt, zone)}</p>
      <dl className="facts">
        <dt>セッション</dt>
        <dd>{sessionTypeLabel(type)}</dd>
        <dt>料金</dt>
        <dd>{formatYen(type.priceYen)}</dd>
      </dl>
      {gone ? (
        <>
          <p role="alert" className="form-status form-status--error">
            {availability === 'unavailable' || notice === 'unavailable'
              ? messages.errors.slotUnavailable
              : messages.errors.slotTaken}
          </p>
          <p>
            <Link className="button" href={backHref}>
              別の日時を選ぶ
            </Link>
          </p>
        </>
      ) : (
        <>
          {availability === 'own' ? (
            <p className="notice">お手続き中のご予約です。お支払いを済ませると、ご予約が確定します。</p>
          ) : liveHold ? (
            <p className="notice">
              お手続き中のご予約 {whenFor(liveHold.startsAt, zone)} は、この日時で進むと取り消されます。
              ご予約は一度にひとつまでです。
            </p>
          ) : null}
          {lateFee ? (
            <p className="notice" role="note">
              {/* An amount with its percentage and （税込） never breaks on a phone (50%・／5,500円, 税／込). */}
              <strong>
                <KeepWhole text={describeLateBookingFee(lateFee)} />
              </strong>
              {credit ? <> {bookingMessages.credit.lateBooking}</> : null}
            </p>
          ) : null}
          <p>この画面で進むと、お支払いまでの30分間、この時間はほかの方には予約されません。</p>
          <h2>キャンセルポリシー</h2>
          <CancellationTable priceYen={type.priceYen} name={type.name} />
          <p>日時の変更は、開始48時間前までなら無料です。</p>
          {user ? <BookSlotForm slot={slot} credit={credit} /> : <SignUpAndBookForm slot={slot} />}
          <p>
            <Link href={backHref}>別の日時を選ぶ</Link>
          </p>
        </>
      )}
    </div>
  );
}
