import 'server-only';
import { createEvent } from 'ics';
import { siteConfig } from '@/lib/site-config';

export type CalendarBooking = { id: string; startsAt: Date; endsAt: Date; mode: string; meetingUrl: string | null };

/**
 * The .ics of a booking. Discretion: the title and text say only "a session" and the
 * practice's name; never the theme, so a shared calendar reveals nothing more.
 */
export function bookingIcs(booking: CalendarBooking, portalUrl: string): string {
  const where =
    booking.mode === 'online'
      ? `オンライン（参加URLはマイページに表示されます）`
      : booking.mode === 'phone'
        ? 'お電話（カウンセラーからおかけします）'
        : `${siteConfig.seller.address}`;
  const { error, value } = createEvent({
    uid: `${booking.id}@kokoro-seiri`,
    productId: 'kokoro-seiri/booking',
    start: booking.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: booking.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: `セッション（${siteConfig.name}）`,
    description: `ご予約の詳細：${portalUrl}`,
    location: where,
    url: portalUrl,
    status: 'CONFIRMED',
  });
  if (error || !value) throw error ?? new Error('could not build the calendar file');
  return value;
}
