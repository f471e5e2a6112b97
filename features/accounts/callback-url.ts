import type { Role } from '@/db/schema';

/** Where someone goes after signing in when no page asked for her: the counselor works in /admin. */
export function homeFor(role: Role): string {
  return role === 'counselor' ? '/admin' : '/portal';
}

/** Only a path on this site may be a return address (no open redirects). */
export function safeCallbackUrl(value: unknown, fallback = '/portal'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return fallback;
  if (value.startsWith('/login') || value.startsWith('/register') || value.startsWith('/api/')) return fallback;
  return value;
}
