import { describe, expect, it } from 'vitest';
import { bookingIcs, googleCalendarUrl } from './calendar';

const booking = {
  id: '7d3f0a52-6a0e-4c1b-9d7e-0f3c2b1a9e88',
  // 14:00–15:00 in Japan on 3 December 2026.
  startsAt: new Date('2026-12-03T05:00:00Z'),
  endsAt: new Date('2026-12-03T06:00:00Z'),
  mode: 'online',
  meetingUrl: null,
};
const portalUrl = 'https://example.jp/portal/bookings/7d3f0a52-6a0e-4c1b-9d7e-0f3c2b1a9e88';

describe('googleCalendarUrl', () => {
  it('is Google’s event template with the session’s UTC start and end and a discreet title', () => {
    const url = new URL(googleCalendarUrl(booking, portalUrl));
    expect(url.origin + url.pathname).toBe('https://calendar.google.com/calendar/render');
    expect(url.searchParams.get('action')).toBe('TEMPLATE');
    expect(url.searchParams.get('dates')).toBe('20261203T050000Z/20261203T060000Z');
    expect(url.searchParams.get('text')).toBe('カウンセリング');
    expect(url.searchParams.get('details')).toContain(portalUrl);
    expect(url.searchParams.get('location')).toContain('オンライン');
  });

  it('names a phone session’s place without the client’s number', () => {
    const url = new URL(googleCalendarUrl({ ...booking, mode: 'phone' }, portalUrl));
    expect(url.searchParams.get('location')).toBe('お電話（カウンセラーからおかけします）');
  });
});

describe('bookingIcs', () => {
  it('starts and ends at the session’s instants, in UTC, with the same title', () => {
    const ics = bookingIcs(booking, portalUrl);
    expect(ics).toMatch(/DTSTART:20261203T050000Z/);
    expect(ics).toMatch(/DTEND:20261203T060000Z/);
    expect(ics).toContain('SUMMARY:カウンセリング');
  });
});
