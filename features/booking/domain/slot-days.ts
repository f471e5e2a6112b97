/**
 * Slots as a client sees them: grouped by the client's calendar day, with the practice's own
 * time beside each one when the client's clock differs from it.
 */
import {
  civilDateOf,
  formatDateJa,
  isPracticeTimeZone,
  offsetOf,
  timeOf,
  zonedParts,
  type CivilDate,
  type ZonedParts,
} from '@/lib/time';
import { bookingMessages } from './messages';
import type { DateRange } from './ranges';

export type SlotView = {
  start: Date;
  end: Date;
  /** 14:00 on the viewer's clock */
  time: string;
  /** 日本時間 14:00, or 日本時間 12月4日(金) 07:00 when the practice's date differs; absent when the clocks agree */
  practiceTime?: string;
  /** The viewer's own hold (お手続き中のご予約), which choosing again resumes. */
  own?: boolean;
};

export type SlotDay = {
  /** YYYY-MM-DD in the viewer's zone */
  date: CivilDate;
  /** 2026年12月3日(木) in the viewer's zone */
  label: string;
  slots: SlotView[];
};

/**
 * Groups slots by the viewer's calendar day, days and slots in order.
 *
 *   slot 2026-12-02T01:00Z (Wednesday 10:00 in Tokyo), viewer in America/Los_Angeles
 *   → day 2026-12-01 「2026年12月1日(火)」, time 17:00, practiceTime 「日本時間 12月2日(水) 10:00」
 *
 * The practice time is left out when both zones have the same offset at that instant (a viewer
 * in Tokyo or Seoul), whatever the zones are called.
 */
export function groupSlotsByDay(
  slots: readonly DateRange[],
  viewerTimeZone: string,
  practiceTimeZone: string,
): SlotDay[] {
  const days = new Map<CivilDate, SlotDay>();
  const sorted = [...slots].sort((a, b) => a.start.getTime() - b.start.getTime());
  for (const slot of sorted) {
    const viewer = zonedParts(slot.start, viewerTimeZone);
    const date = civilDateOf(viewer);
    let day = days.get(date);
    if (!day) {
      day = { date, label: formatDateJa(slot.start, viewerTimeZone), slots: [] };
      days.set(date, day);
    }
    const practiceTime = practiceTimeBeside(slot.start, viewer, practiceTimeZone);
    day.slots.push({
      start: new Date(slot.start),
      end: new Date(slot.end),
      time: timeOf(viewer),
      ...(practiceTime ? { practiceTime } : {}),
    });
  }
  // Sorted by date as well as by start: a clock turned back over midnight could revisit a date.
  return [...days.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function practiceTimeBeside(instant: Date, viewer: ZonedParts, practiceTimeZone: string): string | undefined {
  const practice = zonedParts(instant, practiceTimeZone);
  if (offsetOf(viewer, instant) === offsetOf(practice, instant)) return undefined;
  const zoneName = isPracticeTimeZone(practiceTimeZone) ? bookingMessages.practiceZoneName : practiceTimeZone;
  const monthDay =
    civilDateOf(practice) === civilDateOf(viewer)
      ? undefined
      : bookingMessages.monthDay(practice.month, practice.day, bookingMessages.weekdays[practice.weekday]);
  return bookingMessages.practiceTime(zoneName, timeOf(practice), monthDay);
}
