import { HoverPrefetchLink } from '@/components/layout/hover-prefetch-link';
import { findTheme } from '@/features/library/themes';

export function ThemeTags({ themes }: { themes: string[] }) {
  const known = themes.map(findTheme).filter((t) => t !== undefined);
  if (known.length === 0) return null;
  return (
    <ul className="theme-tags" aria-label="テーマ">
      {known.map((t) => (
        <li key={t.id}>
          <HoverPrefetchLink className="theme-tag" href={`/articles?theme=${t.id}`}>
            {t.label}
          </HoverPrefetchLink>
        </li>
      ))}
    </ul>
  );
}
