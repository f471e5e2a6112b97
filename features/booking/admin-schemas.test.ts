import { describe, expect, it } from 'vitest';
import {
  bookingSettingsSchema,
  minutesFromTime,
  overrideSchema,
  sessionTypeSchema,
  timeFromMinutes,
  weeklyHoursSchema,
} from './admin-schemas';

describe('admin inputs', () => {
  it('reads and writes HH:MM as minutes from midnight, up to 24:00', () => {
    expect(minutesFromTime('09:30')).toBe(570);
    expect(minutesFromTime('24:00')).toBe(1440);
    expect(minutesFromTime('24:30')).toBeNaN();
    expect(minutesFromTime('9:30')).toBeNaN();
    expect(timeFromMinutes(570)).toBe('09:30');
    expect(timeFromMinutes(1440)).toBe('24:00');
  });

  it('refuses hours that end before they start, with the message on the end field', () => {
    const result = weeklyHoursSchema.safeParse({ rules: [{ weekday: 1, start: '18:00', end: '10:00' }] });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['rules.0.end', '終了は開始より後の時刻にしてください'],
    ]);
    expect(weeklyHoursSchema.safeParse({ rules: [{ weekday: 7, start: '10:00', end: '18:00' }] }).success).toBe(false);
  });

  it('needs times only for extra hours', () => {
    expect(overrideSchema.safeParse({ kind: 'closed', date: '2026-12-29' }).success).toBe(true);
    expect(overrideSchema.safeParse({ kind: 'extra', date: '2026-12-29' }).success).toBe(false);
    expect(overrideSchema.safeParse({ kind: 'extra', date: '2026-12-29', start: '19:00', end: '21:00' }).success).toBe(
      true,
    );
  });

  it('keeps settings within their ranges and the step to the offered values', () => {
    expect(
      bookingSettingsSchema.safeParse({
        bufferMinutes: 15,
        minNoticeHours: 24,
        horizonDays: 60,
        stepMinutes: 30,
        meetingLinkLeadHours: 24,
      }).success,
    ).toBe(true);
    expect(
      bookingSettingsSchema.safeParse({
        bufferMinutes: -1,
        minNoticeHours: 24,
        horizonDays: 60,
        stepMinutes: 30,
        meetingLinkLeadHours: 24,
      }).error?.issues[0]?.path,
    ).toEqual(['bufferMinutes']);
    expect(
      bookingSettingsSchema.safeParse({
        bufferMinutes: 15,
        minNoticeHours: 24,
        horizonDays: 60,
        stepMinutes: 25,
        meetingLinkLeadHours: 24,
      }).error?.issues[0]?.message,
    ).toBe('10・15・20・30・60分から選んでください');
  });

  it('takes prices as whole yen above zero and slugs in URL form', () => {
    const base = {
      slug: 'online-45',
      name: '45分',
      mode: 'online',
      durationMinutes: 45,
      priceYen: 8800,
      description: '',
      active: true,
      sortOrder: 5,
    };
    expect(sessionTypeSchema.safeParse(base).success).toBe(true);
    expect(sessionTypeSchema.safeParse({ ...base, priceYen: 8800.5 }).error?.issues[0]?.message).toBe(
      '円単位の整数で入力してください',
    );
    expect(sessionTypeSchema.safeParse({ ...base, priceYen: 0 }).success).toBe(false);
    expect(sessionTypeSchema.safeParse({ ...base, slug: 'Online 45' }).success).toBe(false);
    expect(sessionTypeSchema.parse(base).defaultMeetingUrl).toBe('');
    expect(
      sessionTypeSchema.safeParse({ ...base, defaultMeetingUrl: 'http://zoom.us/j/1' }).error?.issues[0]?.message,
    ).toBe('https:// で始まるURLを入力してください（例：https://zoom.us/j/1234567890）');
  });
});
