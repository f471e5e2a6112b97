/**
 * First-load JavaScript of a page: every same-origin script the HTML loads (`<script src>`,
 * `<link rel="preload" as="script">`, `<link rel="modulepreload">`), fetched once and gzipped
 * (level 9), as a browser would receive it on a first visit. `<script nomodule>` (Next's
 * legacy polyfills, which modern browsers never download) is listed but not in the total.
 */
import { gzipSync } from 'node:zlib';

export interface Chunk {
  path: string;
  rawBytes: number;
  gzipBytes: number;
  /** `<script nomodule>`: only for browsers without ES modules; not in the total. */
  noModule: boolean;
}

export interface FirstLoadJs {
  totalGzipBytes: number;
  totalRawBytes: number;
  chunks: Chunk[];
  /** Inline `<script>` bodies (RSC payload, bootstrap), for information; not in the total. */
  inlineScripts: { count: number; rawBytes: number; gzipBytes: number };
}

function attributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const match of tag.matchAll(/([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    const name = match[1];
    if (name) attrs.set(name.toLowerCase(), (match[2] ?? match[3] ?? match[4] ?? '').replaceAll('&amp;', '&'));
  }
  return attrs;
}

/** Same-origin script URLs, each with whether it is loaded only by `nomodule` script tags. */
export function scriptUrls(html: string, pageUrl: string): Map<string, boolean> {
  const origin = new URL(pageUrl).origin;
  const found = new Map<string, boolean>();
  const add = (href: string, noModule: boolean) => {
    const url = new URL(href, pageUrl).href;
    found.set(url, (found.get(url) ?? true) && noModule);
  };
  for (const [, tag = ''] of html.matchAll(/<script\b([^>]*)>/gi)) {
    const attrs = attributes(tag);
    const src = attrs.get('src');
    if (src) add(src, attrs.has('nomodule'));
  }
  for (const [, tag = ''] of html.matchAll(/<link\b([^>]*)>/gi)) {
    const attrs = attributes(tag);
    const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
    const href = attrs.get('href');
    if (href && (rel.includes('modulepreload') || (rel.includes('preload') && attrs.get('as') === 'script'))) {
      add(href, false);
    }
  }
  return new Map([...found].filter(([url]) => new URL(url).origin === origin));
}

const gzipSize = (data: Buffer | string): number => gzipSync(data, { level: 9 }).length;

/** `headers`: sent with the page's request only (a session cookie for a signed-in page). */
export async function measureFirstLoadJs(pageUrl: string, headers: Record<string, string> = {}): Promise<FirstLoadJs> {
  const res = await fetch(pageUrl, { headers });
  if (!res.ok) throw new Error(`GET ${pageUrl} answered ${res.status}`);
  const html = await res.text();
  const chunks: Chunk[] = [];
  for (const [url, noModule] of scriptUrls(html, pageUrl)) {
    const script = await fetch(url);
    if (!script.ok) throw new Error(`GET ${url} answered ${script.status}`);
    const body = Buffer.from(await script.arrayBuffer());
    chunks.push({ path: new URL(url).pathname, rawBytes: body.length, gzipBytes: gzipSize(body), noModule });
  }
  chunks.sort((a, b) => b.gzipBytes - a.gzipBytes);
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1] ?? '');
  const inlineText = inline.join('\n');
  const counted = chunks.filter((c) => !c.noModule);
  return {
    totalGzipBytes: counted.reduce((sum, c) => sum + c.gzipBytes, 0),
    totalRawBytes: counted.reduce((sum, c) => sum + c.rawBytes, 0),
    chunks,
    inlineScripts: { count: inline.length, rawBytes: Buffer.byteLength(inlineText), gzipBytes: gzipSize(inlineText) },
  };
}
