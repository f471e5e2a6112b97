import { describe, expect, it } from 'vitest';
import {
  computeSlots,
  findOpenSlot,
  groupSlotsByDay,
  practiceDayHours,
  type DateOverride,
  type SlotInput,
  type WeeklyRule,
} from './slots';

// Instants are written with their offset, so nothing depends on the process's TZ (UTC in tests).
const jst = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+09:00`);
const weekdays: WeeklyRule[] = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday: weekday as WeeklyRule['weekday'],
  startMinute: 600,
  endMinute: 1080,
}));
const settings = {
  durationMinutes: 60,
  bufferMinutes: 15,
  minNoticeMinutes: 24 * 60,
  horizonDays: 60,
  stepMinutes: 30,
  practiceTimeZone: 'Asia/Tokyo',
};
// Monday 2026-11-30, 09:00 in Tokyo.
const base: SlotInput = { now: jst('2026-11-30', '09:00'), rules: weekdays, overrides: [], busy: [], settings };

const startsOn = (input: SlotInput, date: string) =>
  computeSlots(input)
    .filter((s) => s.start >= jst(date, '00:00') && s.start < jst(date, '24:00'))
    .map((s) => s.start.toISOString());
const halfHours = (date: string, from: string, to: string) => {
  const out: string[] = [];
  for (let t = jst(date, from).getTime(); t <= jst(date, to).getTime(); t += 30 * 60_000)
    out.push(new Date(t).toISOString());
  return out;
};

describe('computeSlots, Mon–Fri 10:00–18:00 in Tokyo, 60 min, buffer 15, step 30, notice 24 h, horizon 60 d', () => {
  it('offers 10:00 to 17:00 every half hour; the last slot of the day is 17:00–18:00', () => {
    const slots = computeSlots(base);
    const tuesday = slots.filter((s) => s.start >= jst('2026-12-01', '00:00') && s.start < jst('2026-12-02', '00:00'));
    expect(tuesday.map((s) => s.start.toISOString())).toEqual(halfHours('2026-12-01', '10:00', '17:00'));
    expect(tuesday).toHaveLength(15);
    expect(tuesday.at(-1)).toEqual({ start: new Date('2026-12-01T08:00:00Z'), end: new Date('2026-12-01T09:00:00Z') });
    expect(startsOn(base, '2026-12-05')).toEqual([]); // Saturday
    expect(startsOn(base, '2026-12-06')).toEqual([]); // Sunday
  });

  it('removes the slots that come within the buffer of a booking 13:00–14:00, keeping times round', () => {
    const input = { ...base, busy: [{ start: jst('2026-12-03', '13:00'), end: jst('2026-12-03', '14:00') }] };
    // Blocked 12:45–14:15: 11:30–12:30 still fits; 12:00 and 12:30 run past 12:45; 14:00 starts before 14:15.
    expect(startsOn(input, '2026-12-03')).toEqual([
      '2026-12-03T01:00:00.000Z', // 10:00
      '2026-12-03T01:30:00.000Z', // 10:30
      '2026-12-03T02:00:00.000Z', // 11:00
      '2026-12-03T02:30:00.000Z', // 11:30
      '2026-12-03T05:30:00.000Z', // 14:30
      '2026-12-03T06:00:00.000Z', // 15:00
      '2026-12-03T06:30:00.000Z', // 15:30
      '2026-12-03T07:00:00.000Z', // 16:00
      '2026-12-03T07:30:00.000Z', // 16:30
      '2026-12-03T08:00:00.000Z', // 17:00
    ]);
  });

  it('a closed override removes the day; extra hours open a Saturday, a closed evening and an adjacent hour', () => {
    const overrides: DateOverride[] = [
      { date: '2026-12-03', kind: 'closed' },
      { date: '2026-12-04', kind: 'closed' },
      { date: '2026-12-04', kind: 'extra', startMinute: 19 * 60, endMinute: 21 * 60 },
      { date: '2026-12-05', kind: 'extra', startMinute: 13 * 60, endMinute: 15 * 60 },
      { date: '2026-12-07', kind: 'extra', startMinute: 18 * 60, endMinute: 19 * 60 },
    ];
    const input = { ...base, overrides };
    expect(startsOn(input, '2026-12-03')).toEqual([]);
    expect(startsOn(input, '2026-12-04')).toEqual(halfHours('2026-12-04', '19:00', '20:00'));
    expect(startsOn(input, '2026-12-05')).toEqual(halfHours('2026-12-05', '13:00', '14:00'));
    expect(startsOn(input, '2026-12-07')).toEqual(halfHours('2026-12-07', '10:00', '18:00'));
    expect(startsOn(input, '2026-12-02')).toEqual(halfHours('2026-12-02', '10:00', '17:00'));
  });

  it('moves the grid of a day to the start of its merged hours', () => {
    const input = {
      ...base,
      overrides: [{ date: '2026-12-07', kind: 'extra', startMinute: 9 * 60 + 15, endMinute: 10 * 60 + 15 } as const],
    };
    expect(practiceDayHours('2026-12-07', weekdays, input.overrides, 'Asia/Tokyo')).toEqual([
      { start: jst('2026-12-07', '09:15'), end: jst('2026-12-07', '18:00') },
    ]);
    expect(startsOn(input, '2026-12-07')).toEqual(halfHours('2026-12-07', '09:15', '16:45'));
  });

  it('cuts the first day at now + notice (on the grid) and the last at now + horizon', () => {
    const now = jst('2026-11-30', '12:10'); // Monday; + 60 days is Friday 2027-01-29 12:10
    const slots = computeSlots({ ...base, now });
    expect(slots[0]).toEqual({ start: jst('2026-12-01', '12:30'), end: jst('2026-12-01', '13:30') });
    expect(slots.at(-1)).toEqual({ start: jst('2027-01-29', '11:00'), end: jst('2027-01-29', '12:00') });
    expect(slots.every((s, i) => i === 0 || slots[i - 1]!.start < s.start)).toBe(true);
  });

  it('offers nothing when the horizon does not reach past the notice', () => {
    expect(computeSlots({ ...base, settings: { ...settings, horizonDays: 1 } })).toEqual([]);
  });

  it('rejects nonsense settings and hours', () => {
    expect(() => computeSlots({ ...base, settings: { ...settings, stepMinutes: 0 } })).toThrow(RangeError);
    expect(() => computeSlots({ ...base, settings: { ...settings, practiceTimeZone: 'Asia/Nowhere' } })).toThrow(
      RangeError,
    );
    expect(() => computeSlots({ ...base, rules: [{ weekday: 1, startMinute: 600, endMinute: 1500 }] })).toThrow(
      RangeError,
    );
    expect(() => computeSlots({ ...base, overrides: [{ date: '2026-02-30', kind: 'closed' }] })).toThrow(RangeError);
  });
});

describe('findOpenSlot: whether exactly this slot (start and end) is one of the slots offered now', () => {
  const slot = { start: jst('2026-12-03', '13:00'), end: jst('2026-12-03', '14:00') };
  const isSlotStillOpen = (s: typeof slot, input: SlotInput) =>
    findOpenSlot(s.start, input)?.end.getTime() === s.end.getTime();

  it('accepts an offered slot and refuses one off the grid, of another length, or taken meanwhile', () => {
    expect(isSlotStillOpen(slot, base)).toBe(true);
    expect(isSlotStillOpen({ start: jst('2026-12-03', '13:15'), end: jst('2026-12-03', '14:15') }, base)).toBe(false);
    expect(isSlotStillOpen({ start: slot.start, end: jst('2026-12-03', '14:30') }, base)).toBe(false);
    const taken = { ...base, busy: [{ start: jst('2026-12-03', '14:00'), end: jst('2026-12-03', '15:00') }] };
    expect(isSlotStillOpen(slot, taken)).toBe(false); // the buffer reaches back to 13:45
    expect(isSlotStillOpen(slot, { ...base, now: jst('2026-12-02', '13:01') })).toBe(false); // inside the notice now
  });
});

describe('groupSlotsByDay in the client’s zone', () => {
  const slotAt = (instant: Date) => ({ start: instant, end: new Date(instant.getTime() + 3_600_000) });
  const view = (instant: Date, viewer: string) => {
    const days = groupSlotsByDay([slotAt(instant)], viewer, 'Asia/Tokyo');
    const day = days[0]!;
    return { date: day.date, label: day.label, time: day.slots[0]!.time, practiceTime: day.slots[0]!.practiceTime };
  };

  it('shows no practice time to a viewer whose clock agrees with Tokyo', () => {
    expect(view(jst('2026-12-03', '14:00'), 'Asia/Tokyo')).toEqual({
      date: '2026-12-03',
      label: '2026年12月3日(木)',
      time: '14:00',
      practiceTime: undefined,
    });
    expect(view(jst('2026-12-03', '14:00'), 'Asia/Seoul').practiceTime).toBeUndefined();
  });

  it('Europe/London: the same Tokyo hour is an hour apart across the October and March changes', () => {
    expect(view(jst('2026-10-23', '10:00'), 'Europe/London')).toMatchObject({
      date: '2026-10-23',
      time: '02:00',
      practiceTime: '日本時間 10:00',
    });
    expect(view(jst('2026-10-26', '10:00'), 'Europe/London')).toMatchObject({
      date: '2026-10-26',
      time: '01:00',
      practiceTime: '日本時間 10:00',
    });
    expect(view(jst('2027-03-26', '10:00'), 'Europe/London')).toMatchObject({ date: '2027-03-26', time: '01:00' });
    expect(view(jst('2027-03-29', '10:00'), 'Europe/London')).toMatchObject({ date: '2027-03-29', time: '02:00' });
  });

  it('Europe/London across the change, from computed slots', () => {
    const days = groupSlotsByDay(
      computeSlots({ ...base, now: jst('2026-10-19', '09:00') }),
      'Europe/London',
      'Asia/Tokyo',
    );
    const friday = days.find((d) => d.date === '2026-10-23')!.slots.map((s) => s.time);
    expect([friday[0], friday.at(-1)]).toEqual(['02:00', '09:00']); // BST: Tokyo 10:00–17:00 is 02:00–09:00
    expect(days.find((d) => d.date === '2026-10-26')!.slots[0]!.time).toBe('01:00');
  });

  it('Australia/Adelaide, +10:30 in summer and +9:30 in winter', () => {
    expect(view(jst('2026-12-02', '10:00'), 'Australia/Adelaide')).toEqual({
      date: '2026-12-02',
      label: '2026年12月2日(水)',
      time: '11:30',
      practiceTime: '日本時間 10:00',
    });
    expect(view(jst('2027-04-02', '10:00'), 'Australia/Adelaide')).toMatchObject({ time: '11:30' });
    expect(view(jst('2027-04-05', '10:00'), 'Australia/Adelaide')).toMatchObject({
      date: '2027-04-05',
      time: '10:30',
      practiceTime: '日本時間 10:00',
    });
    expect(view(jst('2026-12-02', '14:00'), 'Australia/Adelaide').time).toBe('15:30');
  });

  it('Asia/Kolkata, +5:30', () => {
    expect(view(jst('2026-12-03', '10:00'), 'Asia/Kolkata')).toEqual({
      date: '2026-12-03',
      label: '2026年12月3日(木)',
      time: '06:30',
      practiceTime: '日本時間 10:00',
    });
    expect(view(jst('2026-12-03', '17:00'), 'Asia/Kolkata').time).toBe('13:30');
  });

  it('America/Los_Angeles: a Tokyo-morning slot is on the previous day, with the Tokyo date beside it', () => {
    expect(view(jst('2026-12-02', '10:00'), 'America/Los_Angeles')).toEqual({
      date: '2026-12-01',
      label: '2026年12月1日(火)',
      time: '17:00',
      practiceTime: '日本時間 12月2日(水) 10:00',
    });
  });

  it('America/Los_Angeles: one Tokyo working day crosses the viewer’s midnight', () => {
    const days = groupSlotsByDay(computeSlots(base), 'America/Los_Angeles', 'Asia/Tokyo');
    const tuesday = days.find((d) => d.date === '2026-12-01')!;
    const wednesday = days.find((d) => d.date === '2026-12-02')!;
    // Tokyo Wednesday 10:00–16:30 is Tuesday 17:00–23:30 in Los Angeles; Tokyo 17:00 is Wednesday 00:00.
    expect(tuesday.slots.map((s) => s.time).slice(-2)).toEqual(['23:00', '23:30']);
    expect(tuesday.slots.at(-1)!.practiceTime).toBe('日本時間 12月2日(水) 16:30');
    expect(wednesday.slots[0]).toMatchObject({
      time: '00:00',
      practiceTime: '日本時間 17:00',
      start: jst('2026-12-02', '17:00'),
    });
    expect(wednesday.slots[1]).toMatchObject({ time: '17:00', practiceTime: '日本時間 12月3日(木) 10:00' });
    expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort());
  });
});
