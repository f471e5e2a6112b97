/**
 * One month of the booking calendar, as the viewer sees it: which days of the month have open
 * time, and the times of the chosen day. Built on the server from the slot engine's output, so
 * that a page carries one month's grid and one day's times instead of every slot of the horizon.
 */
import { bookingMessages } from './messages';
import { groupSlotsByDay, type SlotDay } from './slot-days';
import type { Slot } from './slots';
import { addDays, assertCivilDate, type CivilDate, dateInZone, weekdayOf } from '@/lib/time';

/** YYYY-MM */
export type CivilMonth = string;

export type MonthCell = {
  date: CivilDate;
  dayOfMonth: number;
  /** Whether the day has open time (the day can be chosen). */
  open: boolean;
  /** 12月3日(木) 空きあり: what a screen reader announces for the day. */
  label: string;
  /** The viewer's own hold is on this day. */
  own?: boolean;
};

export type SlotMonth = {
  month: CivilMonth;
  /** 2026年12月 */
  monthLabel: string;
  /** Sunday-first weeks; days of the neighbouring months are null. */
  weeks: (MonthCell | null)[][];
  previousMonth?: CivilMonth;
  nextMonth?: CivilMonth;
  /** The chosen day (the one asked for, else the month's first with open time) and its times. */
  day?: SlotDay;
  /** The viewer's today, for marking it in the grid. */
  today: CivilDate;
};

const monthPattern = /^(\d{4})-(\d{2})$/;

export function isCivilMonth(value: unknown): value is CivilMonth {
  if (typeof value !== 'string' || !monthPattern.test(value)) return false;
  const month = Number(value.slice(5));
  return month >= 1 && month <= 12;
}

export function isCivilDate(value: unknown): value is CivilDate {
  if (typeof value !== 'string') return false;
  try {
    assertCivilDate(value);
    return true;
  } catch {
    return false;
  }
}

export function addMonths(month: CivilMonth, count: number): CivilMonth {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5))];
  const index = y * 12 + (m - 1) + count;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function daysInMonth(month: CivilMonth): number {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5))];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * The month to show: the one asked for if it lies between the viewer's current month and the
 * last month with open time, else the first month with open time (or the current one if none).
 *
 *   slots on 2027-01-04 and 2027-01-05 only, viewer in Tokyo on 2026-12-28, no month asked
 *   → month 2027-01, day 2027-01-04 with its times; previous month 2026-12, no next month
 */
export function buildSlotMonth(input: {
  slots: readonly Slot[];
  viewerTimeZone: string;
  practiceTimeZone: string;
  now: Date;
  month?: string;
  day?: string;
  /** The viewer's own live hold: shown among the open times, marked, though it is busy to everyone else. */
  ownHold?: Slot;
}): SlotMonth {
  const { viewerTimeZone: zone, ownHold } = input;
  const isOwn = (start: Date) => ownHold !== undefined && start.getTime() === ownHold.start.getTime();
  const slots = ownHold && !input.slots.some((s) => isOwn(s.start)) ? [...input.slots, ownHold] : input.slots;
  const days = groupSlotsByDay(slots, zone, input.practiceTimeZone).map((d) => ({
    ...d,
    slots: d.slots.map((s) => (isOwn(s.start) ? { ...s, own: true } : s)),
  }));
  const openDays = new Map(days.map((d) => [d.date, d]));
  const today = dateInZone(input.now, zone);
  const currentMonth = today.slice(0, 7);
  const firstOpenMonth = days[0]?.date.slice(0, 7) ?? currentMonth;
  const lastOpenMonth = days.at(-1)?.date.slice(0, 7) ?? currentMonth;
  // Nothing asked and a hold of her own: the calendar opens on the day of that hold, so its mark is in view.
  const holdDay = ownHold && !input.month && !input.day ? dateInZone(ownHold.start, zone) : undefined;
  const askedDate = isCivilDate(input.day) ? input.day : holdDay;
  const asked = isCivilMonth(input.month) ? input.month : askedDate ? askedDate.slice(0, 7) : undefined;
  const month = asked && asked >= currentMonth && asked <= lastOpenMonth ? asked : firstOpenMonth;

  const first = `${month}-01`;
  const lead = weekdayOf(first);
  const cells: (MonthCell | null)[] = Array.from({ length: lead }, () => null);
  for (let i = 0; i < daysInMonth(month); i += 1) {
    const date = addDays(first, i);
    const [m, d] = [Number(date.slice(5, 7)), Number(date.slice(8))];
    const open = openDays.has(date);
    const own = openDays.get(date)?.slots.some((s) => s.own) ?? false;
    const name = bookingMessages.monthDay(m, d, bookingMessages.weekdays[weekdayOf(date)]!);
    const state = own ? 'お手続き中のご予約あり' : open ? '空きあり' : '空きなし';
    cells.push({ date, dayOfMonth: d, open, label: `${name} ${state}`, ...(own ? { own } : {}) });
  }
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));

  const inMonth = days.filter((d) => d.date.startsWith(month));
  const askedDay = askedDate ? openDays.get(askedDate) : undefined;
  const day = askedDay && askedDay.date.startsWith(month) ? askedDay : inMonth[0];
  return {
    month,
    monthLabel: `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`,
    weeks,
    ...(month > currentMonth ? { previousMonth: addMonths(month, -1) } : {}),
    ...(month < lastOpenMonth ? { nextMonth: addMonths(month, 1) } : {}),
    ...(day ? { day } : {}),
    today,
  };
}
