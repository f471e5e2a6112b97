import Link from 'next/link';
import { BookingOutcomeButtons } from '@/components/admin/booking-admin-forms';
import type { AgendaSession } from '@/features/agenda/domain/agenda';
import { getAgenda } from '@/features/agenda/queries';
import { serviceContext } from '@/lib/data';
import {
  addDays,
  formatDateJa,
  formatShortDateJa,
  formatTimeJa,
  japanDate,
  japanInstant,
  practiceTimeZone,
  weekdayOf,
} from '@/lib/time';
import { TimeGrid } from './time-grid';

const tz = practiceTimeZone;
const civilDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The counselor's calendar (Japan time): a week as a time grid, or one day, which fits a phone.
 * Sessions that have begun and are not yet marked can be marked 実施済み / 無断キャンセル here.
 */
export async function BookingCalendar({ view, date }: { view: 'week' | 'day'; date?: string }) {
  const ctx = await serviceContext();
  const now = ctx.now;
  const today = japanDate(now);
  const requested = date && civilDate.test(date) && !Number.isNaN(Date.parse(date)) ? date : today;
  const from = view === 'week' ? addDays(requested, -((weekdayOf(requested) + 6) % 7)) : requested;
  const length = view === 'week' ? 7 : 1;
  const days = await getAgenda(ctx, { from, days: length });
  const step = (n: number) => `/admin/bookings?view=${view}&date=${addDays(from, n * length)}`;
  const title =
    view === 'week'
      ? `${formatShortDateJa(japanInstant(from), tz)} 〜 ${formatShortDateJa(japanInstant(addDays(from, 6)), tz)}`
      : formatDateJa(japanInstant(from), tz);
  const toMark = days
    .flatMap((d) => d.items)
    .filter((i): i is AgendaSession => i.kind === 'session' && i.status === 'confirmed' && i.startsAt <= now);
  return (
    <section aria-label={view === 'week' ? '週の時間割' : '日の時間割'}>
      <p className="week-nav">
        <Link href={step(-1)}>← {view === 'week' ? '前の週' : '前の日'}</Link>
        <span>{title}</span>
        <Link href={step(1)}>{view === 'week' ? '次の週' : '次の日'} →</Link>
      </p>
      <p className="time-grid__legend">
        <span className="legend legend--open">毎週の受付時間</span>
        <span className="legend legend--extra">追加の受付時間</span>
        <span className="legend legend--session">セッション</span>
        <span className="legend legend--lesson">講座</span>
        <span className="legend legend--busy">予定あり（取り込み）</span>
        {from !== today && !(view === 'week' && today >= from && today < addDays(from, 7)) ? (
          <Link href={`/admin/bookings?view=${view}`}>今日へ</Link>
        ) : null}
      </p>
      <TimeGrid days={days} today={today} label={`${title}の時間割`} />
      {toMark.length > 0 ? (
        <section aria-labelledby="to-mark-heading" className="panel">
          <h2 id="to-mark-heading">実施の記録がまだのセッション</h2>
          <ul className="state-list">
            {toMark.map((s) => {
              const name = `${formatShortDateJa(s.startsAt, tz)} ${formatTimeJa(s.startsAt, tz)} ${s.clientName ?? '（退会済み）'} 様`;
              return (
                <li key={s.id} id={`to-mark-${s.id}`}>
                  <Link href={`/admin/bookings/${s.id}`}>{name}</Link>
                  <BookingOutcomeButtons bookingId={s.id} label={name} />
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
