import { describe, expect, it } from 'vitest';
import { columnRhythm, newsletterRhythm, nextPublicationTime } from './publication-days';

const jst = (local: string) => new Date(`${local}+09:00`);

describe('next column time (Mon/Wed/Fri 07:00 JST)', () => {
  it.each([
    ['Monday before 07:00 gives the same morning', '2026-11-23T06:59', '2026-11-23T07:00'],
    ['Monday at 07:00 exactly gives Wednesday', '2026-11-23T07:00', '2026-11-25T07:00'],
    ['Tuesday gives Wednesday', '2026-11-24T12:00', '2026-11-25T07:00'],
    ['Friday evening gives Monday across the weekend', '2026-11-27T21:00', '2026-11-30T07:00'],
    ['Saturday gives Monday', '2026-11-28T09:00', '2026-11-30T07:00'],
    // 2026-12-31 is a Thursday; 2027-01-01 a Friday.
    ['New Year’s Eve gives the first day of the year', '2026-12-31T08:00', '2027-01-01T07:00'],
    ['Friday 1 January after 07:00 gives Monday 4 January', '2027-01-01T07:30', '2027-01-04T07:00'],
  ])('%s', (_, now, expected) => {
    expect(nextPublicationTime(jst(now), columnRhythm)).toEqual(jst(expected));
  });

  it('counts the day in Japan, not in UTC: Sunday 23:30 UTC is already Monday 08:30 JST', () => {
    // 2026-11-22T23:30Z = Monday 2026-11-23 08:30 JST: Monday's slot has passed.
    expect(nextPublicationTime(new Date('2026-11-22T23:30:00Z'), columnRhythm)).toEqual(jst('2026-11-25T07:00'));
    // Sunday 21:00 UTC = Monday 06:00 JST: Monday's slot is still ahead.
    expect(nextPublicationTime(new Date('2026-11-22T21:00:00Z'), columnRhythm)).toEqual(
      new Date('2026-11-22T22:00:00Z'),
    );
  });

  it('skips times already taken by another scheduled article', () => {
    const taken = [jst('2026-11-25T07:00'), jst('2026-11-27T07:00')];
    expect(nextPublicationTime(jst('2026-11-24T12:00'), columnRhythm, taken)).toEqual(jst('2026-11-30T07:00'));
  });
});

describe('next newsletter time (Tue/Thu/Sat 07:00 JST)', () => {
  it.each([
    ['Monday gives Tuesday', '2026-11-23T10:00', '2026-11-24T07:00'],
    ['Saturday after 07:00 gives Tuesday across Sunday and Monday', '2026-11-28T07:01', '2026-12-01T07:00'],
    // 2027-12-31 is a Friday: the next Saturday is in the new year.
    ['the last Friday of 2027 gives Saturday 1 January 2028', '2027-12-31T20:00', '2028-01-01T07:00'],
    ['Thursday 31 December 2026 after 07:00 gives Saturday 2 January 2027', '2026-12-31T07:00', '2027-01-02T07:00'],
  ])('%s', (_, now, expected) => {
    expect(nextPublicationTime(jst(now), newsletterRhythm)).toEqual(jst(expected));
  });
});
