/**
 * Time-zone arithmetic on @date-fns/tz: wall-clock parts of an instant in a named zone, and the
 * instant of a wall-clock time. Works for any IANA zone, with or without daylight saving time;
 * the process's own zone (TZ) never matters. Pure: instants and zones are passed in.
 *
 * The zone rules come from the library (which reads the runtime's tz database through Intl);
 * what is left here is calendar arithmetic on YYYY-MM-DD dates, which no zone affects.
 */
import { TZDate, tzOffset } from '@date-fns/tz';

export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** A calendar date, YYYY-MM-DD, in some zone the caller knows. */
export type CivilDate = string;

export type ZonedParts = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday */
  weekday: Weekday;
};

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Minutes to add to UTC to get the zone's wall clock at that instant: +540 in Tokyo, -420 in a Los Angeles summer. */
export function offsetMinutesAt(instant: Date, timeZone: string): number {
  if (Number.isNaN(instant.getTime())) throw new RangeError('invalid date');
  const offset = tzOffset(timeZone, instant);
  // The library answers NaN, not an error, for a zone it does not know: callers should see one.
  if (Number.isNaN(offset)) throw new RangeError(`unknown time zone: ${timeZone}`);
  return offset;
}

/** Whether the value names a time zone this runtime knows (Asia/Tokyo, Europe/London, UTC). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * The wall-clock parts of the instant in the zone. One offset look-up: the parts are those of
 * the instant moved by the offset, read in UTC (the same as a TZDate's getters, in a third of the time).
 */
export function zonedParts(instant: Date, timeZone: string): ZonedParts {
  const wall = new Date(instant.getTime() + offsetMinutesAt(instant, timeZone) * MINUTE_MS);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    weekday: wall.getUTCDay() as Weekday,
  };
}

/** The offset, from parts already read for that instant (no second zone look-up). */
export function offsetOf(p: ZonedParts, instant: Date): number {
  const wallAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((wallAsUtc - wholeSeconds) / MINUTE_MS);
}

const pad = (n: number) => String(n).padStart(2, '0');

export function civilDateOf(p: Pick<ZonedParts, 'year' | 'month' | 'day'>): CivilDate {
  return `${String(p.year).padStart(4, '0')}-${pad(p.month)}-${pad(p.day)}`;
}

/** The calendar date of the instant in the zone. */
export function dateInZone(instant: Date, timeZone: string): CivilDate {
  return civilDateOf(zonedParts(instant, timeZone));
}

/** 14:05 */
export function timeOf(p: Pick<ZonedParts, 'hour' | 'minute'>): string {
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** Midnight UTC of the date's number: calendar arithmetic without any zone. */
function utcMidnight(date: CivilDate): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [NaN, NaN, NaN];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March 2: such a date is not a calendar date.
  if (Number.isNaN(ms) || back.getUTCDate() !== day || back.getUTCMonth() !== month - 1) {
    throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  }
  return ms;
}

export function assertCivilDate(date: string): void {
  utcMidnight(date);
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return new Date(utcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday; a calendar date has the same weekday in every zone. */
export function weekdayOf(date: CivilDate): Weekday {
  return new Date(utcMidnight(date)).getUTCDay() as Weekday;
}

/**
 * The instant at which the zone's clocks show `minuteOfDay` minutes after midnight of `date`
 * (1440 is the next midnight). In a zone with daylight saving time a wall-clock time can occur
 * twice (autumn: the earlier is taken) or not at all (spring: it moves forward by the gap, so
 * 02:30 in a 02:00→03:00 jump is 03:30), as Temporal's 'compatible' disambiguation does.
 */
export function instantOf(date: CivilDate, minuteOfDay: number, timeZone: string): Date {
  const midnight = new Date(utcMidnight(date));
  offsetMinutesAt(midnight, timeZone); // RangeError for an unknown zone
  const wall = new TZDate(
    midnight.getUTCFullYear(),
    midnight.getUTCMonth(),
    midnight.getUTCDate(),
    0,
    minuteOfDay,
    timeZone,
  );
  return new Date(wall.getTime());
}

/**
 * A converter from minutes after midnight of `date` to instants, for many times of one day.
 * When the offset is the same a day before and a day after (every day in Tokyo, most days
 * elsewhere), the day has no transition and the conversion is arithmetic; otherwise each time
 * goes through instantOf. Offsets are within ±14 h, so those two probes bracket the whole day.
 */
export function dayClock(date: CivilDate, timeZone: string): (minuteOfDay: number) => Date {
  const midnight = utcMidnight(date);
  const before = offsetMinutesAt(new Date(midnight - DAY_MS), timeZone);
  const after = offsetMinutesAt(new Date(midnight + 2 * DAY_MS), timeZone);
  if (before !== after) return (minuteOfDay) => instantOf(date, minuteOfDay, timeZone);
  return (minuteOfDay) => new Date(midnight + (minuteOfDay - before) * MINUTE_MS);
}
