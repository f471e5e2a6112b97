import fs from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
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
