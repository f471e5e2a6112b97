import Link from 'next/link';
import {
  type AgendaDay,
  type AgendaItem,
  agendaHref,
  gridHours,
  isWholeDay,
  type MinuteRange,
  minuteRangeOf,
} from '@/features/agenda/domain/agenda';
import { timeFromMinutes } from '@/features/booking/admin-schemas';
import { busyLabel, busyShortLabel, busySource, busyTimeText } from './busy';
import { KeepWhole } from '@/components/ui/keep-whole';
import { bookingStatusLabel } from '@/features/booking/admin-queries';
import { type CivilDate, formatShortDateJa, formatTimeJa, japanInstant, practiceTimeZone } from '@/lib/time';

const tz = practiceTimeZone;

const rangesText = (ranges: MinuteRange[]) =>
  ranges.map((r) => `${timeFromMinutes(r.startMinute)}〜${timeFromMinutes(r.endMinute)}`).join('、');

/** What a day's header says of its hours, so the shading is not the only way to know them. */
function hoursText(day: AgendaDay): string {
  const parts: string[] = [];
  if (day.closed) parts.push('休み');
  else if (day.weekly.length > 0) parts.push(`受付 ${rangesText(day.weekly)}`);
  if (day.extra.length > 0) parts.push(`追加 ${rangesText(day.extra)}`);
  if (day.busy.some(isWholeDay)) parts.push(`終日${busyLabel}`);
  return parts.length > 0 ? parts.join('・') : '受付なし';
}

function itemLabel(item: AgendaItem): string {
  if (item.kind === 'lesson') return `講座 ${item.cohortName}`;
  return item.clientName ? `${item.clientName} 様` : '（退会済み）';
}

function itemNote(item: AgendaItem): string {
  if (item.kind === 'lesson') return item.title;
  const parts = [item.sessionTypeName];
  if (item.status !== 'confirmed') parts.push(bookingStatusLabel[item.status]);
  if (item.intake === 'flagged') parts.push('要確認');
  return parts.join('・');
}

/**
 * Hours down, days across (Japan time): weekly hours and extra hours shaded, days off marked,
 * sessions and lessons placed by their time; each opens its admin page. No script: a server
 * component with positions in minutes.
 */
export function TimeGrid({ days, today, label }: { days: AgendaDay[]; today: CivilDate; label: string }) {
  const { first, last } = gridHours(days, tz);
  const hours = Array.from({ length: last - first }, (_, i) => first + i);
  const place = (r: MinuteRange) => ({
    top: `calc(${r.startMinute - first * 60} * var(--tg-minute))`,
    height: `calc(${r.endMinute - r.startMinute} * var(--tg-minute))`,
  });
  return (
    <div
      className={`time-grid time-grid--${days.length === 1 ? 'day' : 'week'}`}
      role="region"
      aria-label={label}
      tabIndex={0}
      style={{ '--tg-days': days.length, '--tg-hours': last - first } as React.CSSProperties}
    >
      <div className="time-grid__corner" aria-hidden="true" />
      {days.map((day) => (
        <div key={day.date} className={`time-grid__head${day.date === today ? ' time-grid__head--today' : ''}`}>
          <Link href={`/admin/bookings?view=day&date=${day.date}`} className="time-grid__date">
            {day.date === today ? '今日 ' : ''}
            {formatShortDateJa(japanInstant(day.date), tz)}
          </Link>
          <span className="time-grid__hours-text">
            <KeepWhole text={hoursText(day)} />
          </span>
        </div>
      ))}
      <ol className="time-grid__scale" aria-hidden="true">
        {hours.map((h) => (
          <li key={h}>{h}:00</li>
        ))}
      </ol>
      {days.map((day) => (
        <div key={day.date} className={`time-grid__day${day.closed ? ' time-grid__day--closed' : ''}`}>
          {day.weekly.map((r) => (
            <div key={`w${r.startMinute}`} className="time-grid__open" style={place(r)} aria-hidden="true" />
          ))}
          {day.extra.map((r) => (
            <div key={`x${r.startMinute}`} className="time-grid__extra" style={place(r)} aria-hidden="true" />
          ))}
          {day.busy.map((r) => {
            // Cut to the hours shown: an all-day event fills the grid, its header says 終日.
            const shown = {
              startMinute: Math.max(r.startMinute, first * 60),
              endMinute: Math.min(r.endMinute, last * 60),
            };
            if (shown.startMinute >= shown.endMinute) return null;
            return (
              // What it is comes first, so even a 30-minute block on a phone says 予定あり on its one
              // visible line (the time follows, and the hour lines place it); （取り込み） is in the
              // legend, and all of it is read out and shown on hover.
              <p
                key={`b${r.startMinute}`}
                className="time-grid__busy"
                style={place(shown)}
                title={`${busyTimeText(r)} ${busyLabel}`}
              >
                <span className="time-grid__busy-what">{busyShortLabel}</span>
                <span className="sr-only">{busySource}</span> <span className="time-grid__time">{busyTimeText(r)}</span>
              </p>
            );
          })}
          {day.items.length > 0 ? (
            <ul className="time-grid__items">
              {day.items.map((item) => (
                <li
                  key={`${item.kind}-${item.id}`}
                  className={`time-grid__item time-grid__item--${item.kind} time-grid__item--${item.kind === 'session' ? item.status : 'lesson'}`}
                  style={place(minuteRangeOf(item, tz))}
                >
                  <Link href={agendaHref(item)}>
                    <span className="time-grid__time">{formatTimeJa(item.startsAt, tz)}</span> {itemLabel(item)}
                    <span className="time-grid__note">{itemNote(item)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ))}
    </div>
  );
}
