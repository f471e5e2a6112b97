import 'server-only';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

/**
 * Fetching a calendar the counselor pasted, as a server should fetch a URL a user typed:
 * http/https only, a deadline, a size limit, at most a few redirects (each checked again), and —
 * unless allowed — no address inside a private network, checked on the address actually
 * connected to (the DNS answer is vetted in `lookup`, so a name cannot resolve to a public
 * address for the check and a private one for the connection).
 */
export type FetchCalendarOptions = {
  etag?: string | null;
  lastModified?: string | null;
  allowPrivate: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
};

export type FetchedCalendar =
  { kind: 'not_modified' } | { kind: 'fetched'; text: string; etag: string | null; lastModified: string | null };

export type CalendarFetchFailure =
  'bad_url' | 'private_address' | 'timeout' | 'too_large' | 'http_status' | 'too_many_redirects' | 'network';

export class CalendarFetchError extends Error {
  constructor(
    readonly reason: CalendarFetchFailure,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'CalendarFetchError';
  }
}

export const calendarFetchLimits = { timeoutMs: 10_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 3 } as const;

/** Loopback, private, link-local, carrier-grade NAT, multicast and reserved ranges. */
const notPublic = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  notPublic.addSubnet(prefix, bits, 'ipv4');
for (const [prefix, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  notPublic.addSubnet(prefix, bits, 'ipv6');

export function isPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return false;
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return isPublicAddress(mapped[1]!);
    return !notPublic.check(address, 'ipv6');
  }
  return !notPublic.check(address, 'ipv4');
}

/** webcal:// (what Apple and Google hand out for subscriptions) is https. */
export function normaliseCalendarUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim().replace(/^webcals?:\/\//i, 'https://'));
  } catch {
    throw new CalendarFetchError('bad_url', 'not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CalendarFetchError('bad_url', 'not http(s)');
  if (url.username || url.password) throw new CalendarFetchError('bad_url', 'credentials in the URL');
  return url;
}

export async function fetchCalendar(rawUrl: string, options: FetchCalendarOptions): Promise<FetchedCalendar> {
  const timeoutMs = options.timeoutMs ?? calendarFetchLimits.timeoutMs;
  const deadline = Date.now() + timeoutMs;
  let url = normaliseCalendarUrl(rawUrl);
  for (let redirects = 0; ; redirects += 1) {
    const response = await requestOnce(url, options, deadline);
    if (response.kind !== 'redirect') return response;
    if (redirects >= (options.maxRedirects ?? calendarFetchLimits.maxRedirects))
      throw new CalendarFetchError('too_many_redirects', 'too many redirects');
    url = normaliseCalendarUrl(new URL(response.location, url).toString());
  }
}

type Response = FetchedCalendar | { kind: 'redirect'; location: string };

function requestOnce(url: URL, options: FetchCalendarOptions, deadline: number): Promise<Response> {
  const maxBytes = options.maxBytes ?? calendarFetchLimits.maxBytes;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!options.allowPrivate && net.isIP(host) && !isPublicAddress(host)) {
    return Promise.reject(new CalendarFetchError('private_address', `refused address ${host}`));
  }
  const lookup: net.LookupFunction = (hostname, lookupOptions, callback) => {
    dns.lookup(hostname, { ...lookupOptions, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 4);
      const list = addresses as dns.LookupAddress[];
      const allowed = options.allowPrivate ? list : list.filter((a) => isPublicAddress(a.address));
      if (allowed.length === 0) {
        return callback(new CalendarFetchError('private_address', `${hostname} resolves to a private address`), '', 4);
      }
      if (lookupOptions.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, allowed);
      callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  };
  const headers: Record<string, string> = {
    Accept: 'text/calendar, */*;q=0.5',
    'User-Agent': 'kokoro-seiri-calendar-sync/1.0',
  };
  if (options.etag) headers['If-None-Match'] = options.etag;
  if (options.lastModified) headers['If-Modified-Since'] = options.lastModified;

  return new Promise<Response>((resolve, reject) => {
    const remaining = Math.max(1, deadline - Date.now());
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, { method: 'GET', headers, lookup, timeout: remaining }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && status !== 304 && res.headers.location) {
        res.resume();
        return resolve({ kind: 'redirect', location: res.headers.location });
      }
      if (status === 304) {
        res.resume();
        return resolve({ kind: 'not_modified' });
      }
      if (status < 200 || status >= 300) {
        res.resume();
        return reject(new CalendarFetchError('http_status', `HTTP ${status}`, status));
      }
      if (Number(res.headers['content-length'] ?? 0) > maxBytes) {
        res.destroy();
        return reject(new CalendarFetchError('too_large', 'Content-Length over the limit'));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          res.destroy();
          reject(new CalendarFetchError('too_large', 'body over the limit'));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () =>
        resolve({
          kind: 'fetched',
          text: Buffer.concat(chunks).toString('utf8'),
          etag: headerOf(res.headers.etag),
          lastModified: headerOf(res.headers['last-modified']),
        }),
      );
      res.on('error', (err) => reject(asFetchError(err)));
    });
    const timer = setTimeout(() => req.destroy(new CalendarFetchError('timeout', 'deadline passed')), remaining);
    req.on('timeout', () => req.destroy(new CalendarFetchError('timeout', 'no answer in time')));
    req.on('error', (err) => reject(asFetchError(err)));
    req.on('close', () => clearTimeout(timer));
    req.end();
  });
}

const headerOf = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null;

function asFetchError(err: unknown): CalendarFetchError {
  if (err instanceof CalendarFetchError) return err;
  return new CalendarFetchError('network', (err as Error).message);
}
