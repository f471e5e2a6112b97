import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './a11y';
import { holdAndOpenCheckout, payWithCard } from './booking-fixtures';
import { counselorPage, expect, signedInClient, test } from './fixtures';
import { shots } from './shots';

/** This month in Japan time, as the page names it: 2026年12月. */
function japanMonthLabel(now = new Date()): string {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit' })
    .format(now)
    .split('-');
  return `${Number(year)}年${Number(month)}月`;
}

/** A client books and pays a session; the counselor's page, at the given width. */
async function paidSession(page: Page, browser: Parameters<typeof counselorPage>[0], width: number) {
  await signedInClient(page);
  const { bookingId } = await holdAndOpenCheckout(page);
  await payWithCard(page, '4242424242424242');
  await expect(page.getByRole('heading', { name: 'ご予約が確定しました' })).toBeVisible();
  const counselor = await counselorPage(browser, { viewport: { width, height: 900 }, acceptDownloads: true });
  return { bookingId, counselor };
}

/** 売上 from the admin menu, this month. */
async function openMoneyPage(counselor: Page) {
  await counselor.getByRole('navigation', { name: '管理メニュー' }).getByRole('link', { name: '売上' }).click();
  await expect(counselor.getByRole('heading', { level: 1, name: '売上' })).toBeVisible();
  const month = japanMonthLabel();
  await expect(counselor.getByRole('heading', { name: `${month}の概要` })).toBeVisible();
  await expect(
    counselor.getByRole('region', { name: `${month}の売上の概要` }).getByRole('row', { name: /^合計/ }),
  ).toBeVisible();
  return month;
}

/** The rows of a list that link to the booking, by their 区分. */
function ledgerRows(counselor: Page, region: string, bookingId: string, kind: string) {
  return counselor
    .getByRole('region', { name: region })
    .getByRole('row')
    .filter({ has: counselor.locator(`a[href="/admin/bookings/${bookingId}"]`) })
    .filter({ has: counselor.getByRole('cell', { name: kind, exact: true }) });
}

/** Downloads the payments CSV of the month; its text after the BOM, which it checks. */
async function downloadPaymentsCsv(counselor: Page): Promise<string[]> {
  const [download] = await Promise.all([
    counselor.waitForEvent('download'),
    counselor.getByRole('button', { name: '入金・返金のCSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^payments_\d{4}-\d{2}-01_\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n');
  expect(lines[0]).toMatch(/^"区分","日時（日本時間）","クライアント","種類","内容"/);
  return lines;
}

test('at 390 px the counselor opens 売上, sees a payment and its refund, and downloads the payments CSV', async ({
  page,
  browser,
}) => {
  const { bookingId, counselor } = await paidSession(page, browser, 390);
  // She cancels the session, which refunds it in full.
  await counselor.goto(`/admin/bookings/${bookingId}`);
  await counselor.getByRole('button', { name: 'キャンセルする' }).click();
  await expect(counselor).toHaveURL(/notice=cancelled/);

  const month = await openMoneyPage(counselor);
  const list = `${month}の入金と返金`;
  await expect(ledgerRows(counselor, list, bookingId, '入金')).toHaveCount(1);
  await expect(ledgerRows(counselor, list, bookingId, '返金')).toHaveCount(1);
  await expect(ledgerRows(counselor, list, bookingId, '入金')).toContainText('山田 花子 様');
  await expectNoHorizontalScroll(counselor);
  await expectNoAxeViolations(counselor);
  await shots(counselor, 'admin-payments');

  const own = (await downloadPaymentsCsv(counselor)).filter((line) => line.includes(bookingId));
  expect(own.map((line) => line.split(',')[0])).toEqual(['"入金"', '"返金"']);
  await counselor.context().close();
});

test('at 1280 px a refund made in the Stripe dashboard shows in its own section of 売上 and in the CSV', async ({
  page,
  browser,
}) => {
  const { bookingId, counselor } = await paidSession(page, browser, 1280);
  await counselor.goto('/admin');
  await openMoneyPage(counselor);
  const paidRow = (await downloadPaymentsCsv(counselor)).find((line) => line.includes(bookingId))!;
  const paymentIntent = /"(pi_[^"]+)"/.exec(paidRow)![1]!;

  // 5,500 yen refunded in the Stripe dashboard: Stripe tells the app by webhook.
  const refunded = await page.request.post(`http://127.0.0.1:${process.env.E2E_STRIPE_PORT || 12211}/v1/refunds`, {
    headers: { authorization: 'Bearer sk_test_dashboard' },
    form: { payment_intent: paymentIntent, amount: '5500' },
  });
  expect(refunded.ok()).toBe(true);
  const section = counselor.getByRole('region', { name: 'Stripeの管理画面で返金' });
  await expect(async () => {
    await counselor.reload();
    await expect(section).toBeVisible({ timeout: 1_000 });
  }).toPass();
  const month = japanMonthLabel();
  // In its own section, and among the month's payments and refunds, whose sums it is part of.
  for (const region of [`${month}にStripeの管理画面で行われた返金`, `${month}の入金と返金`]) {
    await expect(ledgerRows(counselor, region, bookingId, '返金（Stripeの管理画面）')).toContainText('−5,500円');
  }
  await expectNoHorizontalScroll(counselor);
  await expectNoAxeViolations(counselor);
  await shots(counselor, 'admin-payments-outside');

  const own = (await downloadPaymentsCsv(counselor)).filter((line) => line.includes(bookingId));
  expect(own.map((line) => line.split(',').slice(0, 1).concat(line.split(',')[6]!))).toEqual([
    ['"入金"', '11000'],
    ['"返金（Stripeの管理画面）"', '-5500'],
  ]);
  await counselor.context().close();
});
