import { HoverPrefetchLink } from '@/components/layout/hover-prefetch-link';
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
          <HoverPrefetchLink href={href(undefined, query)} aria-current={current ? undefined : 'page'}>
            すべて
          </HoverPrefetchLink>
        </li>
        {themes.map((t) => (
          <li key={t.id}>
            <HoverPrefetchLink href={href(t.id, query)} aria-current={current === t.id ? 'page' : undefined}>
              {t.label}
            </HoverPrefetchLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
