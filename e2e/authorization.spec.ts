import crypto from 'node:crypto';
import type { APIRequestContext, Browser } from '@playwright/test';
import { pages, routeHandlers } from '../tests/authorization-matrix';
import { holdAndOpenCheckout, payWithCard } from './booking-fixtures';
import { createCohort, registerAndPay } from './course-fixtures';
import { counselorPage, demoCounselor, expect, signedInClient, test } from './fixtures';
import { buyPackage, createPackage } from './package-fixtures';

type Caller = 'anonymous' | 'clientA' | 'clientB' | 'counselor';
const callers: Record<Caller, { request: APIRequestContext; email?: string }> = {} as never;

async function contextFor(browser: Browser) {
  const octet = () => crypto.randomInt(1, 254);
  return browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': `10.${octet()}.${octet()}.${octet()}` } });
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  callers.anonymous = { request: (await contextFor(browser)).request };
  for (const name of ['clientA', 'clientB'] as const) {
    const page = await (await contextFor(browser)).newPage();
    const { email } = await signedInClient(page);
    callers[name] = { request: page.request, email };
    if (name === 'clientA') {
      // Client A's records: a paid booking, its payment and its checkout session.
      const { bookingId } = await holdAndOpenCheckout(page);
      await payWithCard(page, '4242424242424242');
      await expect(page.getByRole('heading', { name: 'ご予約が確定しました' })).toBeVisible();
      const checkoutSessionId = new URL(page.url()).searchParams.get('session_id')!;
      await page.goto('/portal/payments');
      const receipt = (await page.getByRole('link', { name: '領収書' }).first().getAttribute('href'))!;
      const clientId = (await (await page.request.get('/portal/account/export')).json()).profile.id as string;
      Object.assign(probes, {
        '/portal/bookings/[id]': `/portal/bookings/${bookingId}`,
        '/portal/bookings/[id]/ics': `/portal/bookings/${bookingId}/ics`,
        '/portal/bookings/[id]/reschedule': `/portal/bookings/${bookingId}/reschedule`,
        '/portal/bookings/[id]/cancel': `/portal/bookings/${bookingId}/cancel`,
        '/admin/bookings/[id]': `/admin/bookings/${bookingId}`,
        '/book/checkout/[bookingId]': `/book/checkout/${bookingId}`,
        '/portal/payments/[id]/receipt': receipt,
        '/portal/intake/[id]': `/portal/intake/${bookingId}`,
        '/admin/clients/[id]': `/admin/clients/${clientId}`,
        '/book/success': `/book/success?session_id=${checkoutSessionId}`,
      });
      // Client A's course seat: paid, in a cohort of its own.
      const cohort = await createCohort(browser, { capacity: 2 });
      const seat = await registerAndPay(page, cohort.name);
      Object.assign(probes, {
        '/courses/apply/[enrollmentId]': seat.applyPath,
        '/courses/success': seat.successPath,
        '/portal/courses/[id]': `/portal/courses/${cohort.cohortId}`,
        '/portal/courses/[id]/ics': `/portal/courses/${cohort.cohortId}/ics`,
        '/admin/courses/cohorts/[id]': `/admin/courses/cohorts/${cohort.cohortId}`,
      });
      // Client A's package, bought through Checkout.
      const pkg = await createPackage(browser);
      probes['/packages/success'] = (await buyPackage(page, pkg.name)).successPath;
    }
  }
  callers.counselor = { request: (await counselorPage(browser)).request, email: demoCounselor.email };
  const articleList = await (await callers.counselor.request.get('/admin/articles')).text();
  probes['/admin/articles/[id]'] = articleList.match(/\/admin\/articles\/[0-9a-f-]{36}/)![0];
});

/** What each kind of caller must get, by the access the matrix gives a path. */
const expected = {
  user: { anonymous: 'sign-in', clientA: 200, clientB: 200, counselor: 200 },
  'client-home': { anonymous: 'sign-in', clientA: 200, clientB: 200, counselor: 'to-admin' },
  counselor: { anonymous: 'sign-in', clientA: 404, clientB: 404, counselor: 200 },
  public: { anonymous: 200, clientA: 200, clientB: 200, counselor: 200 },
  owner: { anonymous: 'sign-in', clientA: 200, clientB: 404, counselor: 200 },
  self: { anonymous: 'sign-in', clientA: 200, clientB: 404, counselor: 404 },
  // With embedded defaults, as here; production answers 404 (lib/env, app/dev/mail).
  embedded: { anonymous: 200, clientA: 200, clientB: 200, counselor: 200 },
  // Only Stripe may call; a GET is not even a method it answers.
  stripe: { anonymous: 405, clientA: 405, clientB: 405, counselor: 405 },
  'post-only': { anonymous: 405, clientA: 405, clientB: 405, counselor: 405 },
  // A session cookie opens nothing here: without the current token, 404 (the token's own test: e2e/calendar-sync).
  'feed-token': { anonymous: 404, clientA: 404, clientB: 404, counselor: 404 },
} as const;

/** Concrete URLs for dynamic paths; records are client A's (filled in beforeAll). */
const probes: Record<string, string> = {
  '/api/auth/[...nextauth]': '/api/auth/session',
  '/admin/newsletter/issues/[id]': '/admin/newsletter/issues/new',
  '/api/calendar-feed/[token]': `/api/calendar-feed/${'A'.repeat(43)}`,
};

for (const [path, access] of Object.entries({ ...pages, ...routeHandlers })) {
  for (const caller of ['anonymous', 'clientA', 'clientB', 'counselor'] as const) {
    const want = expected[access][caller];
    test(`${path} as ${caller}: ${want}`, async () => {
      const url = probes[path] ?? path;
      expect(url, `a concrete URL for ${path}`).not.toContain('[');
      const response = await callers[caller].request.get(url, { maxRedirects: 0 });
      if (want === 'sign-in') {
        expect(response.status()).toBe(307);
        expect(response.headers().location).toContain('/login?callbackUrl=');
        expect(decodeURIComponent(response.headers().location!.split('callbackUrl=')[1]!)).toBe(url);
      } else if (want === 'to-admin') {
        expect(response.status()).toBe(307);
        expect(new URL(response.headers().location!, 'http://x').pathname).toBe('/admin');
      } else {
        expect(response.status()).toBe(want);
      }
    });
  }
}

test('the data export holds only the caller’s own data', async () => {
  const exports: Record<
    string,
    { profile: { email: string }; bookings: unknown[]; payments: { status: string }[]; courses: { seats: unknown[] } }
  > = {};
  for (const caller of ['clientA', 'clientB', 'counselor'] as const) {
    exports[caller] = await (await callers[caller].request.get('/portal/account/export')).json();
    expect(exports[caller]!.profile.email).toBe(callers[caller].email);
  }
  // Client A's paid booking and course seat are in A's export, and in nobody else's.
  expect(exports.clientA!.bookings.length).toBeGreaterThan(0);
  expect(exports.clientA!.payments.some((p) => p.status === 'paid')).toBe(true);
  expect(exports.clientA!.courses.seats.length).toBeGreaterThan(0);
  expect(exports.clientB!.bookings).toEqual([]);
  expect(exports.clientB!.payments).toEqual([]);
  expect(exports.clientB!.courses.seats).toEqual([]);
});
