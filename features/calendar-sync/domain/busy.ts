/**
 * Busy time out of an iCalendar file (RFC 5545), as plain instants: nothing else of an event
 * (title, place, people) is kept, so nothing about the counselor's own appointments can reach a
 * client. Pure: the window and the zone for floating and all-day times are passed in.
 *
 * Parsing and recurrence (RRULE, RDATE, EXDATE, RECURRENCE-ID overrides) are ical.js's; times are
 * turned into instants here, from their wall-clock fields and TZID, by `@/lib/time` (IANA zones,
 * as Google and Apple write them). A TZID that is not an IANA name (Outlook's "Tokyo Standard
 * Time") is read from the file's own VTIMEZONE; a time with neither is floating, as is a date.
 *
 *   DTSTART;TZID=America/New_York:20261101T090000, RRULE:FREQ=DAILY;COUNT=3
 *   → 2026-11-01T14:00Z, 2026-11-02T14:00Z, 2026-11-03T14:00Z (each 09:00 in New York, across
 *     the DST change of 1 November)
 *   DTSTART;VALUE=DATE:20261205 (no DTEND), practice zone Asia/Tokyo
 *   → 2026-12-04T15:00Z – 2026-12-05T15:00Z (the whole Japanese day)
 */
import ICAL from 'ical.js';
import { DAY_MS, instantOf, isTimeZone, type CivilDate } from '@/lib/time';

export type BusyInterval = { start: Date; end: Date };

export type BusyOptions = {
  /** Occurrences that end at or before `from`, or start at or after `to`, are left out. */
  from: Date;
  to: Date;
  /** Where floating times and all-day dates are read: the practice's zone. */
  floatingTimeZone: string;
  /** Stop after this many intervals (a feed of every minute must not fill the database). */
  maxIntervals?: number;
  /** Occurrences looked at per recurring event, from its first (FREQ=MINUTELY since 2010…). */
  maxOccurrencesPerEvent?: number;
};

export class CalendarParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarParseError';
  }
}

export type BusyResult = { intervals: BusyInterval[]; truncated: boolean };

/** Busy intervals in [from, to), sorted by start; throws CalendarParseError for a file that is not a calendar. */
export function busyIntervalsFromIcs(text: string, options: BusyOptions): BusyResult {
  const calendar = parseCalendar(text);
  const maxIntervals = options.maxIntervals ?? 10_000;
  const maxOccurrences = options.maxOccurrencesPerEvent ?? 10_000;
  const registered = registerOwnZones(calendar);
  try {
    const { masters, exceptions } = groupByUid(calendar.getAllSubcomponents('vevent'));
    const out: BusyInterval[] = [];
    let truncated = false;
    const push = (component: ICAL.Component, interval: BusyInterval | undefined) => {
      if (!interval || interval.end <= interval.start || !takesTime(component)) return;
      if (interval.end <= options.from || interval.start >= options.to) return;
      if (out.length >= maxIntervals) truncated = true;
      else out.push(interval);
    };
    for (const [uid, master] of masters) {
      const event = new ICAL.Event(master);
      for (const exception of exceptions.get(uid) ?? []) event.relateException(exception);
      exceptions.delete(uid);
      if (!event.isRecurring()) {
        push(master, intervalOf(master, event.startDate, event.endDate, options));
        continue;
      }
      const iterator = event.iterator();
      const hasExceptions = Object.keys(event.exceptions).length > 0;
      const span = event.duration.toSeconds() * 1000 + 2 * DAY_MS;
      const earliest = options.from.getTime();
      for (let n = 0, next = iterator.next(); next && !truncated; next = iterator.next(), n += 1) {
        if (n >= maxOccurrences) {
          truncated = true;
          break;
        }
        // Occurrences days before the window are skipped on their wall-clock fields alone (a
        // zone is at most 14 h off UTC): working each one out is what makes a long series slow.
        if (!hasExceptions && wallClockMs(next) + span < earliest) continue;
        const details = event.getOccurrenceDetails(next);
        const interval = intervalOf(details.item.component, details.startDate, details.endDate, options);
        if (interval && interval.start >= options.to) break;
        push(details.item.component, interval);
      }
    }
    // A moved occurrence whose series is not in the file (some servers send only the change).
    for (const list of exceptions.values()) {
      for (const component of list) {
        const event = new ICAL.Event(component);
        push(component, intervalOf(component, event.startDate, event.endDate, options));
      }
    }
    out.sort((a, b) => a.start.getTime() - b.start.getTime());
    return { intervals: out, truncated };
  } catch (err) {
    // ical.js reads values lazily: a bad DTSTART surfaces here, not in parse().
    if (err instanceof CalendarParseError) throw err;
    throw new CalendarParseError(`an event could not be read: ${(err as Error).message}`);
  } finally {
    for (const tzid of registered) ICAL.TimezoneService.remove(tzid);
  }
}

