import Link from 'next/link';
import {
  type AgendaDay,
  type AgendaItem,
  agendaHref,
  type MinuteRange,
  minuteRangeOf,
} from '@/features/agenda/domain/agenda';
import { bookingStatusLabel } from '@/features/booking/admin-queries';
import { addDays, type CivilDate, formatShortDateJa, formatTimeJa, japanInstant, practiceTimeZone } from '@/lib/time';
import { busyLabel, busyTimeText } from './busy';
import { IntakeBadge } from './intake-badge';

const tz = practiceTimeZone;

/** Only web addresses become links: a meeting link is typed by hand. */
const isWebUrl = (url: string | null): url is string => !!url && /^https?:\/\//i.test(url);

function dayName(date: CivilDate, today: CivilDate): string {
  const label = formatShortDateJa(japanInstant(date), tz);
  if (date === today) return `今日 ${label}`;
  if (date === addDays(today, 1)) return `明日 ${label}`;
  return label;
}

/** Today and the days after as a list: what a phone shows first. Each item opens its admin page. */
export function AgendaList({ days, today }: { days: AgendaDay[]; today: CivilDate }) {
  return (
    <ol className="agenda">
      {days.map((day) => (
        <li key={day.date} className="agenda__day">
          <h3 className="agenda__date">
            <time dateTime={day.date}>{dayName(day.date, today)}</time>
            {day.closed ? <span className="agenda__closed">休み</span> : null}
          </h3>
          {day.items.length === 0 && day.busy.length === 0 ? (
            <p className="agenda__empty">予定なし</p>
          ) : (
            <ul className="agenda__items">
              {inOrder(day).map((entry) =>
                'kind' in entry ? (
                  <AgendaEntry key={`${entry.kind}-${entry.id}`} item={entry} />
                ) : (
                  <BusyEntry key={`busy-${entry.startMinute}`} range={entry} />
                ),
              )}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

/** Sessions, lessons and her imported busy times of a day, by start time (busy first on a tie). */
function inOrder(day: AgendaDay): (AgendaItem | MinuteRange)[] {
  const startOf = (e: AgendaItem | MinuteRange) =>
    'kind' in e ? minuteRangeOf(e, tz).startMinute + 0.5 : e.startMinute;
  return [...day.busy, ...day.items].sort((a, b) => startOf(a) - startOf(b));
}

/** Why open slots are closed then: only that she is busy, and when. */
function BusyEntry({ range }: { range: MinuteRange }) {
  return (
    <li className="agenda__item agenda__item--busy">
      <p className="agenda__time">{busyTimeText(range)}</p>
      <div className="agenda__body">
        <p className="agenda__meta">{busyLabel}</p>
      </div>
    </li>
  );
}

function AgendaEntry({ item }: { item: AgendaItem }) {
  const time = `${formatTimeJa(item.startsAt, tz)}〜${formatTimeJa(item.endsAt, tz)}`;
  return (
    <li className={`agenda__item agenda__item--${item.kind}`}>
      <p className="agenda__time">{time}</p>
      <div className="agenda__body">
        {item.kind === 'session' ? (
          <>
            <Link href={agendaHref(item)} className="agenda__title">
              {item.clientName ? `${item.clientName} 様` : '（退会済みのクライアント）'}
            </Link>
            <p className="agenda__meta">
              {item.sessionTypeName}
              {item.status !== 'confirmed' ? `・${bookingStatusLabel[item.status]}` : ''}
            </p>
            <p className="agenda__meta">
              <IntakeBadge state={item.intake} />
            </p>
          </>
        ) : (
          <>
            <Link href={agendaHref(item)} className="agenda__title">
              講座：{item.cohortName}
            </Link>
            <p className="agenda__meta">
              {item.courseTitle}・{item.title}
            </p>
          </>
        )}
        {isWebUrl(item.meetingUrl) ? (
          <p className="agenda__meta">
            <a href={item.meetingUrl} target="_blank" rel="noreferrer">
              参加URLを開く
            </a>
          </p>
        ) : null}
      </div>
    </li>
  );
}
