import crypto from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { findSlot, payWithCard } from './booking-fixtures';
import { counselorPage, expect } from './fixtures';

/** A package the counselor creates at /admin/packages (a unique name, so runs do not meet). */
export async function createPackage(
  browser: Browser,
  input: { sessionCount?: number; priceYen?: number; sessionType?: string } = {},
): Promise<{ name: string }> {
  const name = `3回券${crypto.randomBytes(3).toString('hex').toUpperCase()}`;
  const page = await counselorPage(browser);
  await page.goto('/admin/packages');
  const form = page.getByRole('form', { name: '新しい回数券' });
  await form.getByLabel('名前').fill(name);
  await form.getByLabel('回数', { exact: true }).fill(String(input.sessionCount ?? 3));
  await form.getByLabel('料金（円・税込）').fill(String(input.priceYen ?? 30000));
  await form
    .getByRole('group', { name: '使えるセッション' })
    .getByLabel(input.sessionType ?? 'オンラインセッション（60分）')
    .check();
  await form.getByRole('button', { name: '追加する' }).click();
  await expect(form.getByRole('status')).toHaveText(`${name}を追加しました。`);
  await page.context().close();
  return { name };
}

/** A signed-in client buys the package from /packages, paying with 4242 on the emulator's page; ends on the success page. */
export async function buyPackage(page: Page, name: string) {
  await page.goto('/packages');
  await page.getByRole('link', { name: `${name}の購入手続きへ` }).click();
  await expect(page.getByRole('heading', { level: 1, name: '回数券のご購入' })).toBeVisible();
  await page.getByLabel('上の回数券の規定に同意します').check();
  await page.getByRole('button', { name: 'お支払いへ進む' }).click();
  await payWithCard(page, '4242 4242 4242 4242');
  await expect(page.getByRole('heading', { name: '回数券のご購入が完了しました' })).toBeVisible();
  return { successPath: `${new URL(page.url()).pathname}${new URL(page.url()).search}` };
}

const day = 24 * 60 * 60 * 1000;

/**
 * Signed in: opens the confirm screen of an online session more than four days ahead (beyond the
 * free-cancellation window), choosing another time when another test took this one meanwhile.
 */
export async function confirmTimeDaysAhead(page: Page) {
  for (let attempt = 0; ; attempt += 1) {
    await page.goto('/book/online-60');
    const { index } = await findSlot(page, (starts) =>
      starts.findIndex((s) => s.getTime() > Date.now() + 4 * day && Math.random() < 0.5),
    );
    expect(index).toBeGreaterThanOrEqual(0);
    await page.locator('a.slot').nth(index).click();
    const form = page.getByRole('form', { name: 'ご予約' });
    const taken = page.getByRole('alert').filter({ hasText: 'ほかの方の予約が入りました' });
    await expect(form.or(taken)).toBeVisible();
    if (await form.isVisible()) break;
    expect(attempt, 'slots kept being taken by other tests').toBeLessThan(5);
  }
}
