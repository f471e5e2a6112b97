import 'server-only';
import type { Role } from '@/db/schema';
import { siteUrl } from '@/lib/site-url';

/** Control characters (browsers strip tab, CR and LF from URLs) and backslashes (read as `/`). */
const unsafeCharacters = /[\u0000-\u001f\u007f\\]/;
/** Pages a visitor is never sent back to after signing in. */
const excludedPrefixes = ['/login', '/register', '/api/'];

function decodedOnce(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/**
 * Only a path on this site may be a return address (no open redirects). The value is
 * resolved against the public address and kept only if the origin stays the same; control
 * characters and backslashes are refused, in the value and once decoded, so that no browser
 * or later decoding step can turn it into `//host`. What comes back is the normalised,
 * percent-encoded path (so `/記事` is ASCII and can go into a Location header).
 */
export function safeCallbackUrl(value: unknown, fallback = '/portal'): string {
  if (typeof value !== 'string' || value.length > 2000 || !value.startsWith('/')) return fallback;
  const decoded = decodedOnce(value);
  if (decoded === null || unsafeCharacters.test(value) || unsafeCharacters.test(decoded)) return fallback;
  if (decoded.startsWith('//')) return fallback;
  let base: URL;
  let url: URL;
  try {
    base = new URL(siteUrl());
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (path.startsWith('//') || excludedPrefixes.some((prefix) => path.startsWith(prefix))) return fallback;
  return path;
}

/** Where someone goes after signing in when no page asked for her: the counselor works in /admin. */
export function homeFor(role: Role): string {
  return role === 'counselor' ? '/admin' : '/portal';
}
