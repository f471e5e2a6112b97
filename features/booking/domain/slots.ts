/**
 * Open slots, as pure range algebra: build the counselor's hours for each practice-zone day,
 * clamp them to [now + notice, now + horizon), subtract busy bookings widened by the buffer,
 * then cut slots on a grid. The clock and every setting are passed in.
 */
import {
  addDays,
  assertCivilDate,
  dateInZone,
  DAY_MS,
  dayClock,
  MINUTE_MS,
  weekdayOf,
  type CivilDate,
  type Weekday,
} from '@/lib/time';
import { clampRanges, mergeRanges, subtractRanges, type DateRange } from './ranges';

export { groupSlotsByDay, type SlotDay, type SlotView } from './slot-days';

export type WeeklyRule = {
  weekday: Weekday /* 0 = Sunday, in the practice zone */;
  startMinute: number;
  endMinute: number; /* minutes from 00:00, end ≤ 1440 */
};
export type DateOverride =
  | { date: CivilDate /* YYYY-MM-DD in the practice zone */; kind: 'closed' }
  | { date: CivilDate; kind: 'extra'; startMinute: number; endMinute: number };
/** A held or confirmed booking. */
export type BusyRange = { start: Date; end: Date };
export type SlotSettings = {
  durationMinutes: number;
  bufferMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  stepMinutes: number;
  practiceTimeZone: string;
};
export type Slot = { start: Date; end: Date };
export type SlotInput = {
  now: Date;
  rules: readonly WeeklyRule[];
  overrides: readonly DateOverride[];
  busy: readonly BusyRange[];
  settings: SlotSettings;
};

/**
 * The counselor's hours on one practice-zone day, merged.
 *
 * A `closed` override removes that day's weekly hours; `extra` overrides always add hours, on a
 * closed day too (so "closed, but 19:00–21:00 this once" is a closed override plus an extra).
 * Hours never cross the practice zone's midnight, so a slot belongs to exactly one day.
 *
 *   Wednesday, rules 10:00–12:00 and 13:00–18:00, extra 18:00–20:00
 *   → [10:00–12:00) [13:00–20:00)   (touching hours merge into one range)
 */
export function practiceDayHours(
  date: CivilDate,
  rules: readonly WeeklyRule[],
  overrides: readonly DateOverride[],
  practiceTimeZone: string,
): DateRange[] {
  const forDay = overrides.filter((o) => o.date === date);
  const closed = forDay.some((o) => o.kind === 'closed');
  const weekday = weekdayOf(date);
  const hours = [
    ...(closed ? [] : rules.filter((r) => r.weekday === weekday)),
    ...forDay.flatMap((o) => (o.kind === 'extra' ? [o] : [])),
  ];
  const at = dayClock(date, practiceTimeZone);
  return mergeRanges(hours.map((h) => ({ start: at(h.startMinute), end: at(h.endMinute) })));
}

/**
 * Every slot a client may book now, sorted by start, without duplicates.
 *
 * Worked example (practice zone Japan time; duration 60, buffer 15, step 30, notice 24 h):
 *
 *   now                     Tuesday 12:10
 *   Wednesday's hours       [10:00–18:00)
 *   after notice            [12:10–18:00)                   (window starts Wednesday 12:10)
 *   busy 13:00–14:00 ± 15   [12:45–14:15) subtracted
 *   remaining               [12:10–12:45) [14:15–18:00)
 *   grid from 10:00         10:00 10:30 11:00 11:30 12:00 12:30 13:00 … 17:00
 *   fits wholly inside      12:10–12:45: none (12:30–13:30 runs past 12:45)
 *                           14:15–18:00: 14:30 15:00 15:30 16:00 16:30 17:00
 *
 * The grid counts steps from the start of the day's (merged) hours, not from where a booking
 * or the notice ends, so times stay round: 14:30, never 14:15. Hours that start off the grid
 * (an extra 09:15–10:15 merged into 10:00–18:00) move the whole day's grid to 09:15.
 */
