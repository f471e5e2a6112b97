/**
 * The practice's rhythm (DESIGN.md): columns on Monday, Wednesday and Friday, the newsletter
 * on Tuesday, Thursday and Saturday, each in the morning, Japan time. Pure: the clock is
 * passed in.
 */
import { addDays, japanDate, japanInstant, weekdayOf } from '@/lib/time';

export type PublicationRhythm = { weekdays: readonly number[]; hour: number; minute: number };

export const columnRhythm: PublicationRhythm = { weekdays: [1, 3, 5], hour: 7, minute: 0 };
export const newsletterRhythm: PublicationRhythm = { weekdays: [2, 4, 6], hour: 7, minute: 0 };

/**
 * The first publication time of the rhythm strictly after `now`, skipping times already
 * taken by something else scheduled. Example: on Monday 2026-11-23 at 06:59 JST the next
 * column slot is 07:00 the same day; at 07:00 it is Wednesday 07:00.
 */
export function nextPublicationTime(now: Date, rhythm: PublicationRhythm, taken: readonly Date[] = []): Date {
  const takenTimes = new Set(taken.map((d) => d.getTime()));
  const today = japanDate(now);
  for (let day = 0; day < 7 * 60; day += 1) {
    const date = addDays(today, day);
    if (!rhythm.weekdays.includes(weekdayOf(date))) continue;
    const candidate = japanInstant(date, rhythm.hour * 60 + rhythm.minute).getTime();
    if (candidate > now.getTime() && !takenTimes.has(candidate)) return new Date(candidate);
  }
  throw new Error('no free publication time in the next 60 weeks');
}
