import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dateInZone, dayClock, instantOf, isTimeZone, offsetMinutesAt, weekdayOf, zonedParts } from './zone';
import { zoneNameJa } from './japan';

describe('zone arithmetic with Intl', () => {
  it('reads wall-clock parts and offsets in named zones', () => {
    const instant = new Date('2026-12-02T15:00:00Z');
    expect(zonedParts(instant, 'Asia/Tokyo')).toEqual({
      year: 2026,
      month: 12,
      day: 3,
      hour: 0,
      minute: 0,
      second: 0,
      weekday: 4,
    });
    expect(offsetMinutesAt(instant, 'Asia/Tokyo')).toBe(540);
    expect(offsetMinutesAt(instant, 'Australia/Adelaide')).toBe(630);
    expect(offsetMinutesAt(new Date('2026-07-01T00:00:00Z'), 'Australia/Adelaide')).toBe(570);
    expect(offsetMinutesAt(instant, 'Asia/Kolkata')).toBe(330);
    expect(offsetMinutesAt(instant, 'America/Los_Angeles')).toBe(-480);
    expect(dateInZone(instant, 'America/Los_Angeles')).toBe('2026-12-02');
    expect(() => zonedParts(instant, 'Mars/Olympus')).toThrow(RangeError);
  });

  it('does calendar arithmetic on dates', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(weekdayOf('2026-12-03')).toBe(4);
    expect(() => addDays('2026-13-01', 1)).toThrow(RangeError);
  });

  it('finds the instant of a wall-clock time, 1440 being the next midnight', () => {
    expect(instantOf('2026-12-03', 600, 'Asia/Tokyo')).toEqual(new Date('2026-12-03T01:00:00Z'));
    expect(instantOf('2026-12-03', 1440, 'Asia/Tokyo')).toEqual(new Date('2026-12-03T15:00:00Z'));
    expect(instantOf('2026-12-03', 600, 'Asia/Kolkata')).toEqual(new Date('2026-12-03T04:30:00Z'));
  });

  it('moves a time in a spring-forward gap forward, and takes the earlier of a repeated time', () => {
    // New York 2026-03-08 02:00 EST → 03:00 EDT; 2026-11-01 02:00 EDT → 01:00 EST.
    expect(instantOf('2026-03-08', 150, 'America/New_York')).toEqual(new Date('2026-03-08T07:30:00Z')); // 03:30 EDT
    expect(instantOf('2026-03-08', 180, 'America/New_York')).toEqual(new Date('2026-03-08T07:00:00Z'));
    expect(instantOf('2026-11-01', 90, 'America/New_York')).toEqual(new Date('2026-11-01T05:30:00Z')); // 01:30 EDT
    expect(instantOf('2026-11-01', 150, 'America/New_York')).toEqual(new Date('2026-11-01T07:30:00Z'));
  });

  it('round-trips wall-clock times in zones with DST, except inside a gap', () => {
    const zones = [
      'America/New_York',
      'Europe/London',
      'Australia/Adelaide',
      'Australia/Lord_Howe',
      'America/Santiago',
      'Asia/Tokyo',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 730 }),
        fc.integer({ min: 0, max: 1439 }),
        (zone, dayIndex, minute) => {
          const date = addDays('2026-01-01', dayIndex);
          const instant = instantOf(date, minute, zone);
          expect(dayClock(date, zone)(minute)).toEqual(instant);
          const p = zonedParts(instant, zone);
          const shown = `${dateInZone(instant, zone)} ${p.hour * 60 + p.minute}`;
          if (shown === `${date} ${minute}`) return;
          // Not shown as asked: only possible in a gap, where the clock jumps over that time.
          const gap =
            offsetMinutesAt(new Date(instant.getTime() + 1), zone) -
            offsetMinutesAt(new Date(instant.getTime() - 3 * 3_600_000), zone);
          expect(gap).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('zone names for clients', () => {
  it('names zones in Japanese, never by their id where a name exists', () => {
    expect(zoneNameJa('Asia/Tokyo')).toBe('日本時間');
    expect(zoneNameJa('Europe/London')).toBe('イギリス時間');
    expect(zoneNameJa('America/Los_Angeles')).toMatch(/太平洋時間$/);
    expect(zoneNameJa('UTC')).toBe('協定世界時');
  });

  it('knows which strings are zones', () => {
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone(undefined)).toBe(false);
  });
});
