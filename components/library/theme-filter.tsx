import Link from 'next/link';
import { themes } from '@/features/library/themes';

function href(theme: string | undefined, query: string | undefined) {
  const params = new URLSearchParams();
  if (theme) params.set('theme', theme);
  if (query) params.set('q', query);
  const qs = params.toString();
  return qs ? `/articles?${qs}` : '/articles';
}

export function ThemeFilter({ current, query }: { current?: string; query?: string }) {
  return (
    <nav aria-label="テーマで絞り込む" className="theme-filter">
      <ul>
        <li>
          <Link href={href(undefined, query)} aria-current={current ? undefined : 'page'}>
            すべて
          </Link>
        </li>
        {themes.map((t) => (
          <li key={t.id}>
            <Link href={href(t.id, query)} aria-current={current === t.id ? 'page' : undefined}>
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
