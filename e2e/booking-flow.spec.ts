import fs from 'node:fs';
import type { Page } from '@playwright/test';
import {
  bookingIdOnStripePage,
  chooseRandomSlot,
  confirmAndPay,
  holdSomeSlot,
  openWholeDayAhead,
  payWithCard,
} from './booking-fixtures';
import { expect, expectAccessible, linkFromMail, randomIp, signedInClient, test, uniqueEmail } from './fixtures';

// A phone 390 px wide (issue #12), as a client booking at night would hold it.
test.use({ viewport: { width: 390, height: 844 } });

const hour = 60 * 60 * 1000;
const shots = '/tmp/shots-bookflow';
fs.mkdirSync(shots, { recursive: true });

/** Our own screens a journey passed through: distinct paths of the app's pages (not Stripe's). */
function screensOf(page: Page): () => string[] {
  const seen: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame()) return;
    // The app is served on localhost; the Stripe emulator's page on 127.0.0.1.
    const url = new URL(frame.url());
    if (url.hostname === 'localhost' && seen.at(-1) !== url.pathname) seen.push(url.pathname);
  });
  return () => [...new Set(seen)];
}

async function shoot(page: Page, name: string) {
  await expectAccessible(page);
  await page.screenshot({ path: `${shots}/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${shots}/${name}-1280.png`, fullPage: true });
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
}

async function fillNewClient(page: Page, email: string) {
  await page.getByLabel('姓（必須）', { exact: true }).fill('山田');
  await page.getByLabel('名（必須）', { exact: true }).fill('花子');
  await page.getByLabel('セイ（必須）', { exact: true }).fill('ヤマダ');
  await page.getByLabel('メイ（必須）', { exact: true }).fill('ハナコ');
  await page.getByRole('textbox', { name: /^メールアドレス/ }).fill(email);
  await page.getByLabel(/^パスワード（必須）/).fill('correct horse battery');
  await page.getByLabel('利用規約とプライバシーポリシーに同意します').check();
  await page.getByLabel('上のキャンセルポリシーに同意します').check();
}

test('a new visitor goes from 「空き時間を見る」 to paid in four of our screens; the time is held before any mail, and the questionnaire waits for the verified address', async ({
  page,
  browser,
}) => {
  // The whole journey with six accessibility checks and screenshots at two widths: over a minute on a loaded CI machine.
  test.slow();
  await page.goto('/sessions');
  const screens = screensOf(page);
  await page.getByRole('link', { name: 'オンラインセッション（60分）の空き時間を見る' }).click();
  await expect(page.getByRole('navigation', { name: 'ご予約の手順' }).locator('[aria-current="step"]')).toHaveText(
    /日時/,
  );
  await shoot(page, 'book');
  const email = uniqueEmail('flow');
  let confirmUrl = '';
  for (let attempt = 0; ; attempt += 1) {
    await (await chooseRandomSlot(page)).slot.click();
    await expect(page.getByRole('heading', { level: 1, name: 'ご予約内容の確認' })).toBeVisible();
    confirmUrl = page.url();
    if (attempt === 0) await shoot(page, 'confirm-signed-out');
    await fillNewClient(page, email);
    await page.getByRole('button', { name: '登録してお支払いへ進む' }).click();
    const taken = page.getByRole('alert').filter({ hasText: 'ほかの方の予約が入りました' });
    await expect(page.getByRole('button', { name: '支払う' }).or(taken)).toBeVisible();
    if (!(await taken.isVisible())) break;
    expect(attempt).toBeLessThan(5);
    // She is signed in now: the next time goes straight on.
    await page.getByRole('link', { name: '別の日時を選ぶ' }).first().click();
    await (await chooseRandomSlot(page)).slot.click();
    await expect(page.getByRole('heading', { level: 1, name: 'ご予約内容の確認' })).toBeVisible();
    confirmUrl = page.url();
    expect(await confirmAndPay(page)).toBe(true);
    break;
  }
  const bookingId = await bookingIdOnStripePage(page);

  // No mail opened yet, and nobody else can take the time meanwhile (the hold itself is
  // refused to a second client in features/booking/book.integration.test.ts).
  const other = await (
    await browser.newContext({
      viewport: { width: 390, height: 844 },
      extraHTTPHeaders: { 'x-forwarded-for': randomIp() },
    })
  ).newPage();
  await other.goto(confirmUrl);
  // (Next's route announcer is an alert too: look for ours by its words.)
  await expect(other.getByRole('alert').filter({ hasText: 'ほかの方の予約が入りました' })).toBeVisible();
  await expect(other.getByRole('button', { name: /お支払いへ進む/ })).toHaveCount(0);

  await payWithCard(page, '4242 4242 4242 4242');
  await expect(page.getByRole('heading', { name: 'ご予約が確定しました' })).toBeVisible();
  const ours = screens();
  expect(ours.length, ours.join(' → ')).toBeLessThanOrEqual(4);

  // Verification is required for the questionnaire, with a way to get the mail again.
  await page.goto(`/portal/intake/${bookingId}`);
  await expect(page.getByRole('heading', { name: 'メールアドレスの確認をお願いします' })).toBeVisible();
  await expect(page.getByRole('button', { name: '同意して回答をはじめる' })).toHaveCount(0);
  await page.getByRole('button', { name: '確認メールをもう一度送る' }).click();
  await expect(page.getByRole('status')).toContainText('確認メールを再送しました');
  await shoot(page, 'intake-unverified');
  await page.goto(await linkFromMail(page.request, email, /メールアドレスの確認/));
  await page.getByRole('button', { name: 'メールアドレスを確認する' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'メールアドレスを確認しました' })).toBeVisible();
  await page.goto(`/portal/intake/${bookingId}`);
  await expect(page.getByRole('button', { name: '同意して回答をはじめる' })).toBeVisible();
});

