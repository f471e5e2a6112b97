import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { z } from 'zod';
import { type ArticleFrontMatter, articleFrontMatterSchema } from './schemas';

export type ContentArticle = ArticleFrontMatter & { bodyMarkdown: string; file: string };

export const contentArticlesDir = path.join(/* turbopackIgnore: true */ process.cwd(), 'content', 'articles');

/** Reads the articles shipped with the repository (the seed of the library). */
export async function readContentArticles(dir = contentArticlesDir): Promise<ContentArticle[]> {
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.md')).sort();
  return Promise.all(
    files.map(async (file) => {
      const { data, content } = matter(await fs.readFile(path.join(dir, file), 'utf8'));
      const parsed = articleFrontMatterSchema.safeParse(data);
      if (!parsed.success) {
        throw new Error(
          `content/articles/${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
        );
      }
      return { ...parsed.data, bodyMarkdown: content.trim() + '\n', file };
    }),
  );
}

const contentPageSchema = z.object({
  title: z.string().min(1),
  description: z.string().min(1),
  photo: z.string().startsWith('/').optional(),
  photoAlt: z.string().optional(),
});

export type ContentPage = z.infer<typeof contentPageSchema> & { bodyMarkdown: string };

export const contentPagesDir = path.join(/* turbopackIgnore: true */ process.cwd(), 'content', 'pages');

/** A page of the site kept as Markdown in the repository (content/pages/<name>.md), like the articles. */
export async function readContentPage(name: string, dir = contentPagesDir): Promise<ContentPage> {
  const { data, content } = matter(await fs.readFile(path.join(dir, `${name}.md`), 'utf8'));
  const parsed = contentPageSchema.safeParse(data);
  if (!parsed.success) {
    throw new Error(
      `content/pages/${name}.md: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    );
  }
  return { ...parsed.data, bodyMarkdown: content.trim() + '\n' };
}
