import type { MetadataRoute } from 'next';
import { getDb } from '@/db';
import { listPublishedArticles } from '@/features/library/queries';
import { absoluteUrl } from '@/lib/site-url';

// Generated per request: the database is never opened during `next build`.
export const dynamic = 'force-dynamic';

const staticPaths = ['/', '/articles', '/sessions', '/courses', '/newsletter', '/newsletter/archive', '/legal/tokushoho', '/legal/privacy', '/legal/terms', '/legal/cancellation'];

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const articles = await listPublishedArticles(await getDb(), { now: new Date(), limit: 5000 });
  return [
    ...staticPaths.map((p) => ({ url: absoluteUrl(p) })),
    ...articles.map((a) => ({ url: absoluteUrl(`/articles/${a.slug}`), lastModified: a.updatedAt })),
  ];
}
