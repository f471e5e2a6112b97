import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expectNoHorizontalScroll } from './a11y';
import { counselorPage, expect, expectAccessible, test } from './fixtures';
import { expectWordsWhole, shownWholeIn } from './line-boxes';

// The counselor's calendars, both ways: her own appointment (served by a local "calendar
// server") closes a client's slot; her feed URL gives her sessions and dies when replaced.
test.describe.configure({ mode: 'serial' });

let server: http.Server;
let calendarUrl: string;
let busyIcs = '';

test.beforeAll(async () => {
  server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/calendar; charset=utf-8' });
    res.end(busyIcs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  calendarUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/private/basic.ics`;
});

test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const icsUtc = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** With SHOTS_DIR set, full-page screenshots at 390 px and 1280 px. */
async function shots(page: Page, name: string) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    const dir = process.env.SHOTS_DIR;
    if (dir) {
      fs.mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: path.join(dir, `${name}-${width}.png`), fullPage: true });
    }
  }
}

/** A slot offered on a day in the middle of the horizon (the other specs book near its start). */
async function aSlotMidHorizon(page: Page): Promise<{ day: string; start: string }> {
  await page.goto('/book/online-60');
  const days = await page
    .getByRole('grid')
    .locator('a[data-date]')
    .evaluateAll((a) => a.map((l) => l.getAttribute('data-date')!));
  const day = days[Math.floor(days.length / 2)]!;
  await page.goto(`/book/online-60?month=${day.slice(0, 7)}&day=${day}`);
  const hrefs = await page.locator('a.slot').evaluateAll((a) => a.map((l) => (l as HTMLAnchorElement).href));
  const start = new URL(hrefs.at(-1)!).searchParams.get('start')!;
  return { day, start };
}

async function slotStartsOn(page: Page, day: string): Promise<string[]> {
  await page.goto(`/book/online-60?month=${day.slice(0, 7)}&day=${day}`);
  return page
    .locator('a.slot')
    .evaluateAll((a) => a.map((l) => new URL((l as HTMLAnchorElement).href).searchParams.get('start')!));
}

test('the counselor pastes her calendar’s URL, syncs, and the client no longer sees that time', async ({
  page,
  browser,
}) => {
  test.slow();
  const { day, start } = await aSlotMidHorizon(page);
  expect(await slotStartsOn(page, day)).toContain(start);
  const startsAt = new Date(start);
  busyIcs = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//e2e//EN',
    'BEGIN:VEVENT',
    'UID:e2e-own-appointment',
    `DTSTAMP:${icsUtc(new Date())}`,
    `DTSTART:${icsUtc(startsAt)}`,
    `DTEND:${icsUtc(new Date(startsAt.getTime() + 30 * 60_000))}`,
    'SUMMARY:歯医者',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');

  const counselor = await counselorPage(browser);
  await counselor.goto('/admin/calendar-sync');
  await expect(counselor.getByRole('heading', { level: 1, name: 'カレンダー連携' })).toBeVisible();
  await counselor.getByLabel(/カレンダーのURL/).fill(calendarUrl);
  await counselor.getByLabel('名前（任意）').fill('プライベート');
  await counselor.getByRole('button', { name: '追加して読み込む' }).click();
  await expect(counselor.getByRole('status').filter({ hasText: '予定を読み込みました' })).toBeVisible();
  const item = counselor
    .getByRole('listitem')
    .filter({ has: counselor.getByRole('heading', { name: 'プライベート' }) });
  await expect(item).toContainText('これからの予定1件');
  // The secret part of her URL is never shown back.
  await expect(counselor.locator('body')).not.toContainText('/private/basic.ics');

  // The client's calendar no longer offers that time, and says nothing about why.
  const after = await slotStartsOn(page, day);
  expect(after).not.toContain(start);
  await expect(page.locator('body')).not.toContainText('歯医者');

  // Her own time grid shows why: busy, with its time, never the title.
  const jst = (d: Date) =>
    new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' }).format(d);
  const busyTime = `${jst(startsAt)}〜${jst(new Date(startsAt.getTime() + 30 * 60_000))}`;
  const busyBlock = (grid: Locator) => grid.getByRole('paragraph').filter({ hasText: busyTime });
  await counselor.goto(`/admin/bookings?view=day&date=${day}`);
  const grid = counselor.getByRole('region', { name: /^\d.*の時間割$/ });
  await expect(busyBlock(grid)).toHaveText(`予定あり（取り込み） ${busyTime}`);
  await expect(busyBlock(grid)).toBeVisible();
  await expect(counselor.getByText('予定あり（取り込み）').first()).toBeVisible();
  await expect(counselor.locator('body')).not.toContainText('歯医者');
  await shots(counselor, 'calendar-sync-day-busy');
  await counselor.goto(`/admin/bookings?view=week&date=${day}`);
  const week = counselor.getByRole('region', { name: /^\d.*の時間割$/ });
  // On a 360 px phone a 30-minute block of the week says what it is on its one line, whole
  // (予定あり, never a cut-off time), and its time and source are still read out and on hover.
  await counselor.setViewportSize({ width: 360, height: 780 });
  const block = busyBlock(week);
  await block.scrollIntoViewIfNeeded();
  expect(await shownWholeIn(block.getByText('予定あり', { exact: true }), block)).toBe(true);
  await expect(block).toHaveText(`予定あり（取り込み） ${busyTime}`);
  await expect(block).toHaveAttribute('title', `${busyTime} 予定あり（取り込み）`);
  // The day headers' hours keep each range whole (受付 10:00〜／18:00 at most, never 10:／00).
  await expectWordsWhole(week.locator('.time-grid__head'), [], 'the week’s day headers');
  await shots(counselor, 'calendar-sync-week-busy');
  await counselor.goto('/admin/calendar-sync');

  // 「今すぐ同期」 after she deletes the appointment: the time is offered again.
  busyIcs = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//e2e//EN\r\nEND:VCALENDAR\r\n';
  await item.getByRole('button', { name: /今すぐ同期/ }).click();
  await expect(item.getByRole('status')).toHaveText('同期しました。');
  expect(await slotStartsOn(page, day)).toContain(start);

  // A calendar that cannot be read: the error and the last good sync are shown.
  busyIcs = '<!doctype html><title>Sign in</title>';
  await item.getByRole('button', { name: /今すぐ同期/ }).click();
  await expect(item.getByRole('alert')).toContainText('iCal形式');
  await counselor.reload();
  await expect(item).toContainText('同期に失敗しました');
  await expect(item).toContainText('最後に同期できた日時');

  await shots(counselor, 'calendar-sync');

  counselor.once('dialog', (dialog) => dialog.accept());
  await item.getByRole('button', { name: /登録を解除/ }).click();
  await expect(counselor.getByText('登録されたカレンダーはありません。')).toBeVisible();
});

test('the counselor copies her feed URL; it serves her calendar, and a new one ends the old', async ({ browser }) => {
  const counselor = await counselorPage(browser);
  await counselor.goto('/admin/calendar-sync');
  counselor.on('dialog', (dialog) => dialog.accept());
  await counselor.getByRole('button', { name: /購読URLを発行する/ }).click();
  const field = counselor.getByLabel('購読URL（iCal）');
  const url = await field.inputValue();
  expect(url).toMatch(/\/api\/calendar-feed\/[A-Za-z0-9_-]{43}$/);
  await counselor.getByRole('button', { name: 'URLをコピー' }).click();
  await expect(counselor.getByRole('status').filter({ hasText: 'コピーしました' })).toBeVisible();

  // A calendar app sends no cookies: the token alone opens the feed.
  const feed = await counselor.request.fetch(url, { headers: { Cookie: '' } });
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toContain('text/calendar');
  const text = await feed.text();
  expect(text).toMatch(/^BEGIN:VCALENDAR/);
  expect(text).toContain('X-WR-CALNAME');

  const download = counselor.waitForEvent('download');
  await counselor.getByRole('link', { name: '.icsをダウンロード' }).click();
  expect((await download).suggestedFilename()).toBe('sessions.ics');

  await counselor.reload();
  await expect(counselor.getByText(/有効（/)).toBeVisible();
  await counselor.getByRole('button', { name: '新しい購読URLを発行する' }).click();
  const next = await counselor.getByLabel('購読URL（iCal）').inputValue();
  expect(next).not.toBe(url);
  expect((await counselor.request.get(url)).status()).toBe(404);
  expect((await counselor.request.get(next)).status()).toBe(200);

  await counselor.getByRole('button', { name: '購読URLを無効にする' }).click();
  await expect(counselor.getByRole('status').filter({ hasText: '無効にしました' })).toBeVisible();
  expect((await counselor.request.get(next)).status()).toBe(404);
});
