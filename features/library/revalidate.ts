import 'server-only';
import { revalidatePath } from 'next/cache';

/**
 * Drops Next's cached copies of what shows these articles: their pages, every article page
 * (their "related articles"), the list, home, the feed and the sitemap. Only callable inside a
 * request (a server action or a route handler): Next 16 throws "static generation store
 * missing" anywhere else, which is why the publishing job calls the route in
 * app/api/library/refresh (features/library/refresh-request.ts).
 */
export function refreshPublicLibraryPages(slugs: string[]): void {
  if (slugs.length === 0) return;
  for (const slug of slugs) revalidatePath(`/articles/${slug}`);
  // A pattern names the route's folders, route group included: Next tags a cached page with
  // `/(public)/articles/[slug]/page`, and `/articles/[slug]` would match nothing.
  revalidatePath('/(public)/articles/[slug]', 'page');
  for (const path of ['/', '/articles', '/feed.xml', '/sitemap.xml']) revalidatePath(path);
}
