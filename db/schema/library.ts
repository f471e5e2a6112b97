import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';

export const articleStatuses = ['draft', 'published'] as const;

export const articles = pgTable(
  'articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    bodyMarkdown: text('body_markdown').notNull(),
    themes: text('themes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: text('status', { enum: articleStatuses }).notNull().default('draft'),
    /** A published article with a future time is scheduled: invisible until then. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Normalised title, summary and body text; trigram-indexed for Japanese search. */
    searchText: text('search_text').notNull().default(''),
    /**
     * When the public pages last caught up with this article's publication: a scheduled
     * article that is due and not yet caught up is picked up by the publishing job.
     */
    revalidatedAt: timestamp('revalidated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('articles_status_check', sql`${t.status} in ('draft', 'published')`),
    check('articles_published_has_time', sql`${t.status} <> 'published' or ${t.publishedAt} is not null`),
    check('articles_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    index('articles_search_text_trgm').using('gin', t.searchText.op('gin_trgm_ops')),
    index('articles_published_at').on(t.publishedAt),
  ],
);

export type Article = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;

/** Every saved state of an article, newest last; any of them can be restored. */
export const articleRevisions = pgTable(
  'article_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    bodyMarkdown: text('body_markdown').notNull(),
    themes: text('themes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('article_revisions_article').on(t.articleId, t.createdAt)],
);

export type ArticleRevision = typeof articleRevisions.$inferSelect;
