import 'server-only';
import crypto from 'node:crypto';
import { getAuthSecret } from '@/lib/auth/secret';

export const refreshRoutePath = '/api/library/refresh';
/** How many articles one refresh request may name; the job claims no more at a time. */
export const refreshBatchSize = 100;

/** Proves a refresh request comes from this deployment's own job (derived from AUTH_SECRET). */
export function refreshToken(): string {
  return crypto.createHmac('sha256', getAuthSecret()).update('library-refresh').digest('base64url');
}

export function isRefreshTokenValid(given: string | null): boolean {
  const expected = Buffer.from(`Bearer ${refreshToken()}`);
  const actual = Buffer.from(given ?? '');
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}

/** From a job (outside any request): asks this server to refresh, over loopback. */
export async function requestPublicRefresh(origin: string, slugs: string[]): Promise<void> {
  if (slugs.length === 0) return;
  const response = await fetch(new URL(refreshRoutePath, origin), {
    method: 'POST',
    headers: { authorization: `Bearer ${refreshToken()}`, 'content-type': 'application/json' },
    body: JSON.stringify({ slugs }),
  });
  if (!response.ok) throw new Error(`refresh request answered ${response.status}`);
}
