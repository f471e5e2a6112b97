'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useHydrated } from '@/components/ui/use-hydrated';

type Cell = { date: string; dayOfMonth: number; open: boolean; label: string; href?: string; own?: boolean };
type Props = {
  labelledBy: string;
  weeks: (Cell | null)[][];
  selected?: string;
  today: string;
  previousMonthHref?: string;
  nextMonthHref?: string;
  /** The zone the server rendered the times in. */
  zone: string;
};

const weekdays = ['日', '月', '火', '水', '木', '金', '土'];
const weekdayNames = ['日曜日', '月曜日', '火曜日', '水曜日', '木曜日', '金曜日', '土曜日'];
// The day to focus once the month the arrow keys moved into has been rendered (the grid is
// keyed by month, so the new month's grid picks it up when it mounts).
let pendingFocus: string | undefined;
function shift(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function shiftMonth(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

/**
 * The month's days as a WAI-ARIA date grid. Without JavaScript it is a table of links; with it,
 * one day is in the tab order and the arrow keys, Home/End (start and end of the week) and
 * PageUp/PageDown (previous and next month) move between days, following the month links at the
 * month's edges. Enter on a day with open time follows its link. It also moves the times to the
 * browser's zone when the server guessed another one.
 */
export function DateGrid({ labelledBy, weeks, selected, today, previousMonthHref, nextMonthHref, zone }: Props) {
  const router = useRouter();
  const cells = weeks.flat().filter((c): c is Cell => c !== null);
  const month = cells[0]!.date.slice(0, 7);
  const [focused, setFocused] = useState(() =>
    pendingFocus?.startsWith(month) ? pendingFocus : (selected ?? cells.find((c) => c.open)?.date ?? cells[0]!.date),
  );
  // Server and hydration render plain links, all in the tab order; the roving tab stop starts after.
  const enhanced = useHydrated();
  const grid = useRef<HTMLTableElement>(null);

  useEffect(() => {
    if (pendingFocus) grid.current?.querySelector<HTMLElement>(`[data-date="${focused}"]`)?.focus();
    pendingFocus = undefined;
    // Only when this month's grid mounts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const url = new URL(window.location.href);
    if (browserZone && browserZone !== zone && url.searchParams.get('tz') !== browserZone) {
      url.searchParams.set('tz', browserZone);
      router.replace(`${url.pathname}${url.search}`, { scroll: false });
    }
  }, [zone, router]);

  const moveTo = (date: string) => {
    if (date.startsWith(month)) {
      setFocused(date);
      grid.current?.querySelector<HTMLElement>(`[data-date="${date}"]`)?.focus();
      return;
    }
    const href = date < month ? previousMonthHref : nextMonthHref;
    if (!href) return;
    pendingFocus = date;
    router.push(href, { scroll: false });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const weekday = new Date(`${focused}T00:00:00Z`).getUTCDay();
    const moves: Record<string, () => string> = {
      ArrowLeft: () => shift(focused, -1),
      ArrowRight: () => shift(focused, 1),
      ArrowUp: () => shift(focused, -7),
      ArrowDown: () => shift(focused, 7),
      Home: () => shift(focused, -weekday),
      End: () => shift(focused, 6 - weekday),
      PageUp: () => shiftMonth(focused, -1),
      PageDown: () => shiftMonth(focused, 1),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    moveTo(move());
  };

  const dayProps = (cell: Cell) => ({
    'data-date': cell.date,
    tabIndex: enhanced ? (cell.date === focused ? 0 : -1) : undefined,
    'aria-current': cell.date === today ? ('date' as const) : undefined,
    onFocus: () => setFocused(cell.date),
  });
  const dayContent = (cell: Cell) => (
    <>
      <span aria-hidden="true">{cell.dayOfMonth}</span>
      <span className="sr-only">{cell.label}</span>
    </>
  );

  return (
    <table role="grid" className="calendar__grid" aria-labelledby={labelledBy} ref={grid} onKeyDown={onKeyDown}>
      <thead>
        <tr>
          {weekdays.map((w, i) => (
            <th key={w} scope="col" abbr={weekdayNames[i]}>
              {w}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, w) => (
          <tr key={w}>
            {week.map((cell, d) =>
              cell ? (
                <td
                  key={cell.date}
                  aria-selected={cell.date === selected}
                  aria-disabled={cell.open ? undefined : true}
                  className={`calendar__day${cell.open ? ' calendar__day--open' : ''}${cell.own ? ' calendar__day--own' : ''}`}
                >
                  {cell.href ? (
                    <Link href={cell.href} prefetch={false} scroll={false} {...dayProps(cell)}>
                      {dayContent(cell)}
                    </Link>
                  ) : (
                    <span {...dayProps(cell)}>{dayContent(cell)}</span>
                  )}
                </td>
              ) : (
                <td key={`empty-${w}-${d}`} />
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
