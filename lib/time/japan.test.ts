import { describe, expect, it } from 'vitest';
import { siteConfig } from '@/lib/site-config';
import { whenFor } from './format';
import { fromJstLocal, japanDate, japanInstant, jstDateTime, practiceTimeZone, toJstLocal } from './japan';

describe('Japan time', () => {
  it('is the zone of the site configuration', () => {
    expect(practiceTimeZone).toBe(siteConfig.timeZone);
  });

  it('reads and writes datetime-local values in Japan time, whatever the process zone', () => {
    expect(fromJstLocal('2026-11-25T07:00')).toEqual(new Date('2026-11-24T22:00:00Z'));
    expect(toJstLocal(new Date('2026-11-24T22:00:00Z'))).toBe('2026-11-25T07:00');
    expect(toJstLocal(new Date('2026-12-31T15:30:00Z'))).toBe('2027-01-01T00:30');
    expect(fromJstLocal('2026-11-25T24:00')).toEqual(new Date('2026-11-25T15:00:00Z'));
    for (const bad of ['2026-11-25T24:30', '2026-11-25T07:60', '2026-02-30T10:00', '2026-11-25', 'tomorrow']) {
      expect(Number.isNaN(fromJstLocal(bad).getTime())).toBe(true);
    }
  });

  it('gives the date and midnight in Japan, and the export format', () => {
    expect(japanDate(new Date('2026-11-22T15:00:00Z'))).toBe('2026-11-23');
    expect(japanDate(new Date('2026-11-22T14:59:59Z'))).toBe('2026-11-22');
    expect(japanInstant('2026-11-23')).toEqual(new Date('2026-11-22T15:00:00Z'));
    expect(jstDateTime(new Date('2026-11-22T22:00:05Z'))).toBe('2026-11-23 07:00:05');
  });
});

describe('whenFor', () => {
  const start = new Date('2026-12-03T05:00:00Z');

  it('shows one time for a client in Japan', () => {
    expect(whenFor(start, 'Asia/Tokyo')).toBe('2026年12月3日(木) 14:00');
  });

  it('shows the client’s time with Japan time beside it elsewhere', () => {
    expect(whenFor(start, 'America/Los_Angeles')).toBe(
      '米国太平洋時間 2026年12月2日(水) 21:00／日本時間 2026年12月3日(木) 14:00',
    );
    expect(whenFor(start, 'Europe/London')).toBe(
      'イギリス時間 2026年12月3日(木) 05:00／日本時間 2026年12月3日(木) 14:00',
    );
    expect(whenFor(start, 'UTC')).toBe('協定世界時 2026年12月3日(木) 05:00／日本時間 2026年12月3日(木) 14:00');
  });
});
