import 'server-only';
import { and, arrayOverlaps, desc, eq, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { articles } from '@/db/schema';
import { countOccurrences, likePattern, normalizeForSearch, parseSearchQuery, rankSearchHits } from './domain/search';
import { findTheme } from './themes';

const summaryColumns = {
  id: articles.id,
  slug: articles.slug,
  title: articles.title,
  summary: articles.summary,
  themes: articles.themes,
  publishedAt: articles.publishedAt,
  updatedAt: articles.updatedAt,
};

export type ArticleSummary = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  themes: string[];
  publishedAt: Date;
  updatedAt: Date;
};

/** Published and due: a scheduled article stays invisible until its time. */
function visibleAt(now: Date) {
  return and(eq(articles.status, 'published'), lte(articles.publishedAt, now));
}

function asSummary<T extends { publishedAt: Date | null }>(row: T): T & { publishedAt: Date } {
  // visibleAt() guarantees a publication time; the type cannot know it.
  return row as T & { publishedAt: Date };
}

export async function listPublishedArticles(
  db: Db,
  options: { now: Date; theme?: string; limit?: number },
): Promise<ArticleSummary[]> {
  const rows = await db
    .select(summaryColumns)
    .from(articles)
    .where(and(visibleAt(options.now), options.theme ? arrayOverlaps(articles.themes, [options.theme]) : undefined))
    .orderBy(desc(articles.publishedAt))
    .limit(options.limit ?? 100);
  return rows.map(asSummary);
}

export async function getPublishedArticle(db: Db, slug: string, now: Date) {
  const [row] = await db
    .select()
    .from(articles)
    .where(and(eq(articles.slug, slug), visibleAt(now)))
    .limit(1);
  return row ? asSummary(row) : undefined;
}

/** Articles sharing a theme first, then the newest others, never the article itself. */
export async function listRelatedArticles(
  db: Db,
  article: { id: string; themes: string[] },
  now: Date,
  limit = 3,
): Promise<ArticleSummary[]> {
  const shared = article.themes.length > 0 ? arrayOverlaps(articles.themes, article.themes) : sql`false`;
  const rows = await db
    .select(summaryColumns)
    .from(articles)
    .where(and(visibleAt(now), ne(articles.id, article.id)))
    .orderBy(desc(sql`${shared}`), desc(articles.publishedAt))
    .limit(limit);
  return rows.map(asSummary);
}

export type ArticleSearchHit = ArticleSummary;

/**
 * Substring search over the trigram-indexed text; every term must occur. Occurrences are
 * counted in SQL (only numbers come back), ranking is domain code.
 */
export async function searchPublishedArticles(
  db: Db,
  options: { now: Date; query: string; theme?: string; limit?: number },
): Promise<ArticleSearchHit[]> {
  const terms = parseSearchQuery(options.query);
  if (terms.length === 0) return [];
  const termArray = sql`array[${sql.join(
    terms.map((t) => sql`${t}`),
    sql`, `,
  )}]::text[]`;
  const patterns = terms.map((t) => sql`${articles.searchText} like ${likePattern(t)}`);
  const hits = (text: unknown) =>
    sql<number>`(select coalesce(sum((length(${text}) - length(replace(${text}, t, ''))) / length(t)), 0)::int from unnest(${termArray}) as t)`;
  const normalizedTitle = sql`lower(normalize(${articles.title}, NFKC))`;
  const normalizedSummary = sql`lower(normalize(${articles.summary}, NFKC))`;

  const rows = await db
    .select({
      ...summaryColumns,
      titleHits: hits(normalizedTitle),
      summaryHits: hits(normalizedSummary),
      allHits: hits(articles.searchText),
      textLength: sql<number>`length(${articles.searchText})`,
    })
    .from(articles)
    .where(
      and(
        visibleAt(options.now),
        options.theme ? arrayOverlaps(articles.themes, [options.theme]) : undefined,
        ...patterns,
      ),
    )
    .limit(500);

  const ranked = rankSearchHits(
    rows.map((r) => {
      const themeText = normalizeForSearch(r.themes.map((id) => findTheme(id)?.label ?? '').join(' '));
      return {
        ...asSummary(r),
        titleHits: Number(r.titleHits),
        summaryHits: Number(r.summaryHits),
        themeHits: countOccurrences(themeText, terms),
        bodyHits: Math.max(0, Number(r.allHits) - Number(r.titleHits) - Number(r.summaryHits)),
        bodyLength: Number(r.textLength),
      };
    }),
  );
  return ranked.slice(0, options.limit ?? 50).map(({ id, slug, title, summary, themes, publishedAt, updatedAt }) => ({
    id,
    slug,
    title,
    summary,
    themes,
    publishedAt,
    updatedAt,
  }));
}
