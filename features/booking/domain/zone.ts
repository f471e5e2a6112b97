/**
 * Time-zone arithmetic with Intl only (no date library): wall-clock parts of an instant in a
 * named zone, and the instant of a wall-clock time. Works for any IANA zone, with or without
 * daylight saving time; the process's own zone (TZ) never matters.
 */
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
  weekday: Weekday;
};

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

// Building a formatter costs far more than using one; zones are few, so keep them.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws RangeError for an unknown zone, which is what callers should see.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
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
 * A zone's name in Japanese, as a client reads it: 日本時間, イギリス時間, 米国太平洋時間
 * (the runtime's CLDR names; the id where it has none).
 */
export function zoneNameJa(timeZone: string): string {
  if (timeZone === 'Asia/Tokyo') return '日本時間';
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return '協定世界時（UTC）';
  try {
    const name = new Intl.DateTimeFormat('ja-JP', { timeZone, timeZoneName: 'longGeneric' })
      .formatToParts(new Date(0))
      .find((p) => p.type === 'timeZoneName')?.value;
    return name && !name.startsWith('GMT') ? name : timeZone;
  } catch {
    return timeZone;
  }
}

export function zonedParts(instant: Date, timeZone: string): ZonedParts {
  if (Number.isNaN(instant.getTime())) throw new RangeError('invalid date');
  const formatter = formatterFor(timeZone);
  // format() is several times faster than formatToParts(); en-US with these options reads
  // "12/3/2026, 14:05:09", and anything else falls back to the parts.
  let numbers = formatter.format(instant).match(/\d+/g)?.map(Number) ?? [];
  if (numbers.length === 6) numbers = [numbers[2]!, numbers[0]!, numbers[1]!, numbers[3]!, numbers[4]!, numbers[5]!];
  else {
    const parts = formatter.formatToParts(instant);
    numbers = (['year', 'month', 'day', 'hour', 'minute', 'second'] as const).map((type) =>
      Number(parts.find((p) => p.type === type)?.value),
    );
  }
  const [year = NaN, month = NaN, day = NaN, hour = NaN, minute = NaN, second = NaN] = numbers;
  return {
    year,
    month,
    day,
    hour: hour % 24, // some engines still say 24 for midnight
    minute,
    second,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay() as Weekday,
  };
}

/** Minutes to add to UTC to get the zone's wall clock at that instant: +540 in Tokyo, -420 in a Los Angeles summer. */
export function offsetMinutesAt(instant: Date, timeZone: string): number {
  return offsetOf(zonedParts(instant, timeZone), instant);
}

/** The offset, from parts already read for that instant (saves a second Intl call). */
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
 * Assumes at most one offset change within a day either side, true of every real zone.
 */
export function instantOf(date: CivilDate, minuteOfDay: number, timeZone: string): Date {
  const wall = utcMidnight(date) + minuteOfDay * MINUTE_MS;
  const before = offsetMinutesAt(new Date(wall - DAY_MS), timeZone);
  const after = offsetMinutesAt(new Date(wall + DAY_MS), timeZone);
  const fits = [before, after]
    .map((offset) => wall - offset * MINUTE_MS)
    .filter((t) => offsetMinutesAt(new Date(t), timeZone) * MINUTE_MS === wall - t)
    .sort((a, b) => a - b);
  return new Date(fits[0] ?? wall - before * MINUTE_MS);
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
