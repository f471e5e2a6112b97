/**
 * One id per request, in the `X-Request-Id` header: kept from the proxy in front (nginx sets
 * it, or passes on a CDN's), otherwise made here. proxy.ts puts it on the request the app sees
 * and on the answer; log lines written while serving the request carry it (lib/log.ts).
 */
export const requestIdHeader = 'x-request-id';

const acceptable = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's id when it is a plain token (nothing to inject into a log line), else a new one. */
export function requestIdFor(incoming: string | null): string {
  return incoming && acceptable.test(incoming) ? incoming : crypto.randomUUID();
}
