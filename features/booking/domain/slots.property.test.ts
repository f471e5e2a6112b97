import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateInZone, offsetMinutesAt, zonedParts } from '@/lib/time';
import { mergeRanges, type DateRange } from './ranges';
import { computeSlots, groupSlotsByDay, type DateOverride, type Slot, type SlotInput, type WeeklyRule } from './slots';

const MIN = 60_000;
const DAY = 86_400_000;

// Fixed-offset practice zones, so the oracle below can place wall-clock hours by plain
// arithmetic instead of the Intl code under test.
const fixedZones = [
  { tz: 'Asia/Tokyo', offset: 540 },
  { tz: 'Asia/Kolkata', offset: 330 },
  { tz: 'Asia/Kathmandu', offset: 345 },
  { tz: 'UTC', offset: 0 },
  { tz: 'America/Phoenix', offset: -420 },
];

const hoursArb = fc
  .tuple(fc.integer({ min: 0, max: 1440 }), fc.integer({ min: 0, max: 1440 }))
  .filter(([a, b]) => a !== b)
  .map(([a, b]) => ({ startMinute: Math.min(a, b), endMinute: Math.max(a, b) }));

// Zones with DST (offsets here are only rough, to place override dates near `now`).
const dstZones = [
  { tz: 'Europe/London', offset: 0 },
  { tz: 'America/New_York', offset: -300 },
  { tz: 'Australia/Lord_Howe', offset: 630 },
  { tz: 'America/Santiago', offset: -240 },
];

const inputArbIn = (zones: typeof fixedZones) =>
  fc
    .record({
      now: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2028, 0, 1) }),
      zone: fc.constantFrom(...zones),
      rules: fc.array(fc.record({ weekday: fc.integer({ min: 0, max: 6 }), hours: hoursArb }), { maxLength: 8 }),
      overrides: fc.array(
        fc.record({ dayOffset: fc.integer({ min: -1, max: 23 }), closed: fc.boolean(), hours: hoursArb }),
        { maxLength: 8 },
      ),
      busy: fc.array(
        fc.record({
          from: fc.integer({ min: -DAY, max: 23 * DAY }),
          length: fc.integer({ min: -MIN, max: 8 * 60 * MIN }),
        }),
        { maxLength: 12 },
      ),
      durationMinutes: fc.integer({ min: 5, max: 240 }),
      bufferMinutes: fc.integer({ min: 0, max: 60 }),
      minNoticeMinutes: fc.integer({ min: 0, max: 4 * 1440 }),
      horizonDays: fc.integer({ min: 0, max: 21 }),
      stepMinutes: fc.integer({ min: 5, max: 120 }),
    })
    .map((g) => {
      const today = new Date(g.now + g.zone.offset * MIN).toISOString().slice(0, 10);
      const dateAt = (offset: number) => new Date(Date.parse(today) + offset * DAY).toISOString().slice(0, 10);
      const input: SlotInput = {
        now: new Date(g.now),
        rules: g.rules.map((r) => ({ weekday: r.weekday as WeeklyRule['weekday'], ...r.hours })),
        overrides: g.overrides.map((o): DateOverride =>
          o.closed
            ? { date: dateAt(o.dayOffset), kind: 'closed' }
            : { date: dateAt(o.dayOffset), kind: 'extra', ...o.hours },
        ),
        busy: g.busy.map((b) => ({ start: new Date(g.now + b.from), end: new Date(g.now + b.from + b.length) })),
        settings: {
          durationMinutes: g.durationMinutes,
          bufferMinutes: g.bufferMinutes,
          minNoticeMinutes: g.minNoticeMinutes,
          horizonDays: g.horizonDays,
          stepMinutes: g.stepMinutes,
          practiceTimeZone: g.zone.tz,
        },
      };
      return { input, offset: g.zone.offset };
    });
const inputArb = inputArbIn(fixedZones);

/** The day's hours, placed by arithmetic in a fixed-offset zone. */
function hoursOn(date: string, input: SlotInput, offset: number): DateRange[] {
  const midnight = Date.parse(date) - offset * MIN;
  const weekday = new Date(Date.parse(date)).getUTCDay();
  const closed = input.overrides.some((o) => o.date === date && o.kind === 'closed');
  const hours = [
    ...(closed ? [] : input.rules.filter((r) => r.weekday === weekday)),
    ...input.overrides.flatMap((o) => (o.date === date && o.kind === 'extra' ? [o] : [])),
  ];
  return mergeRanges(
    hours.map((h) => ({
      start: new Date(midnight + h.startMinute * MIN),
      end: new Date(midnight + h.endMinute * MIN),
    })),
  );
}

const practiceDate = (t: Date, offset: number) => new Date(t.getTime() + offset * MIN).toISOString().slice(0, 10);
const bufferMs = (input: SlotInput) => input.settings.bufferMinutes * MIN;
const hitsBusy = (slot: Slot, input: SlotInput) =>
  input.busy.some(
    (b) =>
      b.start < b.end &&
      slot.start.getTime() < b.end.getTime() + bufferMs(input) &&
      slot.end.getTime() > b.start.getTime() - bufferMs(input),
  );

/** Brute force: every grid point of every day's hours, kept if it passes every rule. */
function oracle(input: SlotInput, offset: number): number[] {
  const { now, settings } = input;
  const from = now.getTime() + settings.minNoticeMinutes * MIN;
  const to = now.getTime() + settings.horizonDays * DAY;
  const starts: number[] = [];
  for (let d = -1; d <= settings.horizonDays + 1; d += 1) {
    const date = new Date(Date.parse(practiceDate(now, offset)) + d * DAY).toISOString().slice(0, 10);
    for (const h of hoursOn(date, input, offset)) {
      for (
        let t = h.start.getTime();
        t + settings.durationMinutes * MIN <= h.end.getTime();
        t += settings.stepMinutes * MIN
      ) {
        const slot = { start: new Date(t), end: new Date(t + settings.durationMinutes * MIN) };
        if (t >= from && slot.end.getTime() <= to && !hitsBusy(slot, input)) starts.push(t);
      }
    }
  }
  return [...new Set(starts)].sort((a, b) => a - b);
}

