import { z } from 'zod';
import { queryTextSchema } from '@/lib/request-input';
import { themeIds } from './themes';

export const articleSlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'URLの末尾は半角英小文字・数字・ハイフンで入力してください');

/** Front matter of a content file under content/articles. */
export const articleFrontMatterSchema = z.object({
  title: z.string().min(1).max(120),
  slug: articleSlugSchema,
  publishedAt: z.coerce.date(),
  themes: z.array(z.enum(themeIds)).min(1),
  summary: z.string().min(1).max(160),
});

export type ArticleFrontMatter = z.infer<typeof articleFrontMatterSchema>;

/** `/articles?theme=…&q=…`: anything unknown is ignored rather than an error page. */
export const articleListQuerySchema = z.object({
  theme: z.enum(themeIds).optional().catch(undefined),
  q: queryTextSchema(200),
});

export type ArticleListQuery = z.infer<typeof articleListQuerySchema>;
