import type { MetadataRoute } from 'next';
import { read } from '@/lib/data';
import { listCourses } from '@/features/courses/queries';
import { listPublishedArticles } from '@/features/library/queries';
import { themes } from '@/features/library/themes';
import { absoluteUrl } from '@/lib/site-url';

// Generated per request: the database is never opened during `next build`.
export const dynamic = 'force-dynamic';

const staticPaths = [
  '/',
  '/articles',
  '/sessions',
  '/packages',
  '/counselor',
  '/courses',
  '/newsletter',
  '/newsletter/archive',
  '/legal/tokushoho',
  '/legal/privacy',
  '/legal/terms',
  '/legal/cancellation',
];

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [articles, courses] = await Promise.all([
    read(listPublishedArticles, { now: new Date(), limit: 5000 }),
    read(listCourses),
  ]);
  return [
    ...staticPaths.map((p) => ({ url: absoluteUrl(p) })),
    ...themes.map((t) => ({ url: absoluteUrl(`/self-check/${t.id}`) })),
    ...courses.map((c) => ({ url: absoluteUrl(`/courses/${c.slug}`), lastModified: c.updatedAt })),
    ...articles.map((a) => ({ url: absoluteUrl(`/articles/${a.slug}`), lastModified: a.updatedAt })),
  ];
}
