import Link from 'next/link';
import type { AgendaAlert } from '@/features/agenda/queries';

/** What needs the counselor, each a link to the page where she acts on it. */
export function AlertList({ alerts }: { alerts: AgendaAlert[] }) {
  if (alerts.length === 0) return <p className="agenda__empty">いま確認が必要なことはありません。</p>;
  return (
    <ul className="alerts">
      {alerts.map((a, i) => (
        <li key={`${a.kind}-${i}`} className={`alerts__item alerts__item--${a.kind}`}>
          <Link href={a.href}>{a.title}</Link>
          <p className="alerts__detail">{a.detail}</p>
        </li>
      ))}
    </ul>
  );
}
