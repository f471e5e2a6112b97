import 'server-only';
import { articles } from '@/db/schema';
import type { Db } from '@/db/client';
import { renderMarkdown } from './domain/markdown';
import { normalizeForSearch } from './domain/search';
import type { ContentArticle } from './content';

export function buildSearchText(parts: { title: string; summary: string; bodyMarkdown: string }): string {
  const body = renderMarkdown(parts.bodyMarkdown).plainText;
  return normalizeForSearch(`${parts.title} ${parts.summary} ${body}`);
}

/**
 * Imports content files as published articles. An article already in the database is left
 * alone: once imported, the counselor's edits are the truth.
 */
export async function importContentArticles(db: Db, items: ContentArticle[]): Promise<number> {
  if (items.length === 0) return 0;
  const inserted = await db
    .insert(articles)
    .values(
      items.map((a) => ({
        slug: a.slug,
        title: a.title,
        summary: a.summary,
        bodyMarkdown: a.bodyMarkdown,
        themes: a.themes,
        status: 'published' as const,
        publishedAt: a.publishedAt,
        searchText: buildSearchText(a),
      })),
    )
    .onConflictDoNothing({ target: articles.slug })
    .returning({ id: articles.id });
  return inserted.length;
}
