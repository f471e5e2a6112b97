import { expectNoAxeViolations, expectNoHorizontalScroll } from './a11y';
import { expect, signIn, test } from './fixtures';
import { lateCreditClient, packageClient } from './package-clients';
import { confirmTimeDaysAhead } from './package-fixtures';
import { shots } from './shots';

test('a client with a 3回券 books with it on a phone, sees 残り2回, cancels in the free tier and has 3 again', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, packageClient.email, packageClient.password);
  await expect(page).toHaveURL(/\/portal$/);

  // A time well beyond the free-cancellation window (48 h), taken as another client would.
  await confirmTimeDaysAhead(page);

  // The confirm screen offers the credit, chosen first, or paying.
  const how = page.getByRole('group', { name: 'お支払い方法' });
  await expect(how.getByLabel('回数券で予約する（残り3回）')).toBeChecked();
  await expect(how.getByLabel(/^お支払いして予約する/)).not.toBeChecked();
  await expect(page.getByRole('button', { name: '回数券で予約を確定する' })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
  await shots(page, 'package-booking-confirm');

  await page.getByLabel('上のキャンセルポリシーに同意します').check();
  await page.getByRole('button', { name: '回数券で予約を確定する' }).click();

  // Booked at once, no payment page: the booking says how it was paid and what is left.
  await expect(page).toHaveURL(/\/portal\/bookings\/[0-9a-f-]+\?notice=booked$/);
  await expect(page.getByRole('status')).toHaveText('回数券でご予約を承りました。確認のメールをお送りしました。');
  const facts = page.locator('dl.facts');
  await expect(facts).toContainText('予約確定');
  await expect(facts).toContainText(`回数券で予約・${packageClient.packageName}`);
  await expect(facts).toContainText('残り2回');
  await expect(page.getByRole('link', { name: '領収書を表示' })).toHaveCount(0);
  await expect(page.getByText('今キャンセルすると無料です。回数券は1回分お戻しします。')).toBeVisible();
  await shots(page, 'package-booking-booked');

  // The portal's list says it was booked with the credit.
  const bookingUrl = page.url().split('?')[0]!;
  await page.goto('/portal');
  await expect(page.locator('.booking-list').first()).toContainText('回数券で予約');

  await page.goto(bookingUrl);
  await page.getByRole('link', { name: 'キャンセルの手続きへ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ご予約をキャンセルしますか' })).toBeVisible();
  await expect(page.locator('dl.facts')).toContainText('1回分をお戻しします');
  await expect(page.getByText('今キャンセルすると無料です。回数券は1回分お戻しします。')).toBeVisible();
  await expect(page.locator('dl.facts')).not.toContainText('返金額');
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
  await shots(page, 'package-booking-cancel');

  await page.getByRole('button', { name: 'キャンセルを確定する' }).click();
  await expect(page).toHaveURL(/\?notice=cancelled$/);
  await expect(page.locator('dl.facts')).toContainText('キャンセル済み');
  await expect(page.locator('dl.facts')).toContainText('1回分をお戻ししました。残り3回です。');
  await expectNoAxeViolations(page);
  await shots(page, 'package-booking-cancelled');
});

test('in a fee tier, the cancel preview says the credit is used up, and the booking says so after', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, lateCreditClient.email, lateCreditClient.password);
  await expect(page).toHaveURL(/\/portal$/);
  await page.locator('.booking-list').first().getByRole('link').first().click();
  await expect(page.locator('dl.facts')).toContainText('残り2回');
  await page.getByRole('link', { name: 'キャンセルの手続きへ' }).click();
  await expect(page.locator('dl.facts')).toContainText('1回分が使用済みになります');
  await expect(
    page.getByText(
      '今キャンセルするとキャンセル料がかかる期間のため、回数券の1回分は使用済みになります。返金はありません。',
    ),
  ).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
  await shots(page, 'package-booking-cancel-fee');

  await page.getByRole('button', { name: 'キャンセルを確定する' }).click();
  await expect(page).toHaveURL(/\?notice=cancelled$/);
  await expect(page.locator('dl.facts')).toContainText('1回分は使用済みになりました');
});
