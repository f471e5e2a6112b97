import { expectNoAxeViolations, expectNoHorizontalScroll } from './a11y';
import { expect, signedInClient, test } from './fixtures';
import { buyPackage, confirmTimeDaysAhead, createPackage } from './package-fixtures';
import { shots } from './shots';

test.use({ viewport: { width: 390, height: 844 } });

test('a client buys a 3回券 in the Stripe emulator and books her next session with it, paying nothing more', async ({
  browser,
  page,
}) => {
  test.setTimeout(180_000);
  const { name } = await createPackage(browser, { sessionCount: 3, priceYen: 30000 });
  await signedInClient(page);
  await buyPackage(page, name);
  await expect(page.getByText('3回（残り3回）')).toBeVisible();

  // From the success page to the calendar, as she would: a time a few days ahead.
  await confirmTimeDaysAhead(page);

  // The package she has just bought is offered first, with its count.
  const how = page.getByRole('group', { name: 'お支払い方法' });
  await expect(how.getByLabel('回数券で予約する（残り3回）')).toBeChecked();
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
  await shots(page, 'package-journey-confirm');
  await page.getByLabel('上のキャンセルポリシーに同意します').check();
  await page.getByRole('button', { name: '回数券で予約を確定する' }).click();

  // Confirmed at once, no second trip to Stripe; her package has two left.
  await expect(page).toHaveURL(/\/portal\/bookings\/[0-9a-f-]+\?notice=booked$/);
  const facts = page.locator('dl.facts');
  await expect(facts).toContainText('予約確定');
  await expect(facts).toContainText(`回数券で予約・${name}`);
  await expect(facts).toContainText('残り2回');
  await shots(page, 'package-journey-booked');

  await page.goto('/portal');
  await expect(page.getByRole('region', { name: '回数券' })).toContainText(`${name}：残り2回`);
  await page.getByRole('link', { name: '回数券の履歴を見る' }).click();
  const mine = page.getByRole('region', { name: new RegExp(`^${name}`) });
  await expect(mine.getByText('残り2回')).toBeVisible();
  await expect(mine.getByRole('cell', { name: 'ご予約に使用' })).toBeVisible();
  await expectNoAxeViolations(page);
});
