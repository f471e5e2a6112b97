/**
 * The public address, for canonical links, the feed and the sitemap. Read leniently (no
 * validation) because metadata of static pages is evaluated during `next build`.
 */
export function siteUrl(): string {
  return (process.env.SITE_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/$/, '');
}

export function absoluteUrl(pathname: string): string {
  return `${siteUrl()}${pathname}`;
}
