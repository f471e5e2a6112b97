import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clampRanges, intersectRanges, mergeRanges, subtractRanges, type DateRange } from './ranges';

// Wall-clock hours of one UTC day, for readable cases: r('10:00', '12:00').
const at = (hhmm: string) => new Date(`2026-12-03T${hhmm}:00.000Z`);
const r = (start: string, end: string): DateRange => ({ start: at(start), end: at(end) });
const show = (ranges: DateRange[]) =>
  ranges.map((x) => `${x.start.toISOString().slice(11, 16)}–${x.end.toISOString().slice(11, 16)}`);

describe('mergeRanges', () => {
  it('joins overlapping, contained and touching ranges, and sorts', () => {
    expect(
      show(
        mergeRanges([
          r('15:00', '16:00'),
          r('11:00', '13:00'),
          r('10:00', '12:00'),
          r('13:00', '14:00'),
          r('15:15', '15:45'),
        ]),
      ),
    ).toEqual(['10:00–14:00', '15:00–16:00']);
  });

  it('keeps ranges with a gap apart, even of one millisecond', () => {
    const a = { start: at('10:00'), end: new Date(at('11:00').getTime() - 1) };
    expect(mergeRanges([a, r('11:00', '12:00')])).toHaveLength(2);
  });

  it('drops empty and inverted ranges and does not alias its input', () => {
    const input = [r('10:00', '10:00'), r('12:00', '11:00'), r('09:00', '09:30')];
    const out = mergeRanges(input);
    expect(show(out)).toEqual(['09:00–09:30']);
    expect(out[0]!.start).not.toBe(input[2]!.start);
    expect(mergeRanges([])).toEqual([]);
  });
});

describe('intersectRanges', () => {
  it('keeps the instants in both lists', () => {
    expect(
      show(intersectRanges([r('10:00', '12:00'), r('13:00', '18:00')], [r('11:00', '14:00'), r('17:00', '20:00')])),
    ).toEqual(['11:00–12:00', '13:00–14:00', '17:00–18:00']);
  });

  it('gives nothing for ranges that only touch, and the inner one for a contained range', () => {
    expect(intersectRanges([r('10:00', '12:00')], [r('12:00', '13:00')])).toEqual([]);
    expect(show(intersectRanges([r('10:00', '18:00')], [r('12:00', '13:00')]))).toEqual(['12:00–13:00']);
  });

  it('handles one range meeting many', () => {
    expect(
      show(intersectRanges([r('09:00', '20:00')], [r('10:00', '11:00'), r('12:00', '13:00'), r('19:30', '21:00')])),
    ).toEqual(['10:00–11:00', '12:00–13:00', '19:30–20:00']);
  });
});

describe('subtractRanges', () => {
  it('cuts holes, including one reaching past the end', () => {
    expect(show(subtractRanges([r('10:00', '18:00')], [r('12:45', '14:15'), r('17:30', '19:00')]))).toEqual([
      '10:00–12:45',
      '14:15–17:30',
    ]);
  });

  it('removes nothing for a touching range and everything for a containing one', () => {
    expect(show(subtractRanges([r('10:00', '12:00')], [r('12:00', '13:00'), r('09:00', '10:00')]))).toEqual([
      '10:00–12:00',
    ]);
    expect(subtractRanges([r('10:00', '12:00')], [r('09:00', '13:00')])).toEqual([]);
    expect(subtractRanges([r('10:00', '12:00')], [r('10:00', '12:00')])).toEqual([]);
  });

  it('lets one hole span several ranges', () => {
    expect(
      show(subtractRanges([r('10:00', '11:00'), r('12:00', '13:00'), r('14:00', '15:00')], [r('10:30', '14:30')])),
    ).toEqual(['10:00–10:30', '14:30–15:00']);
  });
});

describe('clampRanges', () => {
  it('cuts the ranges to the window', () => {
    expect(
      show(clampRanges([r('08:00', '10:00'), r('11:00', '18:00'), r('19:00', '20:00')], r('09:00', '12:10'))),
    ).toEqual(['09:00–10:00', '11:00–12:10']);
    expect(clampRanges([r('08:00', '10:00')], r('10:00', '12:00'))).toEqual([]);
  });
});

describe('range algebra agrees with instant-by-instant set operations', () => {
  // Ranges over 0–60 ms: every integer instant can be checked against a boolean oracle.
  const rangeArb = fc
    .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }))
    .map(([a, b]) => ({ start: new Date(a), end: new Date(b) }));
  const listArb = fc.array(rangeArb, { maxLength: 6 });
  const has = (ranges: DateRange[], t: number) => ranges.some((x) => x.start.getTime() <= t && t < x.end.getTime());
  const isNormal = (ranges: DateRange[]) =>
    ranges.every((x, i) => x.start < x.end && (i === 0 || ranges[i - 1]!.end < x.start));

  it('merge, intersect, subtract and clamp', () => {
    fc.assert(
      fc.property(listArb, listArb, rangeArb, (a, b, window) => {
        const merged = mergeRanges(a);
        const both = intersectRanges(a, b);
        const diff = subtractRanges(a, b);
        const clamped = clampRanges(a, window);
        const wrong: string[] = [];
        if (![merged, both, diff, clamped].every(isNormal)) wrong.push('not sorted, disjoint and non-empty');
        for (let t = -1; t <= 61; t += 1) {
          if (has(merged, t) !== has(a, t)) wrong.push(`merge at ${t}`);
          if (has(both, t) !== (has(a, t) && has(b, t))) wrong.push(`intersect at ${t}`);
          if (has(diff, t) !== (has(a, t) && !has(b, t))) wrong.push(`subtract at ${t}`);
          if (has(clamped, t) !== (has(a, t) && has([window], t))) wrong.push(`clamp at ${t}`);
        }
        expect(wrong).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
