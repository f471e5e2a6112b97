import type { TocEntry } from '@/features/library/domain/markdown';

export function TableOfContents({ entries }: { entries: TocEntry[] }) {
  if (entries.length < 2) return null;
  return (
    <nav className="toc" aria-labelledby="toc-heading">
      <details open>
        <summary id="toc-heading">目次</summary>
        <ol>
          {entries.map((e) => (
            <li key={e.id}>
              <a href={`#${e.id}`}>{e.text}</a>
            </li>
          ))}
        </ol>
      </details>
    </nav>
  );
}
