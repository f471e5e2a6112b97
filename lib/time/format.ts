/** Japanese display formats, on the clock of the zone passed in. */
import { practiceTimeZone, zoneNameJa } from './japan';
import { civilDateOf, timeOf, zonedParts, type ZonedParts } from './zone';

const weekdays = ['日', '月', '火', '水', '木', '金', '土'] as const;

const dateJa = (p: ZonedParts) => `${p.year}年${p.month}月${p.day}日(${weekdays[p.weekday]})`;

/** 2026年12月3日(木) */
export function formatDateJa(date: Date, timeZone: string): string {
  return dateJa(zonedParts(date, timeZone));
}

/** 2026年12月3日(木) 14:00 */
export function formatDateTimeJa(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  return `${dateJa(p)} ${timeOf(p)}`;
}

/** YYYY-MM-DD in the zone, for <time dateTime> and feeds. */
export function isoDateIn(date: Date, timeZone: string): string {
  return civilDateOf(zonedParts(date, timeZone));
}

/**
 * A time in the client's zone, with Japan time beside it when the two differ: what clients read,
 * on screens and in mails. The zone is named in Japanese (イギリス時間), never by its id
 * (Europe/London), and the result has no brackets of its own beyond the zone's, so it can sit
 * inside （…） without nesting.
 */
export function whenFor(startsAt: Date, timeZone: string): string {
  const local = formatDateTimeJa(startsAt, timeZone);
  const jst = formatDateTimeJa(startsAt, practiceTimeZone);
  return local === jst ? local : `${zoneNameJa(timeZone)} ${local}／日本時間 ${jst}`;
}

/** 14:00 */
export function formatTimeJa(date: Date, timeZone: string): string {
  return timeOf(zonedParts(date, timeZone));
}

/** 12月3日(木): a date of the current year, where space is short. */
export function formatShortDateJa(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  return `${p.month}月${p.day}日(${weekdays[p.weekday]})`;
}
