import fs from 'node:fs';
import path from 'node:path';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './a11y';
import { counselorPage, expect, signedInClient, test } from './fixtures';
import { failingNoticeRecipients } from './past-sessions';

const viewports = [
  { name: '1280', viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false },
  { name: '390', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
] as const;

for (const [i, device] of viewports.entries()) {
  const to = failingNoticeRecipients[i]!;

  test(`${device.name} px: the counselor is alerted to a notice that keeps failing, and sends it again`, async ({
    browser,
  }) => {
    const counselor = await counselorPage(browser, {
      viewport: device.viewport,
      isMobile: device.isMobile,
      hasTouch: device.hasTouch,
    });
    await counselor.goto('/admin');
    const alerts = counselor.getByRole('region', { name: /確認が必要なこと/ });
    await alerts.getByRole('link', { name: 'お知らせメールが送れていません' }).click();

    await expect(counselor.getByRole('heading', { level: 1, name: '送れていないメール' })).toBeVisible();
    const item = counselor.getByRole('listitem').filter({ hasText: to });
    await expect(item).toContainText('自動の送り直しを止めています');
    await expect(item).toContainText('connect ECONNREFUSED');
    await expectNoHorizontalScroll(counselor);
    await expectNoAxeViolations(counselor);
    if (process.env.SHOTS_DIR) {
      fs.mkdirSync(process.env.SHOTS_DIR, { recursive: true });
      await counselor.screenshot({
        path: path.join(process.env.SHOTS_DIR, `admin-notices-${device.name}.png`),
        fullPage: true,
      });
    }

    // Without SMTP the mail goes to the development outbox: the retry succeeds and the notice leaves the list.
    await item.getByRole('button', { name: '今すぐ送り直す' }).click();
    await expect(counselor.getByRole('status').filter({ hasText: 'メールを送りました。' })).toBeVisible();
    await expect(counselor.getByRole('listitem').filter({ hasText: to })).toHaveCount(0);
  });
}

test('a client cannot retry a notice', async ({ page }) => {
  await signedInClient(page);
  await page.goto('/admin/notices');
  await expect(page.getByRole('heading', { level: 1, name: '送れていないメール' })).toHaveCount(0);
});
