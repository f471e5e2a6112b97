import type { Metadata } from 'next';
import Link from 'next/link';
import { BookingCalendar } from '@/components/agenda/booking-calendar';
import { type AdminBookingView, bookingStatusLabel, listAdminBookings } from '@/features/booking/admin-queries';
import { intakeReviewStateByBooking, intakeStatusLabel } from '@/features/intake/queries';
import { requireCounselor } from '@/features/accounts/auth/guards';
import { read } from '@/lib/data';
import { formatDateTimeJa, practiceTimeZone } from '@/lib/time';

export const metadata: Metadata = { title: '予約' };

const tz = practiceTimeZone;
const views: { id: AdminBookingView | 'week' | 'day'; label: string }[] = [
  { id: 'upcoming', label: '今後' },
  { id: 'day', label: '日の時間割' },
  { id: 'week', label: '週の時間割' },
  { id: 'past', label: '過去' },
  { id: 'cancelled', label: 'キャンセル済み' },
];

type Props = { searchParams: Promise<{ view?: string; date?: string; start?: string }> };

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
      {view === 'week' || view === 'day' ? (
        <BookingCalendar view={view} date={params.date ?? params.start} />
      ) : (
        <BookingList rows={await read(listAdminBookings, view, now)} />
      )}
    </>
  );
}

async function BookingList({ rows }: { rows: Awaited<ReturnType<typeof listAdminBookings>> }) {
  if (rows.length === 0) return <p>該当する予約はありません。</p>;
  // Each questionnaire's state and flag (nothing is decrypted here; opening a booking reads it).
  const intakes = await read(
    intakeReviewStateByBooking,
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
              <td>
                {intakes.get(b.id) === 'flagged' ? (
                  <strong className="intake-badge intake-badge--flagged">{intakeStatusLabel.flagged}</strong>
                ) : (
                  intakeStatusLabel[intakes.get(b.id) ?? 'none']
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
