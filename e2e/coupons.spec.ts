import { expectNoAxeViolations, expectNoHorizontalScroll } from './a11y';
import { chooseRandomSlot, payWithCard } from './booking-fixtures';
import { counselorPage, expect, signedInClient, test } from './fixtures';
import { shots } from './shots';

test('the counselor creates a 10% coupon, a client books with it and pays 9,900円, the receipt shows the discount', async ({
  browser,
  page,
}) => {
  // Two people's whole journey (sign-up, booking, payment, receipt), with axe and screenshots on the way.
  test.setTimeout(180_000);
  const code = `E2E${Date.now().toString(36).toUpperCase()}`.slice(0, 20);

  // The counselor, on a phone: 設定 → クーポン → a new 10% code, at most 5 uses.
  const counselor = await counselorPage(browser);
  await counselor.setViewportSize({ width: 390, height: 844 });
  await counselor.goto('/admin/settings');
  await counselor.getByRole('link', { name: 'クーポン' }).click();
  await expect(counselor.getByRole('heading', { level: 1, name: 'クーポン' })).toBeVisible();
  const form = counselor.getByRole('form', { name: '新しいクーポン' });
  await form.getByLabel('コード').fill(code.toLowerCase());
  await form.getByRole('button', { name: '作成する' }).click();
  // No percent yet: said on the field, nothing created.
  await expect(form.getByText('割引率を入力してください')).toBeVisible();
  await expectNoAxeViolations(counselor);
  await form.getByLabel('割引率（%）').fill('10');
  await form.getByLabel('利用回数の上限').fill('5');
  await form.getByRole('button', { name: '作成する' }).click();
  await expect(form.getByRole('status')).toHaveText(`クーポン「${code}」を作成しました。`);
  const listed = counselor.getByRole('listitem').filter({ has: counselor.getByRole('heading', { name: code }) });
  await expect(listed).toContainText('10%引き・利用できます');
  await expect(listed).toContainText('利用 0回 / 上限 5回');
  await expectNoHorizontalScroll(counselor);
  await expectNoAxeViolations(counselor);
  await shots(counselor, 'coupons-admin');

  // A client on a 390 px phone chooses a time; a mistyped code is refused before anything is held.
  await page.setViewportSize({ width: 390, height: 844 });
  await signedInClient(page);
  await page.goto('/book/online-60');
  await (await chooseRandomSlot(page)).slot.click();
  const booking = page.getByRole('form', { name: 'ご予約' });
  await booking.getByLabel('クーポンコード').fill('NOSUCHCODE');
  await booking.getByLabel('上のキャンセルポリシーに同意します').check();
  await booking.getByRole('button', { name: 'お支払いへ進む' }).click();
  await expect(booking.getByRole('alert')).toHaveText(
    'このクーポンコードは見つかりません。入力した文字をお確かめください。',
  );
  await booking.getByLabel('クーポンコード').fill(code.toLowerCase());
  await booking.getByRole('button', { name: 'お支払いへ進む' }).click();

  // Our payment page: the price, the discount with its code, what she will pay and the fees on it.
  await expect(page).toHaveURL(/\/book\/checkout\//);
  const facts = page.locator('dl.facts');
  await expect(facts).toContainText('11,000円（税込）');
  await expect(facts).toContainText(`クーポン割引「${code}」`);
  await expect(facts).toContainText('−1,100円（税込）');
  await expect(facts).toContainText('9,900円（税込）');
  // The cancellation table is on 9,900円: its 50% tier is 4,950円.
  await expect(page.getByRole('table')).toContainText('4,950円');
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
  await shots(page, 'coupons-checkout');

  await page.getByLabel('上のキャンセルポリシーに同意します').check();
  await page.getByRole('button', { name: 'お支払いへ進む' }).click();
  // Stripe (the emulator) shows the discount and asks for 9,900円.
  await expect(page.getByText(`割引（${code}）`)).toBeVisible();
  await expect(page.locator('.total')).toContainText('9,900円（税込）');
  await shots(page, 'coupons-stripe');
  await payWithCard(page, '4242 4242 4242 4242');
  await expect(page.getByRole('heading', { name: 'ご予約が確定しました' })).toBeVisible();

  // The receipt: the price, the discount with its code, the amount paid.
  await page.goto('/portal/payments');
  await page.getByRole('link', { name: '領収書' }).first().click();
  const receipt = page.getByRole('article', { name: '領収書' });
  await expect(receipt.locator('.receipt__amount')).toHaveText('9,900円（税込）');
  await expect(receipt).toContainText('11,000円');
  await expect(receipt).toContainText('−1,100円');
  await expect(receipt).toContainText(`コード ${code}`);
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
  await shots(page, 'coupons-receipt');

  // The counselor sees it used once, and can stop it.
  await counselor.reload();
  await expect(listed).toContainText('利用 1回 / 上限 5回');
  await listed.getByRole('button', { name: '停止する' }).click();
  await expect(listed).toContainText('停止中');
  await counselor.close();
});
