import type { Page } from '@playwright/test';
import { bookingIdOnStripePage, holdSomeSlot, payWithCard } from './booking-fixtures';
import { counselorPage, expect, expectAccessible, signedInClient, test } from './fixtures';
import { shots } from './shots';

// A phone 390 px wide, as a client paying with PayPay would hold it.
test.use({ viewport: { width: 390, height: 844 } });

/** axe on the screen, and (with SHOTS_DIR set) its screenshots at 390 and 1280 px. */
async function shoot(page: Page, name: string) {
  await expectAccessible(page);
  await shots(page, `paypay-${name}`);
}

/** The counselor switches PayPay on in the admin (konbini is left as it is). */
test.beforeAll(async ({ browser }) => {
  const counselor = await counselorPage(browser, { viewport: { width: 390, height: 844 } });
  await counselor.goto('/admin/settings');
  await counselor.getByRole('link', { name: 'お支払い方法' }).click();
  await expect(counselor.getByRole('heading', { level: 1, name: 'お支払い方法' })).toBeVisible();
  await expect(counselor.getByRole('checkbox', { name: /^クレジットカード/ })).toBeDisabled();
  await expect(counselor.getByRole('checkbox', { name: /^クレジットカード/ })).toBeChecked();
  await counselor.getByRole('checkbox', { name: /^PayPay/ }).check();
  await counselor.getByRole('button', { name: '保存する' }).click();
  await expect(counselor.getByRole('status').filter({ hasText: 'お支払い方法の設定を保存しました' })).toBeVisible();
  await shoot(counselor, 'admin-payment-methods');
  await counselor.goto('/legal/tokushoho');
  await expect(counselor.getByText(/クレジットカード、.*PayPay/)).toBeVisible();
  await counselor.context().close();
});

test('a client pays a session with PayPay: the portal shows it confirmed and the receipt says PayPay', async ({
  page,
}) => {
  await signedInClient(page);
  await holdSomeSlot(page, {});
  const bookingId = await bookingIdOnStripePage(page);
  await expect(page.getByRole('heading', { name: 'PayPayでのお支払い' })).toBeVisible();
  await shoot(page, 'stripe-checkout-with-paypay');
  await page.getByRole('button', { name: 'PayPayへ進む' }).click();
  await expect(page.getByRole('heading', { name: 'このお支払いを承認しますか' })).toBeVisible();
  await shoot(page, 'paypay-authorise');
  await page.getByRole('button', { name: '承認する' }).click();
  await expect(page.getByRole('heading', { name: 'ご予約が確定しました' })).toBeVisible();

  await page.goto(`/portal/bookings/${bookingId}`);
  await expect(page.getByText('予約確定', { exact: true })).toBeVisible();
  await page.goto('/portal/payments');
  await page.getByRole('link', { name: '領収書' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: '領収書' })).toBeVisible();
  const facts = page.locator('.receipt dl');
  await expect(facts).toContainText('お支払い方法PayPay');
  await shoot(page, 'receipt-paypay');
});

test('PayPay declined: back on the payment page with a message, the time still held; paying by card then confirms it', async ({
  page,
}) => {
  await signedInClient(page);
  await holdSomeSlot(page, {});
  const bookingId = await bookingIdOnStripePage(page);
  await page.getByRole('button', { name: 'PayPayへ進む' }).click();
  await page.getByRole('button', { name: '承認しない' }).click();
  await expect(page.getByRole('alert')).toContainText('PayPayでのお支払いが承認されませんでした');
  await shoot(page, 'paypay-declined');

  // The booking is still held for her, not confirmed.
  const portal = await page.context().newPage();
  await portal.goto(`/portal/bookings/${bookingId}`);
  await expect(portal.getByText('お支払い待ち', { exact: true })).toBeVisible();
  await portal.close();

  await payWithCard(page, '4242 4242 4242 4242');
  await expect(page.getByRole('heading', { name: 'ご予約が確定しました' })).toBeVisible();
  await page.goto('/portal/payments');
  await page.getByRole('link', { name: '領収書' }).first().click();
  await expect(page.locator('.receipt dl')).toContainText('お支払い方法クレジットカード');
});
