import type { Metadata } from 'next';
import Link from 'next/link';
import { read } from '@/lib/data';
import {
  type AdminBookingView,
  bookingStatusLabel,
  listAdminBookings,
  listCalendarBookings,
} from '@/features/booking/admin-queries';
import { intakeStatusByBooking, intakeStatusLabel } from '@/features/intake/queries';
import { requireCounselor } from '@/lib/auth/guards';
import {
  addDays,
  dateInZone,
  formatDateJa,
  formatDateTimeJa,
  instantOf,
  practiceTimeZone,
  weekdayOf,
} from '@/lib/time';

export const metadata: Metadata = { title: '予約' };

const tz = practiceTimeZone;
const views: { id: AdminBookingView | 'week'; label: string }[] = [
  { id: 'upcoming', label: '今後' },
  { id: 'week', label: '週の予定' },
  { id: 'past', label: '過去' },
  { id: 'cancelled', label: 'キャンセル済み' },
];

type Props = { searchParams: Promise<{ view?: string; start?: string }> };

export default async function AdminBookingsPage({ searchParams }: Props) {
  await requireCounselor('/admin/bookings');
  const params = await searchParams;
  const view = views.find((v) => v.id === params.view)?.id ?? 'upcoming';
  const now = new Date();
  return (
    <>
      <h1>予約</h1>
      <nav aria-label="表示の切り替え" className="theme-filter">
        <ul>
          {views.map((v) => (
            <li key={v.id}>
              <Link href={`/admin/bookings?view=${v.id}`} aria-current={v.id === view ? 'page' : undefined}>
                {v.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {view === 'week' ? (
        <WeekCalendar start={params.start} now={now} />
      ) : (
        <BookingList rows={await read(listAdminBookings, view, now)} />
      )}
    </>
  );
}

async function BookingList({ rows }: { rows: Awaited<ReturnType<typeof listAdminBookings>> }) {
  if (rows.length === 0) return <p>該当する予約はありません。</p>;
  // Whether each questionnaire was sent (nothing is decrypted here; opening a booking reads it).
  const intakes = await read(
    intakeStatusByBooking,
    rows.map((b) => b.id),
  );
  return (
    <div className="table-scroll" role="region" aria-label="予約の一覧" tabIndex={0}>
      <table>
        <thead>
          <tr>
            <th scope="col">日時（日本時間）</th>
            <th scope="col">クライアント</th>
            <th scope="col">セッション</th>
            <th scope="col">状態</th>
            <th scope="col">事前アンケート</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((b) => (
            <tr key={b.id}>
              <td>
                <Link href={`/admin/bookings/${b.id}`}>{formatDateTimeJa(b.startsAt, tz)}</Link>
              </td>
              <td>{b.clientId ? `${b.clientFamilyName} ${b.clientGivenName}` : '（退会済み）'}</td>
              <td>{b.sessionTypeName}</td>
              <td>{bookingStatusLabel[b.status]}</td>
              <td>{intakeStatusLabel[intakes.get(b.id) ?? 'none']}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Monday-to-Sunday in Japan time; days stack on a phone. */
async function WeekCalendar({ start, now }: { start?: string; now: Date }) {
  const today = dateInZone(now, tz);
  const requested = start && /^\d{4}-\d{2}-\d{2}$/.test(start) ? start : today;
  const monday = addDays(requested, -((weekdayOf(requested) + 6) % 7));
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const rows = await read(listCalendarBookings, instantOf(monday, 0, tz), instantOf(addDays(monday, 7), 0, tz));
  return (
    <section aria-label="週の予定">
      <p className="week-nav">
        <Link href={`/admin/bookings?view=week&start=${addDays(monday, -7)}`}>← 前の週</Link>
        <span>
          {formatDateJa(instantOf(monday, 0, tz), tz)} 〜 {formatDateJa(instantOf(days[6]!, 0, tz), tz)}
        </span>
        <Link href={`/admin/bookings?view=week&start=${addDays(monday, 7)}`}>次の週 →</Link>
      </p>
      <ol className="week-grid">
        {days.map((day) => {
          const todays = rows.filter((b) => dateInZone(b.startsAt, tz) === day);
          return (
            <li key={day} className="week-day">
              <h2 className="week-day__label">{formatDateJa(instantOf(day, 0, tz), tz)}</h2>
              {todays.length === 0 ? (
                <p className="week-day__empty">予約なし</p>
              ) : (
                <ul>
                  {todays.map((b) => (
                    <li key={b.id}>
                      <Link href={`/admin/bookings/${b.id}`}>
                        {formatDateTimeJa(b.startsAt, tz).split(' ')[1]} {b.clientFamilyName} 様（
                        {bookingStatusLabel[b.status]}）
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
