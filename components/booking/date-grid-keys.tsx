'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

type Props = {
  /** The id of the server-rendered calendar (the month links, the grid and the day's times). */
  pickerId: string;
  /** The month shown, `YYYY-MM`. */
  month: string;
  /** The day that holds the tab stop first: the chosen day, else the first open one. */
  initial: string;
  previousMonthHref?: string;
  nextMonthHref?: string;
  /** The zone the server rendered the times in. */
  zone: string;
};

// The day to focus once the month the arrow keys moved into has been rendered (this component
// is keyed by month, so the new month's instance picks it up when it mounts).
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

const keyMoves: Record<string, (focused: string) => string> = {
  ArrowLeft: (f) => shift(f, -1),
  ArrowRight: (f) => shift(f, 1),
  ArrowUp: (f) => shift(f, -7),
  ArrowDown: (f) => shift(f, 7),
  Home: (f) => shift(f, -new Date(`${f}T00:00:00Z`).getUTCDay()),
  End: (f) => shift(f, 6 - new Date(`${f}T00:00:00Z`).getUTCDay()),
  PageUp: (f) => shiftMonth(f, -1),
  PageDown: (f) => shiftMonth(f, 1),
};

/**
 * What the server-rendered date grid needs a browser for, and nothing else: a roving tab stop
 * with the arrow keys, Home/End (start and end of the week) and PageUp/PageDown (previous and
 * next month, following the month links at the month's edges); the calendar's links followed
 * without a full page load (the day's times replace the old ones where they were); and the times
 * moved to the browser's zone when the server guessed another one. It renders nothing and works
 * on the DOM the server sent, so the page hydrates no calendar at all: a phone's main thread is
 * free as soon as the page is drawn (issue #12's Total Blocking Time).
 */
export function DateGridKeys({ pickerId, month, initial, previousMonthHref, nextMonthHref, zone }: Props) {
  const router = useRouter();

  useEffect(() => {
    const picker = document.getElementById(pickerId);
    const grid = picker?.querySelector<HTMLElement>('[role="grid"]');
    if (!picker || !grid) return;
    const day = (date: string) => grid.querySelector<HTMLElement>(`[data-date="${date}"]`);
    let focused = pendingFocus?.startsWith(month) && day(pendingFocus) ? pendingFocus : initial;
    const holdTabStop = (date: string) => {
      focused = date;
      for (const el of grid.querySelectorAll<HTMLElement>('[data-date]'))
        el.tabIndex = el.dataset.date === date ? 0 : -1;
    };
    holdTabStop(focused);
    if (pendingFocus) day(focused)?.focus();
    pendingFocus = undefined;

    const onFocusIn = (event: FocusEvent) => {
      const date = (event.target as HTMLElement).dataset?.date;
      if (date && date !== focused) holdTabStop(date);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const move = keyMoves[event.key];
      if (!move || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      const date = move(focused);
      if (date.startsWith(month)) {
        holdTabStop(date);
        day(date)?.focus();
        return;
      }
      const href = date < month ? previousMonthHref : nextMonthHref;
      if (!href) return;
      pendingFocus = date;
      router.push(href, { scroll: false });
    };
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element).closest?.('a[href]');
      if (!(link instanceof HTMLAnchorElement) || event.defaultPrevented || link.target) return;
      if (event.button !== 0 || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      // Another day or month stays where the reader is; a time leads to the next step, from its top.
      router.push(link.pathname + link.search, { scroll: !link.closest('.calendar') });
    };
    grid.addEventListener('focusin', onFocusIn);
    grid.addEventListener('keydown', onKeyDown);
    picker.addEventListener('click', onClick);
    return () => {
      grid.removeEventListener('focusin', onFocusIn);
      grid.removeEventListener('keydown', onKeyDown);
      picker.removeEventListener('click', onClick);
    };
  }, [pickerId, month, initial, previousMonthHref, nextMonthHref, router]);

  useEffect(() => {
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const url = new URL(window.location.href);
    if (browserZone && browserZone !== zone && url.searchParams.get('tz') !== browserZone) {
      url.searchParams.set('tz', browserZone);
      router.replace(`${url.pathname}${url.search}`, { scroll: false });
    }
  }, [zone, router]);

  return null;
}
