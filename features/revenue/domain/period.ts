/**
 * The periods the money page and its exports cover: whole days in Japan time, so a payment
 * at 2026-01-31 23:30 JST (14:30 UTC) belongs to January wherever the server runs.
 */
import { addDays, assertCivilDate, type CivilDate, japanInstant } from '@/lib/time';

/** From the first day to the last, both included, as Japan dates; `start`/`end` the instants (end excluded). */
export type Period = { from: CivilDate; to: CivilDate; start: Date; end: Date };

/** `2026-01`: a month as the month picker sends it. */
export type Month = string;

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** The longest period one export covers: a whole year (確定申告) and a little slack. */
export const maxPeriodDays = 366;

export function isMonth(value: unknown): value is Month {
  return typeof value === 'string' && monthPattern.test(value) && Number(value.slice(0, 4)) >= 2000;
}

/** The month of a Japan date: `2026-01-31` → `2026-01`. */
export const monthOf = (date: CivilDate): Month => date.slice(0, 7);

/** The month before or after: `shiftMonth('2026-01', -1)` is `2025-12`. */
export function shiftMonth(month: Month, by: number): Month {
  const [year, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const index = year * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function periodOf(from: CivilDate, to: CivilDate): Period {
  return { from, to, start: japanInstant(from), end: japanInstant(addDays(to, 1)) };
}

/** The whole month in Japan time: 1 January 00:00 JST up to (not including) 1 February 00:00 JST. */
export function monthPeriod(month: Month): Period {
  const from = `${month}-01`;
  const to = addDays(`${shiftMonth(month, 1)}-01`, -1);
  return periodOf(from, to);
}

/** 2026年1月 */
export function monthLabel(month: Month): string {
  return `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
}

export type PeriodInput = { from?: string | null; to?: string | null };

/**
 * An export's period from its query: both dates (YYYY-MM-DD, Japan time, both days included),
 * the first not after the last, at most `maxPeriodDays` days; neither means the month of
 * `today`. What is wrong is said in words, for the 400 answer.
 */
export function parsePeriod(
  input: PeriodInput,
  today: CivilDate,
): { ok: true; period: Period } | { ok: false; message: string } {
  const from = input.from?.trim() || undefined;
  const to = input.to?.trim() || undefined;
  if (!from && !to) return { ok: true, period: monthPeriod(monthOf(today)) };
  if (!from || !to) return { ok: false, message: '期間は開始日と終了日の両方を指定してください。' };
  for (const [label, value] of [
    ['開始日', from],
    ['終了日', to],
  ] as const) {
    if (!datePattern.test(value) || !isCalendarDate(value) || Number(value.slice(0, 4)) < 2000) {
      return { ok: false, message: `${label}「${value.slice(0, 20)}」は日付として読めません（例：2026-01-31）。` };
    }
  }
  if (from > to) return { ok: false, message: `開始日（${from}）が終了日（${to}）より後になっています。` };
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (days > maxPeriodDays) {
    return { ok: false, message: `期間が長すぎます（${days}日）。${maxPeriodDays}日以内で指定してください。` };
  }
  return { ok: true, period: periodOf(from, to) };
}

function isCalendarDate(value: string): boolean {
  try {
    assertCivilDate(value);
    return true;
  } catch {
    return false;
  }
}
