import Link from 'next/link';
import { AgendaList } from '@/components/agenda/agenda-list';
import { AlertList } from '@/components/agenda/alert-list';
import { getAgenda, getAgendaAlerts } from '@/features/agenda/queries';
import { requireCounselor } from '@/features/accounts/auth/guards';
import { serviceContext } from '@/lib/data';
import { japanDate } from '@/lib/time';

/** Her practice at a glance: what needs her, then today and the next 7 days (Japan time). */
export default async function AdminHomePage() {
  await requireCounselor('/admin');
  const ctx = await serviceContext();
  const today = japanDate(ctx.now);
  const [days, alerts] = await Promise.all([getAgenda(ctx, { from: today, days: 8 }), getAgendaAlerts(ctx)]);
  return (
    <>
      <h1>今日の予定</h1>
      <section aria-labelledby="alerts-heading" className={alerts.length > 0 ? 'panel panel--alert' : 'panel'}>
        <h2 id="alerts-heading">確認が必要なこと{alerts.length > 0 ? `（${alerts.length}件）` : ''}</h2>
        <AlertList alerts={alerts} />
      </section>
      <section aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">今日から8日間（日本時間）</h2>
        <p className="agenda__links">
          <Link href={`/admin/bookings?view=day&date=${today}`}>今日の時間割</Link>
          <Link href="/admin/bookings?view=week">週の時間割</Link>
        </p>
        <AgendaList days={days} today={today} />
      </section>
    </>
  );
}
