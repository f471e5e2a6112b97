import 'server-only';
import { createEvent } from 'ics';
import { siteConfig } from '@/lib/site-config';

export type CalendarBooking = { id: string; startsAt: Date; endsAt: Date; mode: string; meetingUrl: string | null };

/**
 * What a calendar entry is called. Discretion: a shared or family calendar shows only this,
 * never the theme, the session type or the practice's specialty.
 */
export const calendarTitle = 'カウンセリング';

function whereOf(mode: string): string {
  return mode === 'online'
    ? 'オンライン（参加URLはマイページに表示されます）'
    : mode === 'phone'
      ? 'お電話（カウンセラーからおかけします）'
      : siteConfig.seller.address;
}

/** The .ics of a booking: the same discreet title and text as the Google Calendar link. */
export function bookingIcs(booking: CalendarBooking, portalUrl: string): string {
  const { error, value } = createEvent({
    uid: `${booking.id}@kokoro-seiri`,
    productId: 'kokoro-seiri/booking',
    start: booking.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: booking.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: calendarTitle,
    description: `ご予約の詳細：${portalUrl}`,
    location: whereOf(booking.mode),
    url: portalUrl,
    status: 'CONFIRMED',
  });
  if (error || !value) throw error ?? new Error('could not build the calendar file');
  return value;
}

/** 2026-12-03T05:00:00.000Z → 20261203T050000Z, the UTC form Google Calendar's `dates` takes. */
const calendarUtc = (instant: Date) =>
  instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/**
 * An 「Googleカレンダーに追加」 link: Google's documented event template URL, no API and no
 * account of ours involved. The event carries the same discreet title and text as the .ics.
 */
export function googleCalendarUrl(booking: CalendarBooking, portalUrl: string): string {
  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: calendarTitle,
    dates: `${calendarUtc(booking.startsAt)}/${calendarUtc(booking.endsAt)}`,
    details: `ご予約の詳細：${portalUrl}`,
    location: whereOf(booking.mode),
  });
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}
