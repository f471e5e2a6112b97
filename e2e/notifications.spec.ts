import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './a11y';
import { counselorPage, expect, test } from './fixtures';

/** With SHOTS_DIR set, a full-page screenshot at 390 px and at 1280 px. */
async function shots(page: Page, name: string) {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(dir, `${name}-390.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: path.join(dir, `${name}-1280.png`), fullPage: true });
}

// The settings are one row for the practice: this spec changes only kinds no other spec relies on
// (failing refunds, the daily agenda) and puts them back.
test('the counselor turns a notice off and the daily agenda on, and both are kept', async ({ browser }) => {
  const page = await counselorPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await page.goto('/admin');
  await page.getByRole('navigation', { name: '管理メニュー' }).getByRole('link', { name: '設定' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '設定' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'お知らせ設定' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'お知らせ設定' })).toBeVisible();

  const refunds = page.getByRole('checkbox', { name: /返金が完了しないとき/ });
  const agenda = page.getByRole('checkbox', { name: /毎朝メールで受け取る/ });
  const time = page.getByLabel('送る時刻（日本時間）');
  await expect(refunds).toBeChecked(); // every kind is on until she says otherwise
  await expect(page.getByRole('checkbox', { name: /新しいご予約/ })).toBeChecked();
  await expect(agenda).not.toBeChecked();
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);

  await refunds.uncheck();
  await agenda.check();
  await time.fill('06:30');
  await page.getByRole('button', { name: '保存する' }).click();
  await expect(page.getByRole('status')).toHaveText('お知らせの設定を保存しました。');

  await page.reload();
  await expect(refunds).not.toBeChecked();
  await expect(agenda).toBeChecked();
  await expect(time).toHaveValue('06:30');
  await expect(page.getByRole('checkbox', { name: /新しいご予約/ })).toBeChecked();
  await expectNoAxeViolations(page);
  await shots(page, 'admin-notifications');

  // Back as it was, for the other specs.
  await refunds.check();
  await agenda.uncheck();
  await time.fill('07:00');
  await page.getByRole('button', { name: '保存する' }).click();
  await expect(page.getByRole('status')).toHaveText('お知らせの設定を保存しました。');
});
