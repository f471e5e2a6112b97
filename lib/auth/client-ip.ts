/**
 * The caller's address for rate limits. Behind a load balancer, X-Forwarded-For ends with
 * the address the balancer saw (earlier entries are the caller's to invent), so the last
 * entry is used. Without a proxy, Next sets the header to the socket's address.
 */
export function clientIpFrom(headers: Headers): string {
  const hops = headers
    .get('x-forwarded-for')
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return hops?.at(-1) || headers.get('x-real-ip') || 'unknown';
}
