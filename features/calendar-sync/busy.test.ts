import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeSlots, type WeeklyRule } from '@/features/booking/domain/slots';
import { busyIntervalsFromIcs, CalendarParseError, type BusyOptions } from './domain/busy';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
const window: BusyOptions = {
  from: new Date('2027-01-01T00:00:00Z'),
  to: new Date('2027-04-01T00:00:00Z'),
  floatingTimeZone: 'Asia/Tokyo',
};
const iso = (text: string, options: BusyOptions = window) =>
  busyIntervalsFromIcs(text, options).intervals.map((i) => [i.start.toISOString(), i.end.toISOString()]);

describe('busyIntervalsFromIcs', () => {
  it('expands a weekly RRULE, leaves out its EXDATE and moves its overridden occurrence', () => {
    expect(iso(fixture('recurring.ics'))).toEqual([
      ['2027-01-04T01:00:00.000Z', '2027-01-04T02:00:00.000Z'], // Mon 10:00 JST
      // 11 January is an EXDATE
      ['2027-01-18T06:00:00.000Z', '2027-01-18T07:00:00.000Z'], // moved to 15:00 JST
      ['2027-01-25T01:00:00.000Z', '2027-01-25T02:00:00.000Z'],
    ]);
  });

  it('ignores free (TRANSP:TRANSPARENT) and cancelled events', () => {
    const starts = iso(fixture('recurring.ics')).map(([s]) => s);
    expect(starts).not.toContain('2027-01-05T01:00:00.000Z');
    expect(starts).not.toContain('2027-01-06T01:00:00.000Z');
  });

  it('takes an all-day event as the whole Japanese day, DTEND exclusive, and skips a free one', () => {
    expect(iso(fixture('all-day.ics'))).toEqual([
      ['2027-01-06T15:00:00.000Z', '2027-01-07T15:00:00.000Z'], // 7 January, 00:00–24:00 JST
      ['2027-01-11T15:00:00.000Z', '2027-01-13T15:00:00.000Z'], // 12–13 January
    ]);
  });

  it('reads IANA zones across a DST change, UTC, an Outlook zone, floating times and DURATION', () => {
    expect(iso(fixture('zones.ics'))).toEqual([
      ['2027-01-08T03:00:00.000Z', '2027-01-08T04:00:00.000Z'], // Z
      ['2027-01-09T05:00:00.000Z', '2027-01-09T06:00:00.000Z'], // Tokyo Standard Time, from its VTIMEZONE
      ['2027-01-10T00:00:00.000Z', '2027-01-10T01:00:00.000Z'], // floating 09:00, read in Japan time
      ['2027-01-11T05:00:00.000Z', '2027-01-11T05:45:00.000Z'], // Kolkata +05:30, 45 minutes
      ['2027-03-06T00:00:00.000Z', '2027-03-06T01:00:00.000Z'], // 19:00 EST
      ['2027-03-13T00:00:00.000Z', '2027-03-13T01:00:00.000Z'],
      ['2027-03-19T23:00:00.000Z', '2027-03-20T00:00:00.000Z'], // 19:00 EDT: after 14 March, one hour earlier in UTC
    ]);
  });

  it('keeps only what touches the window, and an open-ended series only up to its end', () => {
    const daily = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:daily',
      'DTSTART;TZID=Asia/Tokyo:20200101T120000',
      'DTEND;TZID=Asia/Tokyo:20200101T130000',
      'RRULE:FREQ=DAILY',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const result = busyIntervalsFromIcs(daily, {
      ...window,
      from: new Date('2027-01-01T00:00:00Z'),
      to: new Date('2027-01-04T00:00:00Z'),
    });
    expect(result.truncated).toBe(false);
    expect(result.intervals.map((i) => i.start.toISOString())).toEqual([
      '2027-01-01T03:00:00.000Z',
      '2027-01-02T03:00:00.000Z',
      '2027-01-03T03:00:00.000Z',
    ]);
  });

  it('stops at its limits instead of filling the database', () => {
    const minutely = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'UID:m',
      'DTSTART:20270101T000000Z',
      'DTEND:20270101T000100Z',
      'RRULE:FREQ=MINUTELY',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const result = busyIntervalsFromIcs(minutely, { ...window, maxIntervals: 100 });
    expect(result.truncated).toBe(true);
    expect(result.intervals).toHaveLength(100);
  });

  it('refuses a file that is not a calendar, or whose events cannot be read', () => {
    expect(() => iso('<!doctype html><title>Sign in</title>')).toThrow(CalendarParseError);
    expect(() => iso(fixture('malformed.ics'))).toThrow(CalendarParseError);
    expect(() => iso('BEGIN:VCALENDAR\nthis is not a line\nEND:VCALENDAR')).toThrow(CalendarParseError);
  });

  it('keeps nothing of an event but its time', () => {
    const [first] = busyIntervalsFromIcs(fixture('recurring.ics'), window).intervals;
    expect(Object.keys(first!).sort()).toEqual(['end', 'start']);
  });
});

describe('imported busy time in the slot computation', () => {
  const mondays: WeeklyRule[] = [{ weekday: 1, startMinute: 600, endMinute: 1080 }]; // 10:00–18:00 JST
  const slotsOn = (busy: { start: Date; end: Date }[]) =>
    computeSlots({
      now: new Date('2027-01-01T00:00:00Z'),
      rules: mondays,
      overrides: [],
      busy,
      settings: {
        durationMinutes: 60,
        bufferMinutes: 0,
        minNoticeMinutes: 0,
        horizonDays: 30,
        stepMinutes: 60,
        practiceTimeZone: 'Asia/Tokyo',
      },
    })
      .filter((s) => s.start.toISOString().startsWith('2027-01-18'))
      .map((s) => s.start.toISOString());

  it('closes exactly the slots an imported event overlaps', () => {
    const busy = busyIntervalsFromIcs(fixture('recurring.ics'), window).intervals;
    const open = slotsOn([]);
    const closed = slotsOn(busy);
    // 18 January: the moved occurrence 15:00–16:00 JST takes the 15:00 slot only.
    expect(open.filter((s) => !closed.includes(s))).toEqual(['2027-01-18T06:00:00.000Z']);
  });
});
