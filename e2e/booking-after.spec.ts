import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { holdAndOpenCheckout, payWithCard } from './booking-fixtures';
import { expectNoHorizontalScroll } from './a11y';
import { counselorPage, expect, expectAccessible, randomIp, signedInClient, test } from './fixtures';
import { shots } from './shots';

// After paying, on a 390 px phone: the success page, the calendar files, cancelling, the history.
test.use({ viewport: { width: 390, height: 844 } });

const hour = 60 * 60 * 1000;

/** 2026年12月3日(木) 14:00, as a person in Japan reads the instant. */
function japanTime(instant: Date): string {
  const parts = new Intl.DateTimeFormat('ja-JP', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const p = (type: string) => parts.find((x) => x.type === type)!.value;
  return `${p('year')}年${p('month')}月${p('day')}日(${p('weekday')}) ${p('hour')}:${p('minute')}`;
}

const utcStamp = (instant: Date) =>
  instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** How many lines an element's text takes (its distinct line boxes). */
const lineCount = (element: Locator) =>
  element.evaluate((el) => new Set([...el.getClientRects()].map((r) => Math.round(r.top))).size);

/** A paid online session more than 72 h away (cancelling it is free). */
async function paidSessionFarAhead(page: Page) {
  await signedInClient(page);
  const booked = await holdAndOpenCheckout(page, {
    pick: (starts) => starts.findIndex((s) => s.getTime() - Date.now() > 72 * hour),
  });
  await payWithCard(page, '4242 4242 4242 4242');
  await expect(page).toHaveURL(/\/book\/success\?session_id=cs_/);
  return booked;
}

test('the success page names the date, the session and how to join, and offers the questionnaire and calendars', async ({
  page,
  browser,
}) => {
  const { bookingId, startsAt } = await paidSessionFarAhead(page);
  await expect(page.getByRole('heading', { level: 1, name: 'ご予約が確定しました' })).toBeVisible();
  const facts = page.locator('dl.facts');
  await expect(facts).toContainText(japanTime(startsAt));
  await expect(facts).toContainText('オンラインセッション（60分）');
  await expect(facts).toContainText('ビデオ通話で行います');
  await expect(facts).toContainText('参加用のリンクはセッションの24時間前');
  await expect(page.getByRole('link', { name: '事前アンケートに回答する' })).toHaveAttribute(
    'href',
    `/portal/intake/${bookingId}`,
  );
  await expect(page.getByRole('link', { name: 'マイページで予約の詳細を見る' })).toHaveAttribute(
    'href',
    `/portal/bookings/${bookingId}`,
  );
  const google = new URL((await page.getByRole('link', { name: /Googleカレンダーに追加/ }).getAttribute('href'))!);
  expect(google.hostname).toBe('calendar.google.com');
  expect(google.searchParams.get('action')).toBe('TEMPLATE');
  expect(google.searchParams.get('text')).toBe('カウンセリング');
  expect(google.searchParams.get('dates')).toBe(
    `${utcStamp(startsAt)}/${utcStamp(new Date(startsAt.getTime() + hour))}`,
  );
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
  await shots(page, 'success');

  // The .ics link downloads the session, starting at its instant, with the same discreet title.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /カレンダー用ファイル/ }).click();
  const ics = fs.readFileSync((await (await download).path())!, 'utf8');
  expect(ics).toContain(`DTSTART:${utcStamp(startsAt)}`);
  expect(ics).toContain('SUMMARY:カウンセリング');

  // Only its client gets it: another client is told it does not exist; nobody signed out gets it.
  const other = await (await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': randomIp() } })).newPage();
  await signedInClient(other);
  expect((await other.request.get(`/portal/bookings/${bookingId}/ics`)).status()).toBe(404);
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(`/portal/bookings/${bookingId}/ics`, { maxRedirects: 0 })).status()).not.toBe(
    200,
  );
  await anonymous.close();
  await other.context().close();

  // The receipt says 税込 once and names the session without nested parentheses.
  await page.goto('/portal/payments');
  await page.getByRole('link', { name: '領収書' }).first().click();
  const receipt = page.getByRole('article', { name: '領収書' });
  await expect(receipt).toContainText('但し　カウンセリング料として');
  await expect(receipt).toContainText('税込金額 11,000円（うち消費税10%：1,000円）');
  await expect(receipt).not.toContainText('11,000円（税込）（');
  await expect(receipt.getByRole('definition').first()).toHaveText('オンラインセッション（60分）');
  await expectAccessible(page);
  await shots(page, 'receipt');
});

