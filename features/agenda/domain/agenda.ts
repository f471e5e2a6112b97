import type { DateOverride, WeeklyRule } from '@/features/booking/domain/slots';
import { addDays, type CivilDate, dateInZone, instantOf, weekdayOf, zonedParts } from '@/lib/time/zone';

/** A questionnaire's state as the counselor reads it; 要確認 is a positive safety answer. */
export type IntakeState = 'none' | 'draft' | 'submitted' | 'flagged';

export type AgendaSession = {
  kind: 'session';
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: 'held' | 'awaiting_payment' | 'confirmed' | 'completed' | 'no_show' | 'cancelled' | 'expired';
  clientName: string | null;
  sessionTypeName: string;
  meetingUrl: string | null;
  intake: IntakeState;
};

export type AgendaLesson = {
  kind: 'lesson';
  id: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
  cohortId: string;
  cohortName: string;
  courseTitle: string;
  meetingUrl: string | null;
};

export type AgendaItem = AgendaSession | AgendaLesson;

/** Minutes from midnight in the practice's zone. */
export type MinuteRange = { startMinute: number; endMinute: number };

export type AgendaDay = {
  date: CivilDate;
  items: AgendaItem[];
  /** The weekly hours of that weekday (none on a day off). */
  weekly: MinuteRange[];
  /** Extra hours added for that date. */
  extra: MinuteRange[];
  /** A day off was set for that date. */
  closed: boolean;
  /**
   * Her own appointments from imported calendars, cut to this day and merged: times only, no
   * titles (none are stored). They are why open slots are closed.
   */
  busy: MinuteRange[];
};

/** A busy interval read from an imported calendar. */
export type BusyInterval = { start: Date; end: Date };

/** The admin page an item opens. */
export function agendaHref(item: AgendaItem): string {
  return item.kind === 'session' ? `/admin/bookings/${item.id}` : `/admin/courses/cohorts/${item.cohortId}`;
}

/**
 * Sorts sessions and lessons into the practice zone's days, each with its weekly hours, extra
 * hours and day off. An item belongs to the day on which it starts there (a session at 23:30 on
 * 31 January is on the 31st even though it ends on 1 February).
 */
export function agendaDays(
  dates: readonly CivilDate[],
  items: readonly AgendaItem[],
  availability: { rules: readonly WeeklyRule[]; overrides: readonly DateOverride[] },
  timeZone: string,
  busy: readonly BusyInterval[] = [],
): AgendaDay[] {
  const sorted = [...items].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return dates.map((date) => {
    const forDay = availability.overrides.filter((o) => o.date === date);
    const closed = forDay.some((o) => o.kind === 'closed');
    const weekday = weekdayOf(date);
    return {
      date,
      items: sorted.filter((i) => dateInZone(i.startsAt, timeZone) === date),
      weekly: closed
        ? []
        : availability.rules
            .filter((r) => r.weekday === weekday)
            .map((r) => ({ startMinute: r.startMinute, endMinute: r.endMinute })),
      extra: forDay.flatMap((o) =>
        o.kind === 'extra' ? [{ startMinute: o.startMinute, endMinute: o.endMinute }] : [],
      ),
      closed,
      busy: busyOfDay(date, busy, timeZone),
    };
  });
}

/** The busy intervals touching `date` (practice zone), cut to the day, overlapping ones merged. */
export function busyOfDay(date: CivilDate, busy: readonly BusyInterval[], timeZone: string): MinuteRange[] {
  const dayStart = instantOf(date, 0, timeZone).getTime();
  const dayEnd = instantOf(addDays(date, 1), 0, timeZone).getTime();
  const ranges = busy
    .filter((b) => b.start.getTime() < dayEnd && b.end.getTime() > dayStart)
    .map((b) => ({
      startMinute: Math.round((Math.max(b.start.getTime(), dayStart) - dayStart) / 60_000),
      endMinute: Math.round((Math.min(b.end.getTime(), dayEnd) - dayStart) / 60_000),
    }))
    .sort((a, b) => a.startMinute - b.startMinute);
  const merged: MinuteRange[] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r.startMinute <= last.endMinute) last.endMinute = Math.max(last.endMinute, r.endMinute);
    else merged.push({ ...r });
  }
  return merged;
}

/** A busy range covering the whole day (an all-day event, a holiday away). */
export const isWholeDay = (r: MinuteRange) => r.startMinute === 0 && r.endMinute >= 1440;

/** Where an item sits on its day's grid, in minutes from midnight; one running past midnight ends at 24:00. */
export function minuteRangeOf(item: { startsAt: Date; endsAt: Date }, timeZone: string): MinuteRange {
  const start = zonedParts(item.startsAt, timeZone);
  const startMinute = start.hour * 60 + start.minute;
  const length = Math.round((item.endsAt.getTime() - item.startsAt.getTime()) / 60_000);
  return { startMinute, endMinute: Math.min(1440, startMinute + Math.max(length, 15)) };
}

/**
 * The hours a grid shows: 9:00–21:00 at least, widened to whole hours around every item and
 * every stretch of open hours of the days shown.
 */
export function gridHours(days: readonly AgendaDay[], timeZone: string): { first: number; last: number } {
  let first = 9 * 60;
  let last = 21 * 60;
  for (const day of days) {
    // A whole-day busy range does not stretch the grid to midnight: its label says 終日.
    const busy = day.busy.filter((r) => !isWholeDay(r));
    const ranges = [...day.weekly, ...day.extra, ...busy, ...day.items.map((i) => minuteRangeOf(i, timeZone))];
    for (const r of ranges) {
      first = Math.min(first, r.startMinute);
      last = Math.max(last, r.endMinute);
    }
  }
  return { first: Math.floor(first / 60), last: Math.ceil(last / 60) };
}
