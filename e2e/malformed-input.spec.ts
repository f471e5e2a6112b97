import { type APIRequestContext, type APIResponse } from '@playwright/test';
import { pages, routeHandlers } from '../tests/authorization-matrix';
import { counselorPage, expect, randomIp, signedInClient, test } from './fixtures';

/**
 * Every page and route of the authorization matrix, and the public dynamic pages, with
 * malformed segments, query values and bodies (issue #14: 110 answers of 500 over 1,956
 * requests). No answer may be a 5xx, and every answer carries the security headers.
 */
const publicDynamicPages = [
  '/articles/[slug]',
  '/courses/[slug]',
  '/book/[sessionType]',
  '/self-check/[theme]',
  '/newsletter/archive/[id]',
];
const segments = [
  '%ZZ',
  '%C0%AF',
  '%00',
  'a%00b',
  '%0D%0A',
  '%E0%A4%A',
  '%E8%A8%98%E4%BA%8B',
  '..%2F..%2Fetc',
  'x'.repeat(300),
];
const queries = [
  'q=%00',
  'q=%ZZ',
  'q=a%00b&q=c',
  'to=%00',
  'id=%00',
  'slot=%00',
  'start=%00',
  'session_id=%00',
  'callbackUrl=%2F%0D%0A',
  `q=${'x'.repeat(3000)}`,
];
const requiredHeaders = ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy'];

function urlsFor(template: string): string[] {
  if (template.includes('[')) {
    return segments.map((s) => template.replace(/\[(\.\.\.)?[A-Za-z]+\]/g, s));
  }
  return queries.map((q) => `${template}?${q}`);
}

type Problem = { caller: string; method: string; url: string; status: number; missing: string[] };

function check(problems: Problem[], caller: string, method: string, url: string, response: APIResponse) {
  const headers = response.headers();
  const missing = requiredHeaders.filter((h) => !headers[h]);
  if (response.status() >= 500 || missing.length > 0) {
    problems.push({ caller, method, url: url.slice(0, 120), status: response.status(), missing });
  }
}

test('no malformed segment, query or body gets a 5xx, and every answer has the security headers', async ({
  page,
  browser,
}) => {
  test.setTimeout(600_000);
  await signedInClient(page);
  const anonymous = (await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': randomIp() } })).request;
  const callers: Record<string, APIRequestContext> = {
    anonymous,
    client: page.request,
    counselor: (await counselorPage(browser)).request,
  };
  const templates = [...Object.keys(pages), ...Object.keys(routeHandlers), ...publicDynamicPages];
  const problems: Problem[] = [];
  let count = 0;
  for (const [caller, request] of Object.entries(callers)) {
    for (const template of templates) {
      for (const url of urlsFor(template)) {
        check(problems, caller, 'GET', url, await request.get(url, { maxRedirects: 0 }));
        count += 1;
      }
    }
  }

  // Server action requests Next answered with 500: a foreign Origin, a body over 1 MB, bad
  // JSON; and bodies for the routes that take a POST.
  const action = { 'next-action': '7f'.repeat(21), 'content-type': 'text/plain;charset=UTF-8' };
  const posts: { url: string; headers: Record<string, string>; data: string }[] = [
    { url: '/login', headers: { ...action, origin: 'https://evil.example' }, data: '[]' },
    { url: '/login', headers: action, data: `["${'x'.repeat(1024 * 1024 + 10)}"]` },
    { url: '/login', headers: action, data: '{"not json' },
    { url: '/login', headers: action, data: '["\u0000"]' },
    { url: '/register', headers: { ...action, origin: 'null' }, data: '[]' },
    { url: '/articles/%ZZ', headers: action, data: '[]' },
    { url: '/api/stripe/webhook', headers: { 'content-type': 'application/json' }, data: '{"not json' },
    { url: '/api/stripe/webhook', headers: { 'stripe-signature': 't=1,v1=00' }, data: '\u0000' },
    { url: '/api/newsletter/unsubscribe?token=%00', headers: {}, data: 'List-Unsubscribe=One-Click' },
    { url: '/api/newsletter/unsubscribe?token=%ZZ', headers: {}, data: '\u0000' },
    { url: '/api/library/refresh', headers: { authorization: 'Bearer %00' }, data: '{"not json' },
    { url: '/api/auth/callback/credentials', headers: {}, data: 'email=%00&password=%ZZ' },
  ];
  for (const [caller, request] of Object.entries(callers)) {
    for (const post of posts) {
      const response = await request.post(post.url, { headers: post.headers, data: post.data, maxRedirects: 0 });
      check(problems, caller, 'POST', post.url, response);
      count += 1;
    }
  }
  console.log(
    `malformed-input corpus: ${count} requests, ${problems.filter((p) => p.status >= 500).length} answered 5xx`,
  );
  expect(problems).toEqual([]);
});
