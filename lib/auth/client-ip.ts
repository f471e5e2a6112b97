/**
 * How many proxies in front of the app append to X-Forwarded-For (TRUSTED_PROXY_HOPS, 0 by
 * default). Without one, the header is the caller's to invent: proxy.ts drops it and Next
 * sets it to the socket's address.
 */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const hops = Number(env.TRUSTED_PROXY_HOPS || 0);
  return Number.isInteger(hops) && hops > 0 ? hops : 0;
}

/**
 * The caller's address for rate limits. Each trusted proxy appends the address it saw, so
 * the caller is the entry `hops` from the end (earlier entries are the caller's to invent).
 * With no trusted proxy, the only entry is the socket's address, set by Next.
 */
export function clientIpFrom(headers: Headers, hops = trustedProxyHops()): string {
  const entries = headers
    .get('x-forwarded-for')
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!entries?.length) return 'unknown';
  return entries.at(-Math.max(hops, 1)) ?? entries[0]!;
}
