/**
 * Japan time: the practice's own zone (siteConfig.timeZone), and the few
 * conversions its screens and exports need. Every "日本時間" in the product is this zone.
 */
import { siteConfig } from '@/lib/site-config';
import { civilDateOf, dateInZone, instantOf, timeOf, zonedParts, type CivilDate } from './zone';

/** The zone the counselor works in: weekly hours, the admin screens, cron jobs, 日本時間. */
export const practiceTimeZone: string = siteConfig.timeZone;

/** Whether a client's zone is the practice's own (no second clock to show beside it). */
export const isPracticeTimeZone = (timeZone: string): boolean => timeZone === practiceTimeZone;

/** Today's date in Japan. */
export const japanDate = (instant: Date): CivilDate => dateInZone(instant, practiceTimeZone);

/** The instant of a Japan wall-clock time: `minuteOfDay` minutes after midnight of `date`. */
export const japanInstant = (date: CivilDate, minuteOfDay = 0): Date => instantOf(date, minuteOfDay, practiceTimeZone);

/** `2026-11-25T07:00`, the value of a datetime-local field, read as Japan time. */
export const jstLocalDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/**
 * The instant of a datetime-local value read as Japan time (24:00 is the next midnight, as
 * Date reads it); an invalid date for anything else, 2026-02-30 included.
 */
export function fromJstLocal(value: string): Date {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value);
  const [hour, minute] = [Number(match?.[2]), Number(match?.[3])];
  if (!match || minute > 59 || hour * 60 + minute > 1440) return new Date(NaN);
  try {
    return japanInstant(match[1]!, hour * 60 + minute);
  } catch {
    return new Date(NaN); // not a calendar date
  }
}

/** The value of a datetime-local field showing the instant in Japan time. */
export function toJstLocal(instant: Date): string {
  const p = zonedParts(instant, practiceTimeZone);
  return `${civilDateOf(p)}T${timeOf(p)}`;
}

/** Japan time, `2026-11-23 07:00:00`, for exports read in a spreadsheet. */
export function jstDateTime(instant: Date): string {
  const p = zonedParts(instant, practiceTimeZone);
  return `${civilDateOf(p)} ${timeOf(p)}:${String(p.second).padStart(2, '0')}`;
}

/**
 * A zone's name in Japanese, as a client reads it: 日本時間, イギリス時間, 米国太平洋時間
 * (the runtime's CLDR names; the id where it has none). No brackets, so it can stand in a sentence
 * or inside （…）.
 */
export function zoneNameJa(timeZone: string): string {
  if (isPracticeTimeZone(timeZone)) return '日本時間';
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return '協定世界時';
  try {
    const name = new Intl.DateTimeFormat('ja-JP', { timeZone, timeZoneName: 'longGeneric' })
      .formatToParts(new Date(0))
      .find((p) => p.type === 'timeZoneName')?.value;
    return name && !name.startsWith('GMT') ? name : timeZone;
  } catch {
    return timeZone;
  }
}
