import { buildSlotMonth } from '@/features/booking/domain/slot-month';
import type { Slot } from '@/features/booking/domain/slots';
import { practiceTimeZone, zoneNameJa } from '@/lib/time';
import { DateGrid } from './date-grid';
import { DateGridKeys } from './date-grid-keys';

type Props = {
  slots: readonly Slot[];
  /** The page the calendar is on; month and day travel in its search params. */
  basePath: string;
  /** Search params every link keeps (the theme, the viewer's zone). */
  keep: Record<string, string | undefined>;
  month?: string;
  day?: string;
  /** The zone the times are shown in; the browser corrects it once it knows its own. */
  zone: string;
  now: Date;
  /** Where choosing a time leads. */
  slotHref: (start: Date) => string;
  /** The signed-in client's own live hold of this session type, marked 「お手続き中のご予約」. */
  ownHold?: Slot;
};

/**
 * The booking calendar: one month of days, those with open time chosen by plain links
 * (?month=YYYY-MM&day=YYYY-MM-DD), and the chosen day's times. Everything is rendered here on the
 * server as plain links; the browser receives one month and one day. The only client code,
 * ./date-grid-keys.tsx, renders nothing: it adds the grid's keyboard handling and follows these
 * links without a full page load, so that the calendar costs a phone no hydration.
 */
export function SlotCalendar({ slots, basePath, keep, month, day, zone, now, slotHref, ownHold }: Props) {
  const view = buildSlotMonth({ slots, viewerTimeZone: zone, practiceTimeZone, now, month, day, ownHold });
  const href = (params: Record<string, string>) => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...keep, ...params })) if (v) search.set(k, v);
    return `${basePath}?${search}`;
  };
  return (
    <div className="slot-picker" id="slot-picker">
      <p className="slot-picker__zone">
        時刻は<span className="nowrap">{zoneNameJa(zone)}</span>で表示しています。
      </p>
      {slots.length === 0 ? <p>現在、予約できる時間はありません。日を改めてご覧ください。</p> : null}
      <div className="calendar">
        <div className="calendar__head">
          {view.previousMonth ? (
            <a className="calendar__nav" href={href({ month: view.previousMonth })}>
              <span aria-hidden="true">‹ </span>前の月
            </a>
          ) : (
            <span className="calendar__nav" aria-hidden="true" />
          )}
          <h2 id="calendar-month" className="calendar__month" aria-live="polite">
            {view.monthLabel}
          </h2>
          {view.nextMonth ? (
            <a className="calendar__nav" href={href({ month: view.nextMonth })}>
              次の月<span aria-hidden="true"> ›</span>
            </a>
          ) : (
            <span className="calendar__nav" aria-hidden="true" />
          )}
        </div>
        <DateGrid
          key={view.month}
          labelledBy="calendar-month"
          weeks={view.weeks.map((week) =>
            week.map((cell) =>
              cell ? { ...cell, href: cell.open ? href({ month: view.month, day: cell.date }) : undefined } : null,
            ),
          )}
          selected={view.day?.date}
          today={view.today}
        />
        <DateGridKeys
          key={`keys-${view.month}`}
          pickerId="slot-picker"
          month={view.month}
          initial={view.day?.date ?? view.weeks.flat().find((c) => c?.open)?.date ?? `${view.month}-01`}
          previousMonthHref={view.previousMonth ? href({ month: view.previousMonth }) : undefined}
          nextMonthHref={view.nextMonth ? href({ month: view.nextMonth }) : undefined}
          zone={zone}
        />
        <p className="calendar__legend">
          枠で囲んだ日に空きがあります。日を選ぶと、その日の時間が表示されます。
          {ownHold ? '点線の枠の日に、お手続き中のご予約があります。' : null}
        </p>
      </div>
      {view.day ? (
        <section className="slot-day" aria-labelledby="slot-day-heading">
          <h2 id="slot-day-heading" className="slot-day__label">
            {view.day.label}の空き時間
          </h2>
          <p role="status" className="sr-only">
            {view.day.label}：空き時間{view.day.slots.filter((s) => !s.own).length}件
          </p>
          <ul className="slot-day__slots">
            {view.day.slots.map((slot) => (
              <li key={slot.start.toISOString()}>
                <a className={slot.own ? 'slot slot--own' : 'slot'} href={slotHref(slot.start)}>
                  <span className="slot__time">{slot.time}</span>
                  {slot.practiceTime ? <span className="slot__jst">{slot.practiceTime}</span> : null}
                  {slot.own ? <span className="slot__own">お手続き中のご予約</span> : null}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : slots.length > 0 ? (
        <p>この月には空き時間がありません。{view.nextMonth ? '次の月をご覧ください。' : ''}</p>
      ) : null}
    </div>
  );
}
