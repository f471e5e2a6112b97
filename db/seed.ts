import type { Db } from './client';
import { readContentArticles } from '@/features/library/content';
import { importContentArticles } from '@/features/library/service';

/** Idempotent: running it twice changes nothing the second time. */
export async function seedDatabase(db: Db): Promise<{ articles: number }> {
  const imported = await importContentArticles(db, await readContentArticles());
  return { articles: imported };
}
