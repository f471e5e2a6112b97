import { describe, expect, it } from 'vitest';
import { addMonths, buildSlotMonth } from './slot-month';

const hour = 3_600_000;
const slot = (iso: string) => ({ start: new Date(iso), end: new Date(new Date(iso).getTime() + hour) });
// 2026-12-28 10:00 JST, and open time only in January: 4th 10:00 and 14:00 JST, 5th 10:00 JST.
const now = new Date('2026-12-28T01:00:00Z');
const slots = [slot('2027-01-04T01:00:00Z'), slot('2027-01-04T05:00:00Z'), slot('2027-01-05T01:00:00Z')];
const base = { slots, viewerTimeZone: 'Asia/Tokyo', practiceTimeZone: 'Asia/Tokyo', now };

describe('buildSlotMonth', () => {
  it('opens on the first month with open time, on its first open day', () => {
    const view = buildSlotMonth(base);
    expect(view.month).toBe('2027-01');
    expect(view.monthLabel).toBe('2027年1月');
    expect(view.day?.date).toBe('2027-01-04');
    expect(view.day?.slots.map((s) => s.time)).toEqual(['10:00', '14:00']);
    expect(view.previousMonth).toBe('2026-12');
    expect(view.nextMonth).toBeUndefined();
    expect(view.today).toBe('2026-12-28');
  });

  it('lays the month out in Sunday-first weeks and marks the open days', () => {
    const view = buildSlotMonth(base);
    // 2027-01-01 is a Friday: five empty cells before it, 31 days, padded to whole weeks.
    expect(view.weeks[0]!.slice(0, 5)).toEqual([null, null, null, null, null]);
    expect(view.weeks[0]![5]).toMatchObject({ date: '2027-01-01', dayOfMonth: 1, open: false });
    expect(view.weeks.flat()).toHaveLength(42);
    const open = view.weeks.flat().filter((c) => c?.open);
    expect(open.map((c) => c!.label)).toEqual(['1月4日(月) 空きあり', '1月5日(火) 空きあり']);
  });

  it('shows the day asked for, and falls back for a day without open time or outside the month', () => {
    expect(buildSlotMonth({ ...base, month: '2027-01', day: '2027-01-05' }).day?.date).toBe('2027-01-05');
    expect(buildSlotMonth({ ...base, month: '2027-01', day: '2027-01-06' }).day?.date).toBe('2027-01-04');
    expect(buildSlotMonth({ ...base, day: '2027-01-05' }).month).toBe('2027-01');
  });

  it('opens on the day of her own hold, marked, unless another month or day is asked for', () => {
    // Her hold: 5 January 14:00 JST (busy to everyone else, so not among the open slots).
    const ownHold = slot('2027-01-05T05:00:00Z');
    const view = buildSlotMonth({ ...base, ownHold });
    expect(view.day?.date).toBe('2027-01-05');
    expect(view.day?.slots).toEqual([
      expect.objectContaining({ time: '10:00' }),
      expect.objectContaining({ time: '14:00', own: true }),
    ]);
    expect(view.weeks.flat().find((c) => c?.date === '2027-01-05')).toMatchObject({
      own: true,
      label: '1月5日(火) お手続き中のご予約あり',
    });
    expect(buildSlotMonth({ ...base, ownHold, day: '2027-01-04' }).day?.date).toBe('2027-01-04');
    expect(buildSlotMonth({ ...base, ownHold, month: '2027-01' }).day?.date).toBe('2027-01-04');
  });

  it('shows a month before the open time when asked, without a day, and refuses months outside', () => {
    const december = buildSlotMonth({ ...base, month: '2026-12' });
    expect(december.month).toBe('2026-12');
    expect(december.day).toBeUndefined();
    expect(december.previousMonth).toBeUndefined();
    expect(december.nextMonth).toBe('2027-01');
    for (const month of ['2026-11', '2027-02', '2027-13', 'junk'])
      expect(buildSlotMonth({ ...base, month }).month).toBe('2027-01');
  });

  it("groups by the viewer's day: Tokyo's Monday 10:00 is Sunday evening in Los Angeles", () => {
    const view = buildSlotMonth({ ...base, viewerTimeZone: 'America/Los_Angeles' });
    expect(view.day?.date).toBe('2027-01-03');
    expect(view.day?.slots.map((s) => [s.time, s.practiceTime])).toEqual([
      ['17:00', '日本時間 1月4日(月) 10:00'],
      ['21:00', '日本時間 1月4日(月) 14:00'],
    ]);
    expect(view.today).toBe('2026-12-27');
  });

  it('shows the current month when nothing is open', () => {
    const view = buildSlotMonth({ ...base, slots: [] });
    expect(view.month).toBe('2026-12');
    expect(view.day).toBeUndefined();
    expect(view.previousMonth).toBeUndefined();
    expect(view.nextMonth).toBeUndefined();
  });
});

describe('addMonths', () => {
  it('crosses years both ways', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
  });
});