/** Presses Tab until the focused element matches, as a keyboard user moves through a page. */
async function tabTo(page: Page, matches: (el: Element) => boolean, max = 120) {
  const test = matches.toString();
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate((source) => {
      const el = document.activeElement;
      return Boolean(el && (0, eval)(`(${source})`)(el));
    }, test);
    if (hit) return;
  }
  throw new Error(`no focusable element matched ${test}`);
}

test('a new visitor books and pays with the keyboard only', async ({ page }) => {
  await page.goto('/sessions');
  await tabTo(page, (el) => el.getAttribute('aria-label') === 'オンラインセッション（60分）の空き時間を見る');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /の予約$/ })).toBeVisible();
  // The first open day is the grid's tab stop; Enter shows its times, Tab reaches them.
  await tabTo(page, (el) => el.matches('.calendar__day--open > a'));
  await page.keyboard.press('Enter');
  await expect(page.locator('a.slot').first()).toBeVisible();
  const email = uniqueEmail('keys');
  for (let attempt = 0; ; attempt += 1) {
    await tabTo(page, (el) => el.matches('a.slot'));
    for (let i = 0; i < attempt; i += 1) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'ご予約内容の確認' })).toBeVisible();
    await tabTo(page, (el) => el.id === 'field-familyName');
    await page.keyboard.type('山田');
    await page.keyboard.press('Tab');
    await page.keyboard.type('花子');
    await page.keyboard.press('Tab');
    await page.keyboard.type('ヤマダ');
    await page.keyboard.press('Tab');
    await page.keyboard.type('ハナコ');
    await page.keyboard.press('Tab');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('correct horse battery');
    await tabTo(page, (el) => el.id === 'field-agreeToTerms');
    await page.keyboard.press('Space');
    await tabTo(page, (el) => el.id === 'field-agreeToPolicy');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const taken = page.getByRole('alert').filter({ hasText: 'ほかの方の予約が入りました' });
    await expect(page.getByRole('button', { name: '支払う' }).or(taken)).toBeVisible();
    if (!(await taken.isVisible())) break;
    expect(attempt).toBeLessThan(3);
    await page.goBack();
    await page.goBack();
  }
  await tabTo(
    page,
    (el) =>
      el.getAttribute('name') === 'card' ||
      el.id === 'card' ||
      /カード番号/.test(el.getAttribute('aria-label') ?? '') ||
      (el as HTMLInputElement).labels?.[0]?.textContent?.includes('カード番号') === true,
  );
  await page.keyboard.type('4242424242424242');
  await page.keyboard.press('Tab');
  await page.keyboard.type('12/34');
  await page.keyboard.press('Tab');
  await page.keyboard.type('123');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'ご予約が確定しました' })).toBeVisible();
});

test('a returning client books in three screens: slot, confirm, Stripe, done', async ({ page }) => {
  await signedInClient(page);
  await page.goto('/book/online-60');
  const screens = screensOf(page);
  await holdSomeSlot(page, {});
  await payWithCard(page, '4242 4242 4242 4242');
  await expect(page.getByRole('heading', { name: 'ご予約が確定しました' })).toBeVisible();
  const ours = screens();
  expect(ours.length, ours.join(' → ')).toBeLessThanOrEqual(3);
});

test('choosing the time one already holds resumes it, and the picker marks it 「お手続き中のご予約」', async ({
  page,
}) => {
  await signedInClient(page);
  await holdSomeSlot(page, {});
  const bookingId = await bookingIdOnStripePage(page);
  // She leaves Stripe's page and comes back to the calendar.
  await page.goto('/book/online-60');
  await expect(page.locator('.notice').filter({ hasText: 'お手続き中のご予約があります。' })).toBeVisible();
  const own = page.locator('a.slot--own');
  await expect(own).toContainText('お手続き中のご予約');
  await expect(page.locator('.calendar__day--own')).toHaveCount(1);
  await expect(page.locator('.calendar__day--own .sr-only')).toContainText('お手続き中のご予約あり');
  await shoot(page, 'book-own-hold');
  await own.click();
  await expect(page.getByText('お手続き中のご予約です。')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: /ほかの方|受け付けていません|有効期限/ })).toHaveCount(0);
  await shoot(page, 'confirm-own-hold');
  expect(await confirmAndPay(page)).toBe(true);
  expect(await bookingIdOnStripePage(page)).toBe(bookingId);
});

test('a time less than 48 h away says on the confirm screen which fee applies from the moment of booking', async ({
  page,
  browser,
}) => {
  await openWholeDayAhead(browser, 36);

  await page.goto('/book/online-60');
  const dates = await page
    .getByRole('grid')
    .locator('a[data-date]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('data-date')!));
  let found = false;
  for (const date of dates.slice(0, 4)) {
    await page.getByRole('grid').locator(`a[data-date="${date}"]`).click();
    await expect(page.locator('td[aria-selected="true"] [data-date]')).toHaveAttribute('data-date', date);
    const hrefs = await page.locator('a.slot').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    const index = hrefs.findIndex((h) => {
      const ms = new Date(new URL(h).searchParams.get('start')!).getTime() - Date.now();
      return ms > 25 * hour && ms < 47 * hour;
    });
    if (index >= 0) {
      await page.locator('a.slot').nth(index).click();
      found = true;
      break;
    }
  }
  expect(found, 'a time 25–47 h away').toBe(true);
  await expect(page.getByRole('note')).toHaveText(
    '開始まで48時間を切っているため、ご予約の時点からキャンセル料がかかります。ご予約後にキャンセルすると50%・5,500円（税込）、開始24時間前からは全額の11,000円（税込）です。',
  );
  await shoot(page, 'confirm-late');
});
