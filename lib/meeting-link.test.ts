import { describe, expect, it } from 'vitest';
import { meetingUrl, optionalMeetingUrl } from '@/lib/meeting-url';
import { meetingLinkView } from './meeting-link';

const session = {
  startsAt: new Date('2026-12-10T01:00:00Z'), // 10:00 JST
  endsAt: new Date('2026-12-10T02:00:00Z'),
  meetingUrl: 'https://zoom.us/j/1234567890',
};
const at = (iso: string) => new Date(iso);

describe('meetingLinkView', () => {
  it('hides the link until leadHours before the start, and says when it appears', () => {
    const view = meetingLinkView(session, 24, at('2026-12-09T00:59:59Z'));
    expect(view).toEqual({ kind: 'later', visibleFrom: at('2026-12-09T01:00:00Z'), leadHours: 24 });
  });

  it('shows the link from exactly leadHours before the start until the end', () => {
    expect(meetingLinkView(session, 24, at('2026-12-09T01:00:00Z'))).toEqual({ kind: 'link', url: session.meetingUrl });
    expect(meetingLinkView(session, 24, at('2026-12-10T01:59:59Z'))).toEqual({ kind: 'link', url: session.meetingUrl });
  });

  it('follows the practice setting, not a fixed 24 hours', () => {
    expect(meetingLinkView(session, 2, at('2026-12-09T22:59:59Z'))).toMatchObject({
      kind: 'later',
      visibleFrom: at('2026-12-09T23:00:00Z'),
    });
    expect(meetingLinkView(session, 2, at('2026-12-09T23:00:00Z')).kind).toBe('link');
    expect(meetingLinkView(session, 48, at('2026-12-08T02:00:00Z')).kind).toBe('link');
  });

  it('in the window without a link says it is being prepared; after the end, nothing', () => {
    expect(meetingLinkView({ ...session, meetingUrl: null }, 24, at('2026-12-09T12:00:00Z'))).toEqual({
      kind: 'pending',
      leadHours: 24,
    });
    expect(meetingLinkView(session, 24, at('2026-12-10T02:00:00Z'))).toEqual({ kind: 'ended' });
  });
});

describe('meeting URL validation', () => {
  it('takes https links to a real host, trimmed', () => {
    expect(meetingUrl.parse('  https://us02web.zoom.us/j/123?pwd=abc ')).toBe('https://us02web.zoom.us/j/123?pwd=abc');
    expect(optionalMeetingUrl.parse('')).toBe('');
  });

  it.each([
    ['http://zoom.us/j/1', 'https:// で始まるURL'],
    ['zoom.us/j/1', 'https:// で始まるURL'],
    ['javascript:alert(1)', 'https:// で始まるURL'],
    ['https://localhost/room', 'https:// で始まるURL'],
    ['https://zoom.us/j/1 2', '空白'],
  ])('refuses %s with a message in Japanese', (value, message) => {
    const result = optionalMeetingUrl.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join(' ')).toContain(message);
  });
});
