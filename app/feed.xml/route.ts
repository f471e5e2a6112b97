import { Feed } from 'feed';
import { read } from '@/lib/data';
import { listPublishedArticles } from '@/features/library/queries';
import { findTheme } from '@/features/library/themes';
import { siteConfig } from '@/lib/site-config';
import { absoluteUrl, siteUrl } from '@/lib/site-url';

export const dynamic = 'force-dynamic';

export async function GET() {
  const items = await read(listPublishedArticles, { now: new Date(), limit: 30 });
  const feed = new Feed({
    title: siteConfig.name,
    description: siteConfig.description,
    id: siteUrl(),
    link: siteUrl(),
    language: 'ja',
    copyright: `© ${siteConfig.name}`,
    updated: items[0]?.publishedAt,
    feedLinks: { rss: absoluteUrl('/feed.xml') },
    author: { name: siteConfig.counselor.name },
  });
  for (const a of items) {
    feed.addItem({
      title: a.title,
      id: absoluteUrl(`/articles/${a.slug}`),
      link: absoluteUrl(`/articles/${a.slug}`),
      description: a.summary,
      date: a.publishedAt,
      category: a.themes.map((id) => ({ name: findTheme(id)?.label ?? id })),
    });
  }
  return new Response(feed.rss2(), {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' },
  });
}
