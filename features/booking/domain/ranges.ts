/**
 * Range algebra on half-open UTC ranges [start, end), to the millisecond.
 *
 * Half-open so that back-to-back ranges touch without overlapping: a session 13:00–14:00 and
 * the next one 14:00–15:00 share no instant. Every function returns fresh, sorted, disjoint,
 * non-empty ranges (merged), whatever order or overlap its inputs had; inputs are not mutated.
 * In the examples below, times are one day's wall-clock hours, for readability.
 */
export type DateRange = { start: Date; end: Date };

type Span = { start: number; end: number };

const toRange = (s: Span): DateRange => ({ start: new Date(s.start), end: new Date(s.end) });

function spansOf(ranges: readonly DateRange[]): Span[] {
  return ranges
    .map((r) => ({ start: r.start.getTime(), end: r.end.getTime() }))
    .filter((s) => s.start < s.end) // empty or inverted ranges hold no instant
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

function mergeSpans(ranges: readonly DateRange[]): Span[] {
  const merged: Span[] = [];
  for (const s of spansOf(ranges)) {
    const last = merged.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/**
 * Sorts, drops empty ranges, and joins ranges that overlap or touch.
 *
 *   [10:00–12:00) [11:00–13:00) [13:00–14:00) [15:00–16:00) [15:15–15:45)
 *   → [10:00–14:00) [15:00–16:00)
 *
 * Touching ranges join (13:00): there is no gap between them to cut a slot from.
 */
export function mergeRanges(ranges: readonly DateRange[]): DateRange[] {
  return mergeSpans(ranges).map(toRange);
}

/**
 * The instants in both a and b.
 *
 *   a: [10:00–12:00) [13:00–18:00)
 *   b: [11:00–14:00) [17:00–20:00)
 *   → [11:00–12:00) [13:00–14:00) [17:00–18:00)
 *
 * Ranges that only touch ([10:00–12:00) and [12:00–13:00)) share nothing.
 */
export function intersectRanges(a: readonly DateRange[], b: readonly DateRange[]): DateRange[] {
  const left = mergeSpans(a);
  const right = mergeSpans(b);
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const l = left[i]!;
    const r = right[j]!;
    const start = Math.max(l.start, r.start);
    const end = Math.min(l.end, r.end);
    if (start < end) out.push({ start, end });
    // The one that ends first cannot meet anything further along the other list.
    if (l.end < r.end) i += 1;
    else j += 1;
  }
  return out.map(toRange);
}

/**
 * The instants in `from` that are in no range of `minus`.
 *
 *   from:  [10:00–18:00)
 *   minus: [12:45–14:15) [17:30–19:00)
 *   → [10:00–12:45) [14:15–17:30)
 *
 * A range of `minus` may span several ranges of `from`; one that contains a range of `from`
 * removes it entirely, and one that only touches it removes nothing.
 */
export function subtractRanges(from: readonly DateRange[], minus: readonly DateRange[]): DateRange[] {
  const holes = mergeSpans(minus);
  const out: Span[] = [];
  let j = 0;
  for (const f of mergeSpans(from)) {
    // Holes that end before this range also end before every later one (both lists sorted).
    while (j < holes.length && holes[j]!.end <= f.start) j += 1;
    let cursor = f.start;
    for (let k = j; k < holes.length && holes[k]!.start < f.end; k += 1) {
      const hole = holes[k]!;
      if (hole.start > cursor) out.push({ start: cursor, end: hole.start });
      cursor = Math.max(cursor, hole.end);
      if (cursor >= f.end) break;
    }
    if (cursor < f.end) out.push({ start: cursor, end: f.end });
  }
  return out.map(toRange);
}

/**
 * The parts of the ranges inside the window: how minimum notice and the booking horizon cut
 * the availability.
 *
 *   ranges: [10:00–18:00) on Monday, [10:00–18:00) on Tuesday
 *   window: [Monday 12:10 – Tuesday 12:10)
 *   → [Monday 12:10–18:00) [Tuesday 10:00–12:10)
 */
export function clampRanges(ranges: readonly DateRange[], window: DateRange): DateRange[] {
  return intersectRanges(ranges, [window]);
}
