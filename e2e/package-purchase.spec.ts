import { expectNoAxeViolations, expectNoHorizontalScroll } from './a11y';
import { counselorPage, expect, signedInClient, test } from './fixtures';
import { buyPackage, createPackage } from './package-fixtures';
import { shots } from './shots';

test.use({ viewport: { width: 390, height: 844 } });

test('a client buys a 3回券 in the Stripe emulator, sees 残り3回, her receipt, and the counselor refunds the unused part', async ({
  browser,
  page,
}) => {
  test.setTimeout(180_000);
  const { name } = await createPackage(browser, { sessionCount: 3, priceYen: 30000 });
  await signedInClient(page);

  // From the sessions page to the packages on sale.
  await page.goto('/sessions');
  await page.getByRole('link', { name: '回数券', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '回数券' })).toBeVisible();
  const panel = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
  await expect(panel).toContainText('3回');
  await expect(panel).toContainText('30,000円（税込）');
  await expect(panel).toContainText('お支払いの日から3か月');
  await expect(panel).toContainText('オンラインセッション（60分）');
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
  await shots(page, 'package-list');

  // Without the agreement nothing happens but a clear message.
  await panel.getByRole('link', { name: `${name}の購入手続きへ` }).click();
  await page.getByRole('button', { name: 'お支払いへ進む' }).click();
  await expect(page.getByText('回数券の規定への同意が必要です')).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
  await shots(page, 'package-buy');

  await buyPackage(page, name);
  await expect(page.getByText('3回（残り3回）')).toBeVisible();
  await expect(page.getByText(/\d{4}年\d{1,2}月\d{1,2}日\(.\)まで/)).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
  await shots(page, 'package-success');
  // A reload of the success page grants nothing more.
  await page.reload();
  await expect(page.getByText('3回（残り3回）')).toBeVisible();

  await page.goto('/portal');
  const home = page.getByRole('region', { name: '回数券' });
  await expect(home).toContainText(`${name}：残り3回`);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: '回数券の履歴を見る' }).click();
  const mine = page.getByRole('region', { name: new RegExp(`^${name}`) });
  await expect(mine.getByText('残り3回')).toBeVisible();
  await expect(mine.getByRole('cell', { name: 'ご購入' })).toBeVisible();
  await expect(mine.getByRole('cell', { name: '+3' })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
  await shots(page, 'package-portal');

  // 領収書: 回数券, its name and its sessions.
  await page.goto('/portal/payments');
  await expect(page.getByRole('cell', { name: `回数券：${name}` })).toBeVisible();
  await page.getByRole('link', { name: '領収書' }).first().click();
  await expect(page.getByText(/カウンセリング回数券の代金として/)).toBeVisible();
  await expect(page.getByText(`回数券：${name}・3回分`)).toBeVisible();
  await expectNoAxeViolations(page);
  await shots(page, 'package-receipt');

  // The counselor sees it on the client's page and refunds the unused part, after a confirmation with the amount.
  const clientId = (await (await page.request.get('/portal/account/export')).json()).profile.id as string;
  const admin = await counselorPage(browser, { viewport: { width: 390, height: 844 } });
  await admin.goto(`/admin/clients/${clientId}`);
  const packages = admin.getByRole('region', { name: '回数券' });
  await expect(packages.getByText('残り3回')).toBeVisible();
  await packages.getByRole('button', { name: '未使用分の返金へ進む' }).click();
  await expect(packages.getByRole('status')).toContainText('未使用3回分として、30,000円（税込）を返金します');
  await expectNoHorizontalScroll(admin);
  await expectNoAxeViolations(admin);
  await shots(admin, 'package-admin-refund-confirm');
  await packages.getByRole('button', { name: '30,000円を返金する' }).click();
  await expect(packages.getByRole('status')).toHaveText('未使用分3回の30,000円（税込）を返金しました。');
  await admin.reload();
  await expect(admin.getByRole('heading', { name: `${name}・返金済み` })).toBeVisible();
  await expect(packages.getByRole('button', { name: '未使用分の返金へ進む' })).toHaveCount(0);
  await expectNoAxeViolations(admin);
  await shots(admin, 'package-admin-client');

  // The money page: a 回数券 line.
  await admin.goto('/admin/payments');
  const overview = admin.getByRole('region', { name: /売上の概要/ });
  await expect(overview.getByRole('rowheader', { name: '回数券' })).toBeVisible();
  await expect(admin.getByRole('region', { name: '回数券の種類別' }).getByRole('rowheader', { name })).toBeVisible();
  await expectNoAxeViolations(admin);

  // Her portal says so.
  await page.goto('/portal/packages');
  await expect(page.getByRole('heading', { name: `${name}・返金済み` })).toBeVisible();
  await expect(page.getByRole('cell', { name: '返金済み' })).toBeVisible();
  await expectNoAxeViolations(page);
  await shots(page, 'package-portal-refunded');

  // The rules she agreed to, with the refund formula, on the terms, the 特商法 and the cancellation pages.
  for (const path of ['/legal/terms', '/legal/tokushoho', '/legal/cancellation']) {
    await page.goto(path);
    await expect(page.getByText(/お支払い額 × 未使用の回数 ÷ 回数券の回数/)).toBeVisible();
    await expect(page.getByText(/キャンセル料がかかる期間のキャンセルでは、?1回分を使ったものとします/)).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
  }
  await shots(page, 'package-legal-cancellation');
});
