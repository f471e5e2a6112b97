import { expect, type Page } from '@playwright/test';

/** From /sessions to the emulator's hosted checkout page, for the first open slot (or the one picked). */
export async function holdAndOpenCheckout(page: Page, options: { sessionType?: string; pick?: (starts: Date[]) => number } = {}) {
  await page.goto(`/book/${options.sessionType ?? 'online-60'}`);
  const slots = page.locator('a.slot');
  await expect(slots.first()).toBeVisible();
  const hrefs = await slots.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  const starts = hrefs.map((h) => new Date(new URL(h).searchParams.get('start')!));
  // Tests run side by side: each takes a different slot, as different clients would.
  const index = options.pick ? options.pick(starts) : randomSlotIndex(starts.length);
  expect(index, 'a slot in the wanted window').toBeGreaterThanOrEqual(0);
  await slots.nth(index).click();
  await page.getByRole('button', { name: /この時間で仮押さえする/ }).click();
  await expect(page).toHaveURL(/\/book\/checkout\//);
  const bookingId = page.url().split('/book/checkout/')[1]!.split('?')[0]!;
  await expect(page.getByText(/仮押さえの残り時間/)).toBeVisible();
  await page.getByLabel('上のキャンセルポリシーに同意します').check();
  await page.getByRole('button', { name: /お支払いへ進む/ }).click();
  await expect(page.getByRole('button', { name: '支払う' })).toBeVisible();
  return { bookingId, startsAt: starts[index]! };
}

export async function payWithCard(page: Page, card: string) {
  await page.getByLabel('カード番号').fill(card);
  await page.getByLabel('有効期限 (MM/YY)').fill('12/34');
  await page.getByLabel('セキュリティコード').fill('123');
  await page.getByRole('button', { name: '支払う' }).click();
}

export function randomSlotIndex(count: number): number {
  return Math.floor(Math.random() * Math.min(count, 150));
}
