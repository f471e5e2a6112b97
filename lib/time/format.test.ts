import { describe, expect, it } from 'vitest';
import { formatDateJa, formatDateTimeJa, isoDateIn } from './format';

describe('Japanese formats', () => {
  const instant = new Date('2026-12-03T05:00:00Z'); // 14:00 in Tokyo

  it('formats dates and times in the given zone with the weekday', () => {
    expect(formatDateTimeJa(instant, 'Asia/Tokyo')).toBe('2026年12月3日(木) 14:00');
    expect(formatDateJa(instant, 'Asia/Tokyo')).toBe('2026年12月3日(木)');
  });

  it('shows the previous day for a zone behind UTC', () => {
    expect(formatDateTimeJa(new Date('2026-12-03T02:00:00Z'), 'America/Los_Angeles')).toBe('2026年12月2日(水) 18:00');
    expect(isoDateIn(new Date('2026-12-03T02:00:00Z'), 'America/Los_Angeles')).toBe('2026-12-02');
  });

  it('shows midnight as 00:00, not 24:00', () => {
    expect(formatDateTimeJa(new Date('2026-12-03T15:00:00Z'), 'Asia/Tokyo')).toBe('2026年12月4日(金) 00:00');
  });
});