function parseCalendar(text: string): ICAL.Component {
  if (!/^\s*BEGIN:VCALENDAR/i.test(text))
    throw new CalendarParseError('the file is not an iCalendar (BEGIN:VCALENDAR)');
  try {
    const calendar = new ICAL.Component(ICAL.parse(text));
    if (calendar.name !== 'vcalendar') throw new CalendarParseError('the file is not an iCalendar');
    return calendar;
  } catch (err) {
    if (err instanceof CalendarParseError) throw err;
    throw new CalendarParseError(`the iCalendar file could not be read: ${(err as Error).message}`);
  }
}

/** VTIMEZONEs whose names are not IANA zones, registered with ical.js for this parse only. */
function registerOwnZones(calendar: ICAL.Component): string[] {
  const registered: string[] = [];
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
    const tzid = vtimezone.getFirstPropertyValue('tzid');
    if (typeof tzid !== 'string' || isTimeZone(tzid) || ICAL.TimezoneService.has(tzid)) continue;
    ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
    registered.push(tzid);
  }
  return registered;
}

function groupByUid(vevents: ICAL.Component[]) {
  const masters = new Map<string, ICAL.Component>();
  const exceptions = new Map<string, ICAL.Component[]>();
  vevents.forEach((component, i) => {
    const uid = String(component.getFirstPropertyValue('uid') ?? `no-uid-${i}`);
    if (component.hasProperty('recurrence-id')) exceptions.set(uid, [...(exceptions.get(uid) ?? []), component]);
    else masters.set(masters.has(uid) ? `${uid}#${i}` : uid, component);
  });
  return { masters, exceptions };
}

/** Whether an event takes the time: TRANSP:TRANSPARENT (「予定なし」) and cancelled events do not. */
function takesTime(component: ICAL.Component): boolean {
  const transp = String(component.getFirstPropertyValue('transp') ?? 'OPAQUE').toUpperCase();
  const status = String(component.getFirstPropertyValue('status') ?? '').toUpperCase();
  return transp !== 'TRANSPARENT' && status !== 'CANCELLED';
}

function intervalOf(
  component: ICAL.Component,
  start: ICAL.Time | null,
  end: ICAL.Time | null,
  options: BusyOptions,
): BusyInterval | undefined {
  if (!start) return undefined;
  const startZone = tzidOf(component, 'dtstart');
  const from = instantOfTime(start, startZone, options.floatingTimeZone);
  const to = end ? instantOfTime(end, tzidOf(component, 'dtend') ?? startZone, options.floatingTimeZone) : from;
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return undefined;
  return { start: from, end: to };
}

function tzidOf(component: ICAL.Component, name: 'dtstart' | 'dtend'): string | undefined {
  const tzid = component.getFirstProperty(name)?.getParameter('tzid');
  return typeof tzid === 'string' ? tzid : undefined;
}

/**
 * An ical.js time as an instant. Occurrences come out of ical.js as wall-clock fields (the
 * recurrence keeps 09:00 across a DST change, as RFC 5545 says); their zone is the TZID of the
 * property they came from.
 */
function instantOfTime(time: ICAL.Time, tzid: string | undefined, floatingTimeZone: string): Date {
  const date: CivilDate = `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}`;
  if (time.isDate) return instantOf(date, 0, floatingTimeZone);
  const minutes = time.hour * 60 + time.minute;
  const seconds = time.second * 1000;
  if (time.zone === ICAL.Timezone.utcTimezone || time.zone?.tzid === 'UTC') {
    return new Date(Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second));
  }
  if (tzid && isTimeZone(tzid)) return new Date(instantOf(date, minutes, tzid).getTime() + seconds);
  if (tzid && ICAL.TimezoneService.has(tzid)) {
    const zoned = new ICAL.Time(
      {
        year: time.year,
        month: time.month,
        day: time.day,
        hour: time.hour,
        minute: time.minute,
        second: time.second,
      },
      ICAL.TimezoneService.get(tzid),
    );
    return new Date(zoned.toUnixTime() * 1000);
  }
  return new Date(instantOf(date, minutes, floatingTimeZone).getTime() + seconds);
}

const wallClockMs = (t: ICAL.Time) => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