test('cancelling asks first, with the fee and the refund; the booking then shows the refund, and the portal keeps it', async ({
  page,
  browser,
}) => {
  const { bookingId, startsAt } = await paidSessionFarAhead(page);
  const bookingPage = `/portal/bookings/${bookingId}`;
  await page.goto(bookingPage);
  await page.getByRole('link', { name: 'キャンセルの手続きへ' }).click();
  await expect(page).toHaveURL(new RegExp(`${bookingPage}/cancel$`));
  await expect(page.getByRole('heading', { level: 1, name: 'ご予約をキャンセルしますか' })).toBeVisible();
  const facts = page.locator('dl.facts');
  await expect(facts).toContainText(japanTime(startsAt));
  await expect(facts.getByRole('definition').nth(3)).toHaveText('無料');
  await expect(facts.getByRole('definition').nth(4)).toHaveText('11,000円（税込）');
  await expect(page.getByText('まだキャンセルされていません')).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
  await shots(page, 'cancel-confirm');

  // Going back cancels nothing.
  await page.getByRole('link', { name: 'キャンセルせずに戻る' }).click();
  await expect(page).toHaveURL(new RegExp(`${bookingPage}$`));
  await expect(page.locator('dl.facts')).toContainText('予約確定');

  // Confirming works in a browser without JavaScript too (a plain form post), by keyboard.
  const noScript = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
    viewport: { width: 390, height: 844 },
    extraHTTPHeaders: { 'x-forwarded-for': randomIp() },
  });
  const plain = await noScript.newPage();
  await plain.goto(`${bookingPage}/cancel`);
  await plain.getByRole('button', { name: 'キャンセルを確定する' }).focus();
  await plain.keyboard.press('Enter');
  await expect(plain).toHaveURL(new RegExp(`${bookingPage}\\?notice=cancelled$`));
  await noScript.close();

  await page.goto(`${bookingPage}?notice=cancelled`);
  await expect(page.getByRole('status').filter({ hasText: 'キャンセルを承りました' })).toBeVisible();
  const after = page.locator('dl.facts');
  await expect(after).toContainText('キャンセル済み');
  await expect(after).toContainText(/11,000円（税込）・返金(処理中|済み)/);
  await expect(page.getByRole('link', { name: 'キャンセルの手続きへ' })).toHaveCount(0);
  await expectAccessible(page);
  await shots(page, 'booking-cancelled');

  // A second post of the same form (a reload, a double press) refunds nothing more.
  await page.goto(`${bookingPage}/cancel`);
  await expect(page).toHaveURL(new RegExp(`${bookingPage}$`));

  await page.goto('/portal');
  await expect(page.getByRole('region', { name: '今後のセッション' })).toContainText(
    '予約中のセッションはありません。',
  );
  const history = page.getByRole('region', { name: '過去・キャンセル済みのセッション' });
  await expect(history.getByRole('listitem').filter({ hasText: japanTime(startsAt) })).toContainText('キャンセル済み');
  await expect(
    history.getByRole('link', { name: new RegExp(japanTime(startsAt).replace(/[()]/g, '\\$&')) }),
  ).toHaveAttribute('href', bookingPage);
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
  await shots(page, 'portal-history');
});

test('crisis line numbers and （必須） never break mid-way on a 390 px phone', async ({ page }) => {
  await page.goto('/self-check/unrequited-love');
  const choose = (question: RegExp, answer: string | RegExp) =>
    page
      .getByRole('group', { name: question })
      .getByRole('radio', { name: answer, exact: typeof answer === 'string' })
      .check();
  await expect(page.getByRole('button', { name: '結果を見る' })).toBeEnabled();
  await choose(/連絡は、どちらから始まることが多いですか/, 'ほとんど自分から');
  await choose(/会う約束をしようとしたとき/, '「また今度」など曖昧な返事が多い');
  await choose(/相手から質問が返ってきますか/, '一言の返信で終わることが多い');
  await choose(/安心より不安を感じることが多い/, /^5/);
  await choose(/この関係をどうしたいと感じていますか/, 'まだわからない');
  await page.getByRole('button', { name: '結果を見る' }).click();
  const result = page.getByRole('region', { name: 'セルフチェックの結果' });
  await result.getByText('つらい気持ちが強いときは').click();
  const numbers = result.locator('a[href^="tel:"]');
  await expect(numbers.first()).toBeVisible();
  expect(page.viewportSize()?.width).toBe(390);
  expect(await numbers.count()).toBeGreaterThanOrEqual(3);
  for (const n of await numbers.all()) expect(await lineCount(n), `${await n.textContent()} on one line`).toBe(1);

  await page.goto('/register');
  const required = page.locator('.field__required');
  await expect(required.first()).toBeVisible();
  for (const r of await required.all()) expect(await lineCount(r), 'a （必須） on one line').toBe(1);
});

test('the cancellation table, the 特商法 page and the admin read well on a phone', async ({ page, browser }) => {
  await page.goto('/legal/cancellation');
  const table = page.getByRole('table', { name: /キャンセル料/ });
  await expect(table).toContainText('表の金額はすべて税込です');
  await expect(table.getByRole('row', { name: /開始48時間前から24時間前まで/ })).toContainText('50%・5,500円');
  // 税込 is said once, in the caption; the first column never takes three lines at 390 px.
  await expect(table.locator('tbody')).not.toContainText('税込');
  for (const cell of await table.locator('tbody td:first-child').all())
    expect(await lineCount(cell), `${await cell.textContent()}`).toBeLessThanOrEqual(2);
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
  await shots(page, 'legal-cancellation');

  await page.goto('/legal/tokushoho');
  const phoneRow = page.locator('.legal-table__row').filter({ hasText: '電話番号' });
  await expect(phoneRow).toContainText('お電話でのお問い合わせ・ご予約は受け付けておりません');
  await expect(phoneRow).toContainText('電話セッションは、ご予約の日時にカウンセラーからおかけします');
  expect(await lineCount(phoneRow.locator('.nowrap'))).toBe(1);
  await expectAccessible(page);

  // Dates in the admin read 2026年12月3日(木), never 2026-12-03.
  const counselor = await counselorPage(browser);
  for (const path of [
    '/admin',
    '/admin/bookings',
    '/admin/bookings?view=week',
    '/admin/availability',
    '/admin/clients',
  ]) {
    await counselor.goto(path);
    await expect(counselor.getByRole('heading', { level: 1 }).first()).toBeVisible();
    expect(await counselor.getByRole('main').innerText(), path).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
  }
  await counselor.context().close();
});
