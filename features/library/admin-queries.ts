import 'server-only';
import { and, asc, desc, eq, gt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { articleRevisions, articles } from '@/db/schema';

export type ArticleState = 'draft' | 'scheduled' | 'published';

export function articleState(article: { status: string; publishedAt: Date | null }, now: Date): ArticleState {
  if (article.status !== 'published' || !article.publishedAt) return 'draft';
  return article.publishedAt > now ? 'scheduled' : 'published';
}

/** Every article, drafts and scheduled ones included, newest first. */
export async function listArticlesForAdmin(db: Db, now: Date) {
  const rows = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      status: articles.status,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
    })
    .from(articles)
    .orderBy(desc(articles.updatedAt));
  return rows.map((r) => ({ ...r, state: articleState(r, now) }));
}

export async function getArticleForAdmin(db: Db, id: string) {
  const [row] = await db.select().from(articles).where(eq(articles.id, id)).limit(1);
  return row;
}

export async function listArticleRevisions(db: Db, articleId: string) {
  return db
    .select({ id: articleRevisions.id, title: articleRevisions.title, createdAt: articleRevisions.createdAt })
    .from(articleRevisions)
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.createdAt));
}

/** Times already taken by scheduled articles, so that a suggestion does not double up. */
export async function listScheduledArticleTimes(db: Db, now: Date): Promise<Date[]> {
  const rows = await db
    .select({ publishedAt: articles.publishedAt })
    .from(articles)
    .where(and(eq(articles.status, 'published'), gt(articles.publishedAt, now)))
    .orderBy(asc(articles.publishedAt));
  return rows.flatMap((r) => (r.publishedAt ? [r.publishedAt] : []));
}
