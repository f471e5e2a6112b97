import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './a11y';

test('before booking, a visitor reads who the counselor is, how a first session goes and the FAQ', async ({ page }) => {
  await page.goto('/sessions');
  await page.getByRole('link', { name: /カウンセラーの紹介/ }).click();
  await expect(page).toHaveURL(/\/counselor$/);
  await expect(page.getByRole('heading', { level: 1, name: 'カウンセラー紹介とセッションの流れ' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'カウンセラーの写真（準備中）' })).toBeVisible();
  for (const heading of ['プロフィール', '大切にしていること', 'はじめてのセッションの流れ', 'よくあるご質問']) {
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
  await expect(page.getByRole('heading', { level: 3, name: /家族や職場に知られる/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'キャンセルポリシー' }).first()).toHaveAttribute(
    'href',
    '/legal/cancellation',
  );
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'セッションの種類と料金を見る' }).click();
  await expect(page).toHaveURL(/\/sessions$/);
});

test('a shared link shows the site card, and a home-screen icon is offered', async ({ page, request }) => {
  for (const path of ['/', '/counselor', '/articles/kataomoi-renraku-yameru']) {
    await page.goto(path);
    const image = await page.locator('meta[property="og:image"]').first().getAttribute('content');
    expect(image, path).toMatch(/\/opengraph-image\.png/);
    await expect(page.locator('meta[name="twitter:image"]').first()).toHaveAttribute('content', /twitter-image\.png/);
    const png = await request.get(new URL(image!).pathname + new URL(image!).search);
    expect(png.headers()['content-type']).toBe('image/png');
  }
  const icon = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
  expect((await request.get(icon!)).headers()['content-type']).toBe('image/png');
});
