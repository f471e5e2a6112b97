import type { Page } from '@playwright/test';
import { bookingIdOnStripePage, holdSomeSlot } from './booking-fixtures';
import { cohortPanel, createCohort, seededCourse } from './course-fixtures';
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

test('the counselor cancels a booking awaiting konbini payment: the slot is freed, the client sees it cancelled, unpaid', async ({
  page,
  browser,
}) => {
  const { email } = await signedInClient(page);
  await holdSomeSlot(page, { pick: (starts) => starts.findIndex((s) => s.getTime() > Date.now() + 5 * DAY) });
  const bookingId = await bookingIdOnStripePage(page);
  await page.getByRole('button', { name: 'コンビニ払いで申し込む' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'コンビニでのお支払いをお待ちしています' })).toBeVisible();
  await page.goto('/portal');
  // Under a booking still to be paid, the home does not say there is none.
  await expect(page.getByText('確定済みのセッションは、まだありません。')).toBeVisible();
  await expect(page.getByText('予約中のセッションはありません。')).toHaveCount(0);

  // The counselor, on her phone, finds what she needs to answer a call: the deadline and the number.
  const counselor = await counselorPage(browser, { viewport: { width: 390, height: 844 } });
  await counselor.goto(`/admin/bookings/${bookingId}`);
  const facts = counselor.locator('dl.facts');
  await expect(facts).toContainText('コンビニ支払い待ち');
  await expect(facts).toContainText('お支払い期限（日本時間）');
  await expect(facts.getByText(/^\d{11}$/)).toBeVisible();
  await shoot(counselor, 'admin-booking-awaiting');
  await facts.locator('a[href^="/admin/clients/"]').click();
  await expect(counselor.getByRole('heading', { level: 1 })).toContainText('さん');
  await expect(counselor.getByRole('region', { name: '予約' })).toContainText(/期限 .*・確認番号 \d{11}/);
  await shoot(counselor, 'admin-client-awaiting');

  await counselor.goto(`/admin/bookings/${bookingId}`);
  const form = counselor.getByRole('form', { name: 'カウンセラー都合でキャンセル' });
  await expect(form).toContainText('すぐにほかの方が予約できる');
  await form.getByRole('button', { name: 'キャンセルする' }).click();
  await expect(counselor.getByRole('status').filter({ hasText: 'キャンセルし、予約枠を空けました' })).toBeVisible();
  await expect(facts).toContainText('キャンセル済み');
  await expect(facts).toContainText('なし（コンビニでのお支払い前にキャンセル）');
  await expect(counselor.getByRole('form', { name: 'カウンセラー都合でキャンセル' })).toHaveCount(0);
  await shoot(counselor, 'admin-booking-cancelled');
  await counselor.context().close();

  // The client: the booking is cancelled, nothing was paid, and the mail says not to pay.
  await page.goto(`/portal/bookings/${bookingId}`);
  await expect(page.getByText('キャンセル済み', { exact: true })).toBeVisible();
  await page.goto('/portal/payments');
  const row = page.getByRole('row').filter({ hasText: 'コンビニ決済' });
  await expect(row).toContainText('お支払いなし');
  await shoot(page, 'portal-payments-cancelled');
  const mails = await (await page.request.get(`/dev/mail?to=${encodeURIComponent(email)}`)).text();
  expect(mails).toContain('お支払いにならないでください');
});

test('a cohort with a seat awaiting konbini payment: the roster shows the deadline and number; cancelling it tells her not to pay', async ({
  page,
  browser,
}) => {
  const { name, cohortId } = await createCohort(browser, { capacity: 3 });
  await signedInClient(page);
  await page.goto(`/courses/${seededCourse.slug}`);
  await cohortPanel(page, name)
    .getByRole('button', { name: /この回に申し込む/ })
    .click();
  await page.getByLabel('上の講座のキャンセル規定に同意します').check();
  await page.getByRole('button', { name: /お支払いへ進む/ }).click();
  await page.getByRole('button', { name: 'コンビニ払いで申し込む' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'コンビニでのお支払いをお待ちしています' })).toBeVisible();

  const counselor = await counselorPage(browser, { viewport: { width: 390, height: 844 } });
  await counselor.goto(`/admin/courses/cohorts/${cohortId}`);
  const roster = counselor.getByRole('region', { name: '受講者とお支払いの状態' });
  await expect(roster).toContainText('コンビニ支払い待ち');
  await expect(roster).toContainText(/期限 .*・確認番号 \d{11}/);
  const form = counselor.getByRole('form', { name: '開講の中止' });
  await expect(form).toContainText('コンビニ支払い待ちの1名には、払込票で支払わないようお伝えします');
  await shoot(counselor, 'admin-cohort-awaiting');
  await form.getByRole('button', { name: 'この開講回を中止して全員に返金する' }).click();
  await expect(counselor.getByText('開講を中止しました', { exact: false }).first()).toBeVisible();
  await counselor.context().close();
});
