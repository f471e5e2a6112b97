import { describe, expect, it } from 'vitest';
import { isMonth, monthLabel, monthPeriod, parsePeriod, shiftMonth } from './period';

describe('monthPeriod', () => {
  it('runs from the 1st 00:00 JST to the next 1st 00:00 JST (15:00 UTC the day before)', () => {
    const january = monthPeriod('2026-01');
    expect(january).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
      start: new Date('2025-12-31T15:00:00Z'),
      end: new Date('2026-01-31T15:00:00Z'),
    });
    // 2026-01-31 23:30 JST is 14:30 UTC: inside January.
    const lateJanuary = new Date('2026-01-31T14:30:00Z');
    expect(lateJanuary >= january.start && lateJanuary < january.end).toBe(true);
    expect(monthPeriod('2026-02').start).toEqual(january.end);
  });

  it('knows February of a leap year and December', () => {
    expect(monthPeriod('2028-02').to).toBe('2028-02-29');
    expect(monthPeriod('2026-12').to).toBe('2026-12-31');
  });
});

describe('months', () => {
  it('steps across a year and reads as Japanese', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
    expect(monthLabel('2026-01')).toBe('2026年1月');
  });

  it('accepts only YYYY-MM', () => {
    expect(isMonth('2026-01')).toBe(true);
    for (const bad of ['2026-13', '2026-1', '202601', '2026-00', '', undefined, ['2026-01'], '1999-12']) {
      expect(isMonth(bad)).toBe(false);
    }
  });
});

describe('parsePeriod', () => {
  it('is the month of today when neither date is given', () => {
    const parsed = parsePeriod({}, '2026-02-10');
    expect(parsed.ok && parsed.period.from).toBe('2026-02-01');
    expect(parsed.ok && parsed.period.to).toBe('2026-02-28');
  });

  it('takes both days whole, in Japan time', () => {
    const parsed = parsePeriod({ from: '2026-01-01', to: '2026-12-31' }, '2026-02-10');
    expect(parsed).toEqual({
      ok: true,
      period: {
        from: '2026-01-01',
        to: '2026-12-31',
        start: new Date('2025-12-31T15:00:00Z'),
        end: new Date('2026-12-31T15:00:00Z'),
      },
    });
  });

  it.each([
    [{ from: '2026-01-01' }, '両方'],
    [{ to: '2026-01-31' }, '両方'],
    [{ from: '2026-02-30', to: '2026-03-01' }, '開始日「2026-02-30」は日付として読めません'],
    [{ from: '2026/01/01', to: '2026-01-31' }, '日付として読めません'],
    [{ from: '2026-01-01', to: 'x' }, '終了日「x」'],
    [{ from: '2026-02-01', to: '2026-01-31' }, '開始日（2026-02-01）が終了日（2026-01-31）より後'],
    [{ from: '2025-01-01', to: '2026-01-31' }, '期間が長すぎます（396日）'],
  ])('refuses %j, saying why', (input, message) => {
    const parsed = parsePeriod(input, '2026-02-10');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toContain(message);
  });
});
