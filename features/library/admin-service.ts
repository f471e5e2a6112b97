import 'server-only';
import { and, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { ServiceContext } from '@/lib/service';
import { articleRevisions, articles } from '@/db/schema';
import { AppError, isUniqueViolation } from '@/lib/errors';
import { fromJstLocal } from '@/lib/time';
import { type ArticleState, articleState } from './admin-queries';
import type { ArticleEditorValues } from './admin-schemas';
import { refreshBatchSize } from './refresh-request';
import { buildSearchText } from './service';

/** Who edits: the counselor's id is kept with each revision. */
type EditorContext = ServiceContext & { authorId: string | null };

/** What the public pages must catch up with after a save: the paths of these slugs, the list, home, feed and sitemap. */
export type SaveOutcome = { id: string; state: ArticleState; refreshSlugs: string[] };

function publicationFor(
  input: ArticleEditorValues,
  existing: { status: string; publishedAt: Date | null } | undefined,
  now: Date,
) {
  switch (input.publication) {
    case 'now':
      return { status: 'published' as const, publishedAt: now };
    case 'schedule': {
      const at = fromJstLocal(input.scheduledAt);
      if (at <= now) throw new AppError('schedule_in_past');
      return { status: 'published' as const, publishedAt: at };
    }
    case 'keep':
      if (existing?.status === 'published' && existing.publishedAt)
        return { status: 'published' as const, publishedAt: existing.publishedAt };
      return { status: 'draft' as const, publishedAt: null };
    case 'draft':
      return { status: 'draft' as const, publishedAt: null };
  }
}

const contentOf = (a: { slug: string; title: string; summary: string; bodyMarkdown: string; themes: string[] }) => ({
  slug: a.slug,
  title: a.title,
  summary: a.summary,
  bodyMarkdown: a.bodyMarkdown,
  themes: a.themes,
});

const sameContent = (a: ReturnType<typeof contentOf>, b: ReturnType<typeof contentOf>) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * Creates or updates an article and keeps the saved state as a revision. An article that is
 * or was visible is refreshed on the public pages at once; one scheduled for later is left to
 * the publishing job (catchUpDuePublications), which refreshes them when its time comes.
 */
export async function saveArticle(ctx: EditorContext, input: ArticleEditorValues): Promise<SaveOutcome> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const [existing] = input.id
        ? await tx.select().from(articles).where(eq(articles.id, input.id)).for('update')
        : [];
      if (input.id && !existing) throw new AppError('not_found');
      const publication = publicationFor(input, existing, ctx.now);
      const content = contentOf({ ...input, themes: [...input.themes] });
      const wasVisible = existing ? articleState(existing, ctx.now) === 'published' : false;
      const isVisible = articleState(publication, ctx.now) === 'published';
      const refreshNow = wasVisible || isVisible;
      const values = {
        ...content,
        ...publication,
        searchText: buildSearchText(content),
        updatedAt: ctx.now,
        ...(refreshNow ? { revalidatedAt: ctx.now } : {}),
      };
      const [saved] = existing
        ? await tx.update(articles).set(values).where(eq(articles.id, existing.id)).returning({ id: articles.id })
        : await tx
            .insert(articles)
            .values({ ...values, createdAt: ctx.now })
            .returning({ id: articles.id });
      if (!existing || !sameContent(contentOf(existing), content)) {
        await tx
          .insert(articleRevisions)
          .values({ articleId: saved!.id, ...content, authorId: ctx.authorId, createdAt: ctx.now });
      }
      const refreshSlugs = refreshNow
        ? [...new Set([content.slug, ...(existing && wasVisible ? [existing.slug] : [])])]
        : [];
      return { id: saved!.id, state: articleState(publication, ctx.now), refreshSlugs };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('slug_taken');
    throw err;
  }
}

/** Puts a revision's text back (the publication state stays as it is) and records it as the newest revision. */
export async function restoreArticleRevision(
  ctx: EditorContext,
  input: { articleId: string; revisionId: string },
): Promise<SaveOutcome> {
  const { db } = ctx;
  const [revision] = await db
    .select()
    .from(articleRevisions)
    .where(and(eq(articleRevisions.id, input.revisionId), eq(articleRevisions.articleId, input.articleId)));
  const [article] = await db.select().from(articles).where(eq(articles.id, input.articleId));
  if (!revision || !article) throw new AppError('not_found');
  return saveArticle(ctx, {
    id: article.id,
    ...contentOf(revision),
    themes: revision.themes as ArticleEditorValues['themes'],
    publication: 'keep',
    scheduledAt: '',
  });
}

/**
 * Scheduled articles whose time has come and whose public pages have not caught up: marks
 * them caught up and returns their slugs, once. One UPDATE, so two instances never both
 * claim one. If refreshing fails, `releasePublicationClaim` lets the next run try again.
 */
export async function catchUpDuePublications({ db, now }: ServiceContext): Promise<string[]> {
  const due = and(
    eq(articles.status, 'published'),
    lte(articles.publishedAt, now),
    or(isNull(articles.revalidatedAt), lt(articles.revalidatedAt, articles.publishedAt)),
  );
  // At most as many as one refresh request takes (the route accepts 100); the rest next run.
  const batch = db.select({ id: articles.id }).from(articles).where(due).limit(refreshBatchSize);
  const rows = await db
    .update(articles)
    .set({ revalidatedAt: now })
    .where(and(inArray(articles.id, batch), due))
    .returning({ slug: articles.slug });
  return rows.map((r) => r.slug);
}

export async function releasePublicationClaim({ db }: ServiceContext, slugs: string[]): Promise<void> {
  if (slugs.length === 0) return;
  await db
    .update(articles)
    .set({ revalidatedAt: null })
    .where(
      sql`${articles.slug} in (${sql.join(
        slugs.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
}
