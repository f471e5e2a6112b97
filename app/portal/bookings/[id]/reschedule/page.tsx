import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RescheduleForm } from '@/components/booking/reschedule-form';
import { SlotCalendar } from '@/components/booking/slot-calendar';
import { read } from '@/lib/data';
import { getAccountProfile } from '@/features/accounts/queries';
import { sessionCancellationTerms } from '@/features/booking/domain/cancellation';
import { getBooking, getOpenSlots } from '@/features/booking/queries';
import { requireUser } from '@/features/accounts/auth/guards';
import { cancellationPolicy } from '@/lib/site-config';
import { isTimeZone, practiceTimeZone, whenFor } from '@/lib/time';

export const metadata: Metadata = { title: '日時の変更' };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ start?: string; month?: string; day?: string; tz?: string }>;
};

/** A free reschedule, while the policy allows one: pick a slot, then confirm. */
export default async function ReschedulePage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireUser(`/portal/bookings/${id}/reschedule`);
  const booking = await read(getBooking, id);
  if (!booking || booking.clientId !== user.id) notFound();
  const now = new Date();
  const terms = sessionCancellationTerms({
    policy: booking.policy ?? cancellationPolicy.session,
    startsAt: booking.startsAt,
    now,
    priceYen: booking.priceYen,
    cancelledBy: 'client',
  });
  const profile = await read(getAccountProfile, user.id);
  const zone = profile?.timeZone ?? practiceTimeZone;
  const query = await searchParams;
  const start = query.start;
  const tz = isTimeZone(query.tz) ? query.tz : undefined;
  const chosen = start ? new Date(start) : undefined;
  return (
    <>
      <h1>日時の変更</h1>
      <dl className="facts">
        <dt>セッション</dt>
        <dd>{booking.sessionTypeName}</dd>
        <dt>現在の日時</dt>
        <dd>{whenFor(booking.startsAt, zone)}</dd>
      </dl>
      {booking.status !== 'confirmed' || !terms.freeReschedule ? (
        <p role="alert">開始48時間前を過ぎたため、日時の変更はできません。</p>
      ) : chosen && !Number.isNaN(chosen.getTime()) ? (
        <>
          <p>新しい日時：{whenFor(chosen, zone)}</p>
          <RescheduleForm bookingId={booking.id} startsAt={chosen.toISOString()} />
          <p>
            <Link href={`/portal/bookings/${booking.id}/reschedule`}>別の日時を選ぶ</Link>
          </p>
        </>
      ) : (
        <SlotCalendar
          slots={await read(getOpenSlots, booking, now)}
          basePath={`/portal/bookings/${booking.id}/reschedule`}
          keep={{ tz }}
          month={query.month}
          day={query.day}
          zone={tz ?? zone}
          now={now}
          slotHref={(slot) =>
            `/portal/bookings/${booking.id}/reschedule?start=${encodeURIComponent(slot.toISOString())}`
          }
        />
      )}
      <p>
        <Link href={`/portal/bookings/${booking.id}`}>予約の詳細へ戻る</Link>
      </p>
    </>
  );
}
