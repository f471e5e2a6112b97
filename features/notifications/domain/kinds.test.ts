import { describe, expect, it } from 'vitest';
import {
  dailyAgendaDueDate,
  defaultNoticeSettings,
  type NoticeSettings,
  notificationKindsInOrder,
  wantsNotice,
} from './kinds';

const tokyo = 'Asia/Tokyo';
const settings = (over: Partial<NoticeSettings> = {}): NoticeSettings => ({ ...defaultNoticeSettings, ...over });

describe('which notices go out', () => {
  it('every kind is on until she turns it off', () => {
    for (const kind of notificationKindsInOrder) expect(wantsNotice(defaultNoticeSettings, kind)).toBe(true);
  });

  it('a kind she turned off stays off; the others still go', () => {
    const s = settings({ disabledKinds: ['booking_rescheduled', 'refund_failing'] });
    expect(wantsNotice(s, 'booking_rescheduled')).toBe(false);
    expect(wantsNotice(s, 'refund_failing')).toBe(false);
    expect(wantsNotice(s, 'booking_paid')).toBe(true);
    expect(wantsNotice(s, 'intake_flagged')).toBe(true);
  });

  it('lists all ten kinds (the nine the issue names and a package bought), once each', () => {
    expect(new Set(notificationKindsInOrder).size).toBe(10);
  });
});

describe('the daily agenda mail', () => {
  const on = settings({ dailyAgendaEnabled: true, dailyAgendaMinute: 7 * 60 });

  it('is off by default', () => {
    expect(dailyAgendaDueDate(defaultNoticeSettings, new Date('2026-12-03T22:00:00Z'), tokyo)).toBeNull();
  });

  it('is due from 7:00 Japan time, for that Japan date (the previous day in UTC)', () => {
    // 2026-12-04 07:00 JST = 2026-12-03 22:00 UTC.
    expect(dailyAgendaDueDate(on, new Date('2026-12-03T21:59:00Z'), tokyo)).toBeNull();
    expect(dailyAgendaDueDate(on, new Date('2026-12-03T22:00:00Z'), tokyo)).toBe('2026-12-04');
    expect(dailyAgendaDueDate(on, new Date('2026-12-03T23:30:00Z'), tokyo)).toBe('2026-12-04');
  });

  it('is not sent in the middle of her day when the job was down past the grace period', () => {
    expect(dailyAgendaDueDate(on, new Date('2026-12-04T00:00:00Z'), tokyo)).toBe('2026-12-04'); // 9:00 JST
    expect(dailyAgendaDueDate(on, new Date('2026-12-04T00:01:00Z'), tokyo)).toBeNull(); // 9:01 JST
  });

  it('a late time near midnight stays on its own Japan date', () => {
    const late = settings({ dailyAgendaEnabled: true, dailyAgendaMinute: 23 * 60 + 30 });
    expect(dailyAgendaDueDate(late, new Date('2026-12-31T14:45:00Z'), tokyo)).toBe('2026-12-31'); // 23:45 JST
    expect(dailyAgendaDueDate(late, new Date('2026-12-31T15:10:00Z'), tokyo)).toBeNull(); // 00:10 on 1 Jan
  });
});
