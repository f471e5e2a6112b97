import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './a11y';
import { holdAndOpenCheckout, payWithCard } from './booking-fixtures';
import { counselorPage, expect, signedInClient, test } from './fixtures';

/** With SHOTS_DIR set, full-page screenshots at 390 px and 1280 px. */
async function shots(page: Page, name: string) {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  const before = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(dir, `${name}-390.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: path.join(dir, `${name}-1280.png`), fullPage: true });
  await page.setViewportSize(before);
}

test('the counselor writes a session note and a running note; the client never sees them, only that they exist', async ({
  page,
  browser,
}) => {
  await signedInClient(page);
  const { bookingId } = await holdAndOpenCheckout(page);
  await payWithCard(page, '4242424242424242');
  await expect(page.getByRole('heading', { name: 'ご予約が確定しました' })).toBeVisible();

  const counselor = await counselorPage(browser, { viewport: { width: 390, height: 844 } });
  await counselor.goto(`/admin/bookings/${bookingId}`);
  const sessionNote = '初回。睡眠の乱れについて話された（非公開メモ）';
  await counselor.getByLabel('このセッションのメモ').fill(sessionNote);
  await counselor.getByRole('button', { name: 'メモを保存する' }).click();
  await expect(counselor.getByRole('status').filter({ hasText: 'メモを保存しました' })).toBeVisible();
  // A second save from the same page goes on from the version the first one made.
  await counselor.getByLabel('このセッションのメモ').fill(`${sessionNote}。次回は家族の話`);
  await counselor.getByRole('button', { name: 'メモを保存する' }).click();
  await expect(counselor.getByRole('status').filter({ hasText: 'メモを保存しました' })).toBeVisible();
  await counselor.reload();
  await expect(counselor.getByLabel('このセッションのメモ')).toHaveValue(`${sessionNote}。次回は家族の話`);
  await expect(counselor.getByText(/最終保存：/)).toBeVisible();
  await expectNoHorizontalScroll(counselor);
  await expectNoAxeViolations(counselor);
  await shots(counselor, 'admin-booking-note');

  await counselor.locator('main a[href^="/admin/clients/"]').first().click();
  await expect(counselor).toHaveURL(/\/admin\/clients\//);
  await expect(counselor.getByText(/メモあり/)).toBeVisible();
  const runningNote = '経過：仕事の負担が続いている（非公開）';
  await counselor.getByLabel('このクライアントについての経過メモ').fill(runningNote);
  await counselor.getByRole('button', { name: 'メモを保存する' }).click();
  await expect(counselor.getByRole('status').filter({ hasText: 'メモを保存しました' })).toBeVisible();
  await expectNoHorizontalScroll(counselor);
  await expectNoAxeViolations(counselor);
  await shots(counselor, 'admin-client-note');

  // Every read and save is in the audit log.
  await counselor.goto('/admin/audit');
  await expect(counselor.getByRole('cell', { name: 'セッションメモを保存' }).first()).toBeVisible();
  await expect(counselor.getByRole('cell', { name: 'セッションメモを閲覧' }).first()).toBeVisible();

  // The client: not on the booking page, not in the export, which says they exist and how to ask.
  await page.goto(`/portal/bookings/${bookingId}`);
  await expect(page.locator('body')).not.toContainText('非公開');
  const exported = await page.request.get('/portal/account/export');
  expect(exported.ok()).toBe(true);
  const text = await exported.text();
  expect(text).not.toContain('非公開');
  const data = JSON.parse(text) as { sessionNotes: { count: number; howToRequest: string } };
  expect(data.sessionNotes.count).toBe(2);
  expect(data.sessionNotes.howToRequest).toContain('開示');
  await counselor.context().close();
});
