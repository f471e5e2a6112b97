/**
 * The booking pages under the measures issue #12 asks of them: the calendar `/book/online-60` as
 * a visitor, and `/portal/bookings/[id]/reschedule` as the client who booked (signed in; her
 * session cookie goes with every request, Lighthouse's included). Per page: the HTML's size
 * (target ≤ 60 KB), first-load JS against the framework's floor (target ≤ floor + 15 KB) and
 * Lighthouse mobile (performance ≥ 95, TBT ≤ 150 ms). Both pages are `noindex` on purpose (a
 * booking step and a private page), so Lighthouse's SEO score is printed but is no target.
 *
 * The data are written into the server's data folder before it opens it (as e2e/past-sessions
 * does): a verified client with a password and one confirmed session two weeks ahead.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { openPglite } from '@/db/client';
import { sessionTypes, users } from '@/db/schema';
import { hashPassword } from '@/features/accounts/password';
import { seedBooking } from '@/features/booking/seed';
import { addDays, japanDate, japanInstant } from '@/lib/time';
import { chromiumArgs, findBrowser } from '../../e2e/browser';
import { signIn } from '../../e2e/fixtures';
import { insertConfirmedSession } from '../../e2e/past-sessions';
import { measureFirstLoadJs, type FirstLoadJs } from './first-load-js';
import { runLighthouse, type LighthouseSummary } from './lighthouse';

export const bookingPageTargets = { htmlKb: 60, jsOverFloorKb: 15, performance: 95, tbtMs: 150 } as const;

export type BookingClient = { email: string; password: string; bookingId: string };

export interface BookingPageResult {
  name: string;
  path: string;
  htmlBytes: number;
  htmlGzipBytes: number;
  firstLoadJs?: FirstLoadJs | { error: string };
  lighthouse?: Omit<LighthouseSummary, 'lhr'> | { error: string } | { skipped: true };
}

/** A verified client with one confirmed online session 14 days ahead at 10:00 Japan time. */
export async function writeBookingClient(dataDir: string, now = new Date()): Promise<BookingClient> {
  const handle = await openPglite(path.join(dataDir, 'pglite'));
  try {
    await handle.migrate();
    await seedBooking(handle.db);
    const [type] = await handle.db.select().from(sessionTypes).where(eq(sessionTypes.slug, 'online-60'));
    const email = 'bench-client@example.jp';
    const password = 'bench client passphrase';
    const [client] = await handle.db
      .insert(users)
      .values({
        email,
        passwordHash: await hashPassword(password),
        familyName: '計測',
        givenName: '花子',
        role: 'client',
        emailVerified: now,
      })
      .returning();
    const bookingId = await insertConfirmedSession(handle.db, {
      clientId: client!.id,
      type: type!,
      startsAt: japanInstant(addDays(japanDate(now), 14), 10 * 60),
    });
    return { email, password, bookingId };
  } finally {
    await handle.close();
  }
}

/** Signs in through the real form in Chromium and returns the Cookie header a browser would send. */
export async function signInCookie(baseUrl: string, client: BookingClient): Promise<string> {
  const browser = await chromium.launch({ ...findBrowser(), args: chromiumArgs });
  try {
    const page = await browser.newPage({ baseURL: baseUrl });
    await signIn(page, client.email, client.password);
    await page.waitForURL(/\/portal$/, { timeout: 30_000 });
    const cookies = await page.context().cookies(baseUrl);
    return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  } finally {
    await browser.close();
  }
}

export async function measureBookingPage(
  baseUrl: string,
  page: { name: string; file: string; path: string; cookie?: string },
  options: { lighthouse: boolean },
): Promise<BookingPageResult> {
  const headers: Record<string, string> = page.cookie ? { cookie: page.cookie } : {};
  const url = baseUrl + page.path;
  const res = await fetch(url, { headers });
  if (!res.ok) throw new Error(`GET ${page.path} answered ${res.status}`);
  const html = Buffer.from(await res.arrayBuffer());
  const result: BookingPageResult = {
    name: page.name,
    path: page.path,
    htmlBytes: html.length,
    htmlGzipBytes: gzipSync(html, { level: 6 }).length,
  };
  try {
    result.firstLoadJs = await measureFirstLoadJs(url, headers);
  } catch (error) {
    result.firstLoadJs = { error: error instanceof Error ? error.message : String(error) };
  }
  if (!options.lighthouse) result.lighthouse = { skipped: true };
  else {
    try {
      // A visitor in Japan (the practice's own zone): the calendar then needs no second render in
      // another zone, which a visitor abroad gets once (?tz=).
      const summary: Partial<LighthouseSummary> = await runLighthouse(url, 3, {
        extraHeaders: headers,
        timeZone: 'Asia/Tokyo',
      });
      // The full report beside latest.json, for finding what a missed target is made of.
      writeFileSync(`.data/bench/lighthouse-${page.file}.json`, JSON.stringify(summary.lhr, null, 2));
      delete summary.lhr;
      result.lighthouse = summary as Omit<LighthouseSummary, 'lhr'>;
    } catch (error) {
      result.lighthouse = { error: error instanceof Error ? error.message : String(error) };
    }
  }
  return result;
}
