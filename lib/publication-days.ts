/**
 * The practice's rhythm (DESIGN.md): columns on Monday, Wednesday and Friday, the newsletter
 * on Tuesday, Thursday and Saturday, each in the morning, Japan time. Pure: the clock is
 * passed in. Japan has no daylight saving time, so JST is a fixed UTC+9.
 */
export type PublicationRhythm = { weekdays: readonly number[]; hour: number; minute: number };

export const columnRhythm: PublicationRhythm = { weekdays: [1, 3, 5], hour: 7, minute: 0 };
export const newsletterRhythm: PublicationRhythm = { weekdays: [2, 4, 6], hour: 7, minute: 0 };

const jstOffsetMs = 9 * 60 * 60 * 1000;
const dayMs = 24 * 60 * 60 * 1000;

/**
 * The first publication time of the rhythm strictly after `now`, skipping times already
 * taken by something else scheduled. Example: on Monday 2026-11-23 at 06:59 JST the next
 * column slot is 07:00 the same day; at 07:00 it is Wednesday 07:00.
 */
export function nextPublicationTime(now: Date, rhythm: PublicationRhythm, taken: readonly Date[] = []): Date {
  const takenTimes = new Set(taken.map((d) => d.getTime()));
  // Midnight of today in JST, expressed as a UTC instant.
  const jstMidnight = Math.floor((now.getTime() + jstOffsetMs) / dayMs) * dayMs - jstOffsetMs;
  for (let day = 0; day < 7 * 60; day += 1) {
    const start = jstMidnight + day * dayMs;
    const weekday = new Date(start + jstOffsetMs).getUTCDay();
    if (!rhythm.weekdays.includes(weekday)) continue;
    const candidate = start + (rhythm.hour * 60 + rhythm.minute) * 60 * 1000;
    if (candidate > now.getTime() && !takenTimes.has(candidate)) return new Date(candidate);
  }
  throw new Error('no free publication time in the next 60 weeks');
}

/** `2026-11-25T07:00`, the value of a datetime-local field, read as Japan time. */
export const jstLocalDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export function fromJstLocal(value: string): Date {
  return new Date(`${value}:00+09:00`);
}

export function toJstLocal(date: Date): string {
  return new Date(date.getTime() + jstOffsetMs).toISOString().slice(0, 16);
}