export function computeSlots(input: SlotInput, only?: DateRange): Slot[] {
  const { now, rules, overrides, busy, settings } = input;
  assertSlotInput(input);
  const tz = settings.practiceTimeZone;
  const window = {
    start: new Date(now.getTime() + settings.minNoticeMinutes * MINUTE_MS),
    end: new Date(now.getTime() + settings.horizonDays * DAY_MS),
  };
  if (window.end <= window.start) return [];

  const buffer = settings.bufferMinutes * MINUTE_MS;
  // An empty or inverted busy range is bad data, not a booking: it blocks nothing, buffer or not.
  const blocked = mergeRanges(
    busy
      .filter((b) => b.start.getTime() < b.end.getTime())
      .map((b) => ({ start: new Date(b.start.getTime() - buffer), end: new Date(b.end.getTime() + buffer) })),
  );

  const slots: Slot[] = [];
  // Days wholly before the notice's end hold nothing; today is covered when notice is 0.
  // `only` narrows the practice days looked at (a slot's own day, when checking one slot).
  const firstDate = maxDate(dateInZone(window.start, tz), only ? addDays(dateInZone(only.start, tz), -1) : undefined);
  const lastDate = minDate(dateInZone(window.end, tz), only ? dateInZone(only.end, tz) : undefined);
  for (let date = firstDate; date <= lastDate; date = addDays(date, 1)) {
    for (const hours of practiceDayHours(date, rules, overrides, tz)) {
      // Only the (merged, sorted) busy time that touches these hours: thousands of bookings
      // in the window must not be walked again for every day.
      for (const open of subtractRanges(clampRanges([hours], window), blockedWithin(blocked, hours))) {
        slots.push(...cutSlots(hours.start.getTime(), open, settings));
      }
    }
  }
  return sortedUnique(slots);
}

/**
 * Slots of `durationMinutes` on the grid anchored at `anchor`, wholly inside `open`.
 *
 *   anchor 10:00, step 30, duration 60, open [14:15–16:00)
 *   → first grid point at or after 14:15 is 14:30 → 14:30–15:30, 15:00–16:00
 */
function cutSlots(anchor: number, open: DateRange, settings: SlotSettings): Slot[] {
  const step = settings.stepMinutes * MINUTE_MS;
  const duration = settings.durationMinutes * MINUTE_MS;
  const out: Slot[] = [];
  let start = anchor + Math.ceil((open.start.getTime() - anchor) / step) * step;
  for (; start + duration <= open.end.getTime(); start += step) {
    out.push({ start: new Date(start), end: new Date(start + duration) });
  }
  return out;
}

/** The ranges of a sorted, merged list that overlap `range` (binary search for the first). */
function blockedWithin(sorted: readonly DateRange[], range: DateRange): DateRange[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.end.getTime() <= range.start.getTime()) lo = mid + 1;
    else hi = mid;
  }
  const out: DateRange[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.start.getTime() < range.end.getTime(); i += 1) out.push(sorted[i]!);
  return out;
}

function sortedUnique(slots: Slot[]): Slot[] {
  slots.sort((a, b) => a.start.getTime() - b.start.getTime());
  return slots.filter((s, i) => i === 0 || s.start.getTime() !== slots[i - 1]!.start.getTime());
}

/**
 * The offered slot starting at `start`, if it is still open. The server calls this before it
 * holds a slot, with the same inputs the listing used (and `busy` without the client's own
 * expiring hold, if it is re-holding).
 */
export function findOpenSlot(start: Date, input: SlotInput): Slot | undefined {
  return computeSlots(input, { start, end: start }).find((s) => s.start.getTime() === start.getTime());
}

const maxDate = (a: CivilDate, b?: CivilDate) => (b !== undefined && b > a ? b : a);
const minDate = (a: CivilDate, b?: CivilDate) => (b !== undefined && b < a ? b : a);

function assertSlotInput({ now, rules, overrides, settings }: SlotInput): void {
  if (Number.isNaN(now.getTime())) throw new RangeError('now is not a valid date');
  const positive = (name: string, n: number) => {
    if (!Number.isInteger(n) || n <= 0) throw new RangeError(`${name} must be a positive integer, got ${n}`);
  };
  const nonNegative = (name: string, n: number) => {
    if (!Number.isFinite(n) || n < 0) throw new RangeError(`${name} must be zero or more, got ${n}`);
  };
  positive('durationMinutes', settings.durationMinutes);
  positive('stepMinutes', settings.stepMinutes);
  nonNegative('bufferMinutes', settings.bufferMinutes);
  nonNegative('minNoticeMinutes', settings.minNoticeMinutes);
  nonNegative('horizonDays', settings.horizonDays);
  dateInZone(now, settings.practiceTimeZone); // throws RangeError for an unknown zone
  for (const r of rules) {
    if (!Number.isInteger(r.weekday) || r.weekday < 0 || r.weekday > 6)
      throw new RangeError(`weekday must be 0–6, got ${r.weekday}`);
    assertMinutes(r);
  }
  for (const o of overrides) {
    assertCivilDate(o.date);
    if (o.kind === 'extra') assertMinutes(o);
  }
}

function assertMinutes({ startMinute, endMinute }: { startMinute: number; endMinute: number }): void {
  if (
    !Number.isInteger(startMinute) ||
    !Number.isInteger(endMinute) ||
    startMinute < 0 ||
    endMinute > 1440 ||
    startMinute >= endMinute
  ) {
    throw new RangeError(`hours must satisfy 0 ≤ start < end ≤ 1440 in whole minutes, got ${startMinute}–${endMinute}`);
  }
}
