import { expect, type Page } from '@playwright/test';

/** From /sessions to the emulator's hosted checkout page, for the first open slot (or the one picked). */
export async function holdAndOpenCheckout(
  page: Page,
  options: { sessionType?: string; pick?: (starts: Date[]) => number } = {},
) {
  const { starts, index } = await holdSomeSlot(page, options);
  const bookingId = page.url().split('/book/checkout/')[1]!.split('?')[0]!;
  await expect(page.getByText(/仮押さえの残り時間/)).toBeVisible();
  await page.getByLabel('上のキャンセルポリシーに同意します').check();
  await page.getByRole('button', { name: /お支払いへ進む/ }).click();
  await expect(page.getByRole('button', { name: '支払う' })).toBeVisible();
  return { bookingId, startsAt: starts[index]! };
}

/**
 * Tests run side by side and take slots as different clients would; a slot taken between
 * listing and holding is answered "already taken", and the test picks another, as a person would.
 */
async function holdSomeSlot(page: Page, options: { sessionType?: string; pick?: (starts: Date[]) => number }) {
  for (let attempt = 0; ; attempt += 1) {
    await page.goto(`/book/${options.sessionType ?? 'online-60'}`);
    const slots = page.locator('a.slot');
    await expect(slots.first()).toBeVisible();
    const hrefs = await slots.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    const starts = hrefs.map((h) => new Date(new URL(h).searchParams.get('start')!));
    const index = options.pick ? options.pick(starts) : randomSlotIndex(starts.length);
    expect(index, 'a slot in the wanted window').toBeGreaterThanOrEqual(0);
    await slots.nth(index).click();
    await page.getByRole('button', { name: /この時間で仮押さえする/ }).click();
    const taken = page.getByRole('alert').filter({ hasText: 'ほかの方の予約が入りました' });
    await expect(page.getByText(/仮押さえの残り時間/).or(taken)).toBeVisible();
    if (page.url().includes('/book/checkout/')) return { starts, index };
    expect(attempt, 'slots kept being taken by other tests').toBeLessThan(5);
  }
}

export async function payWithCard(page: Page, card: string) {
  await page.getByLabel('カード番号').fill(card);
  await page.getByLabel('有効期限 (MM/YY)').fill('12/34');
  await page.getByLabel('セキュリティコード').fill('123');
  await page.getByRole('button', { name: '支払う' }).click();
}

export function randomSlotIndex(count: number): number {
  return Math.floor(Math.random() * Math.min(count, 600));
}