// A few hundred random cases each; runs take about half a second apiece, so a loaded CI
// machine gets a generous timeout rather than a flaky failure.
const runs = { numRuns: 300 };

describe('computeSlots properties (random rules, overrides, bookings and settings)', { timeout: 30_000 }, () => {
  it('no slot comes within the buffer of a booking', () => {
    fc.assert(
      fc.property(inputArb, ({ input }) => computeSlots(input).every((s) => !hitsBusy(s, input))),
      runs,
    );
  });

  it('every slot lies inside its practice day’s hours (none on a closed day without extra hours), on the step grid from their start', () => {
    fc.assert(
      fc.property(inputArb, ({ input, offset }) =>
        computeSlots(input).every((s) => {
          const range = hoursOn(practiceDate(s.start, offset), input, offset).find(
            (h) => h.start <= s.start && s.end <= h.end,
          );
          return (
            range !== undefined &&
            (s.start.getTime() - range.start.getTime()) % (input.settings.stepMinutes * MIN) === 0
          );
        }),
      ),
      runs,
    );
  });

  it('every slot starts at or after now + notice and ends by now + horizon, and lasts the duration', () => {
    fc.assert(
      fc.property(inputArb, ({ input: { now, settings, ...rest } }) =>
        computeSlots({ now, settings, ...rest }).every(
          (s) =>
            s.start.getTime() >= now.getTime() + settings.minNoticeMinutes * MIN &&
            s.end.getTime() <= now.getTime() + settings.horizonDays * DAY &&
            s.end.getTime() - s.start.getTime() === settings.durationMinutes * MIN,
        ),
      ),
      runs,
    );
  });

  it('slots are strictly increasing; the same input, in any order, gives the same output', () => {
    fc.assert(
      fc.property(inputArb, ({ input }) => {
        const slots = computeSlots(input);
        expect(slots.every((s, i) => i === 0 || slots[i - 1]!.start < s.start)).toBe(true);
        const reversed = {
          ...input,
          rules: [...input.rules].reverse(),
          overrides: [...input.overrides].reverse(),
          busy: [...input.busy].reverse(),
        };
        expect(computeSlots(reversed)).toEqual(slots);
        expect(computeSlots(input)).toEqual(slots);
      }),
      runs,
    );
  });

  it('offers exactly what a brute-force search of the grid finds', () => {
    fc.assert(
      fc.property(inputArb, ({ input, offset }) => {
        expect(computeSlots(input).map((s) => s.start.getTime())).toEqual(oracle(input, offset));
      }),
      runs,
    );
  });
});

// Around a clock change wall-clock minutes repeat or skip: an autumn range from the first 01:33
// to 02:00 also holds the second 01:00–01:33. Those few hours are checked by instant elsewhere.
const nearTransition = (t: Date, zone: string) =>
  offsetMinutesAt(new Date(t.getTime() - 3 * 3_600_000), zone) !== offsetMinutesAt(t, zone);

describe('computeSlots properties with a practice zone that has DST', { timeout: 30_000 }, () => {
  it('keeps bookings, notice, horizon and order, and starts each slot within its wall-clock hours', () => {
    fc.assert(
      fc.property(inputArbIn(dstZones), ({ input }) => {
        const { now, settings } = input;
        const slots = computeSlots(input);
        const wrong = slots.filter((s, i) => {
          const p = zonedParts(s.start, settings.practiceTimeZone);
          const date = dateInZone(s.start, settings.practiceTimeZone);
          const minute = p.hour * 60 + p.minute;
          const closed = input.overrides.some((o) => o.date === date && o.kind === 'closed');
          const hours = [
            ...(closed ? [] : input.rules.filter((r) => r.weekday === p.weekday)),
            ...input.overrides.flatMap((o) => (o.date === date && o.kind === 'extra' ? [o] : [])),
          ];
          return (
            hitsBusy(s, input) ||
            s.start.getTime() < now.getTime() + settings.minNoticeMinutes * MIN ||
            s.end.getTime() > now.getTime() + settings.horizonDays * DAY ||
            (i > 0 && slots[i - 1]!.start >= s.start) ||
            (!hours.some((h) => h.startMinute <= minute && minute < h.endMinute) &&
              !nearTransition(s.start, settings.practiceTimeZone))
          );
        });
        expect(wrong).toEqual([]);
      }),
      runs,
    );
  });
});

describe('groupSlotsByDay properties', { timeout: 30_000 }, () => {
  const viewers = [
    'Asia/Tokyo',
    'Europe/London',
    'Australia/Adelaide',
    'America/Los_Angeles',
    'Asia/Kolkata',
    'Pacific/Kiritimati',
    'Pacific/Pago_Pago',
  ];

  it('keeps every slot once, in order, under the viewer’s date for its start', () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom(...viewers), ({ input }, viewer) => {
        const slots = computeSlots(input);
        const days = groupSlotsByDay(slots, viewer, input.settings.practiceTimeZone);
        expect(days.flatMap((d) => d.slots.map((s) => s.start.getTime()))).toEqual(slots.map((s) => s.start.getTime()));
        const dateIn = new Intl.DateTimeFormat('en-CA', {
          timeZone: viewer,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
        });
        for (const day of days) expect(day.slots.every((s) => dateIn.format(s.start) === day.date)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
