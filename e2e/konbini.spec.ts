import type { Page } from '@playwright/test';
import { bookingIdOnStripePage, holdSomeSlot } from './booking-fixtures';
import { counselorPage, expect, expectAccessible, signedInClient, test } from './fixtures';
import { shots } from './shots';

// A phone 390 px wide, as a client who pays at a convenience store would hold it.
test.use({ viewport: { width: 390, height: 844 } });

const DAY = 24 * 60 * 60 * 1000;

/** axe on the screen, and (with SHOTS_DIR set) its screenshots at 390 and 1280 px. */
async function shoot(page: Page, name: string) {
  await expectAccessible(page);
  await shots(page, `konbini-${name}`);
}

/** The counselor switches konbini on in the admin (PayPay is left as it is). */
test.beforeAll(async ({ browser }) => {
  const counselor = await counselorPage(browser, { viewport: { width: 390, height: 844 } });
  await counselor.goto('/admin/settings');
  await counselor.getByRole('link', { name: 'お支払い方法' }).click();
  await counselor.getByRole('checkbox', { name: /^コンビニ決済/ }).check();
  await counselor.getByRole('button', { name: '保存する' }).click();
  await expect(counselor.getByRole('status').filter({ hasText: 'お支払い方法の設定を保存しました' })).toBeVisible();
  await counselor.goto('/legal/tokushoho');
  await expect(counselor.getByText(/コンビニ決済のお支払い期限は/)).toBeVisible();
  await counselor.context().close();
});

test('a client pays a session at a konbini: voucher → marked paid → the portal shows 予約確定, the receipt コンビニ決済', async ({
  page,
}) => {
  await signedInClient(page);
  // Konbini is offered only when the session is far enough away.
  await holdSomeSlot(page, { pick: (starts) => starts.findIndex((s) => s.getTime() > Date.now() + 5 * DAY) });
  const bookingId = await bookingIdOnStripePage(page);
  await expect(page.getByRole('heading', { name: 'コンビニでのお支払い' })).toBeVisible();
  await shoot(page, 'stripe-checkout');
  await page.getByRole('button', { name: 'コンビニ払いで申し込む' }).click();

  // Back on our success page: not booked yet, the deadline and the voucher are shown.
  await expect(page.getByRole('heading', { level: 1, name: 'コンビニでのお支払いをお待ちしています' })).toBeVisible();
  await expect(page.getByText('お支払い期限')).toBeVisible();
  await shoot(page, 'success-awaiting');
  const voucherUrl = await page.getByRole('link', { name: /払込票を見る/ }).getAttribute('href');

  await page.goto('/portal');
  await expect(page.getByText('お支払い待ち（コンビニ）')).toBeVisible();
  await shoot(page, 'portal-awaiting');
  await page.goto(`/portal/bookings/${bookingId}`);
  await expect(page.getByText('お支払い待ち（コンビニ）', { exact: true })).toBeVisible();
  await expect(page.getByText('確認番号')).toBeVisible();
  await shoot(page, 'booking-awaiting');

  // The voucher Stripe hosts, with the emulator's test control: paid at the store.
  await page.goto(voucherUrl!);
  await expect(page.getByRole('heading', { level: 1, name: 'コンビニでのお支払い' })).toBeVisible();
  await expect(page.getByTestId('confirmation-number')).toHaveText(/^\d{11}$/);
  await shoot(page, 'voucher');
  await page.getByRole('button', { name: '支払ったことにする' }).click();
  await expect(page.getByRole('status')).toHaveText('このお支払いは完了しています。');

  // The signed async_payment_succeeded reaches the app's webhook: the booking is confirmed.
  await expect(async () => {
    await page.goto(`/portal/bookings/${bookingId}`);
    await expect(page.getByText('予約確定', { exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await shoot(page, 'booking-confirmed');
  await page.getByRole('link', { name: '領収書を表示' }).click();
  await expect(page.locator('.receipt dl')).toContainText('お支払い方法コンビニ決済');
});
