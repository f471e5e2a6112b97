import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SlotCalendar } from '@/components/booking/slot-calendar';
import { read } from '@/lib/data';
import { isTimeZone, practiceTimeZone } from '@/lib/time';
import { BookingSteps } from '@/components/booking/booking-steps';
import { getBookingPageView, getSessionTypeBySlug } from '@/features/booking/queries';
import { getCurrentUser } from '@/features/accounts/auth/guards';
import { findTheme } from '@/features/library/themes';
import { formatYen } from '@/lib/format';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ sessionType: string }>;
  searchParams: Promise<{ theme?: string; month?: string; day?: string; tz?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const type = await read(getSessionTypeBySlug, (await params).sessionType);
  return { title: type ? `${type.name}の予約` : '予約', robots: { index: false } };
}

export default async function BookSessionTypePage({ params, searchParams }: Props) {
  const now = new Date();
  const user = await getCurrentUser();
  const view = await read(getBookingPageView, { sessionTypeSlug: (await params).sessionType, userId: user?.id, now });
  if (!view) notFound();
  const { type, slots, ownHold } = view;
  const query = await searchParams;
  const theme = findTheme(query.theme);
  const tz = isTimeZone(query.tz) ? query.tz : undefined;
  return (
    <div className="container container--narrow">
      <BookingSteps current="日時" />
      <h1>{type.name}の予約</h1>
      <p>
        {formatYen(type.priceYen)}・{type.durationMinutes}
        分。ご希望の日時を選んでください。{user ? null : 'お名前などは次の画面でうかがいます。'}
      </p>
      {ownHold ? (
        <p className="notice">
          お手続き中のご予約があります。
          <Link href={confirmHref(type.slug, ownHold.startsAt, theme?.id, tz)}>お支払いへ進む</Link>
        </p>
      ) : null}
      {theme ? <p className="notice">ご相談のテーマ：{theme.label}</p> : null}
      <SlotCalendar
        slots={slots}
        basePath={`/book/${type.slug}`}
        keep={{ theme: theme?.id, tz }}
        month={query.month}
        day={query.day}
        zone={tz ?? practiceTimeZone}
        now={now}
        ownHold={ownHold ? { start: ownHold.startsAt, end: ownHold.endsAt } : undefined}
        slotHref={(start) => confirmHref(type.slug, start, theme?.id, tz)}
      />
    </div>
  );
}

/** The confirm screen for a time; the viewer's zone travels along so the time reads the same there. */
function confirmHref(slug: string, start: Date, theme?: string, tz?: string): string {
  const params = new URLSearchParams({ start: start.toISOString() });
  if (theme) params.set('theme', theme);
  if (tz) params.set('tz', tz);
  return `/book/${slug}/confirm?${params}`;
}
