import { type Browser, expect, type Page } from '@playwright/test';
import { counselorPage } from './fixtures';
import { invitations } from '../lib/site-config';

/**
 * A signed-in client from the booking calendar to the emulator's hosted checkout page, for a
 * random open slot (or the one picked): slot → confirm (policy agreed) → Stripe.
 */
export async function holdAndOpenCheckout(
  page: Page,
  options: { sessionType?: string; pick?: (starts: Date[]) => number } = {},
) {
  const { starts, index } = await holdSomeSlot(page, options);
  return { bookingId: await bookingIdOnStripePage(page), startsAt: starts[index]! };
}

/** On the emulator's checkout page: the booking it pays for (its way back names it). */
export async function bookingIdOnStripePage(page: Page): Promise<string> {
  const back = await page.getByRole('link', { name: 'キャンセルして戻る' }).getAttribute('href');
  return new URL(back!, 'http://x').pathname.split('/book/checkout/')[1]!;
}

/**
 * Tests run side by side and take slots as different clients would; a slot taken between
 * listing and holding is answered "already taken", and the test picks another, as a person would.
 * Without `pick`, a random time of a random open day; with it, the days are walked in order
 * (month by month) and `pick` is asked, for each day's times, for the index of the one wanted
 * (-1: none that day). Ends on the emulator's checkout page.
 */
export async function holdSomeSlot(page: Page, options: { sessionType?: string; pick?: (starts: Date[]) => number }) {
  for (let attempt = 0; ; attempt += 1) {
    await page.goto(`/book/${options.sessionType ?? 'online-60'}`);
    const { starts, index } = options.pick ? await findSlot(page, options.pick) : await chooseRandomSlot(page);
    expect(index, 'a slot in the wanted window').toBeGreaterThanOrEqual(0);
    await page.locator('a.slot').nth(index).click();
    if (await confirmAndPay(page)) return { starts, index };
    expect(attempt, 'slots kept being taken by other tests').toBeLessThan(5);
  }
}

/**
 * On the confirm screen, signed in: agree to the policy and go on to payment. False when the
 * time was taken meanwhile (said on the confirm screen).
 */
export async function confirmAndPay(page: Page): Promise<boolean> {
  const taken = page.getByRole('alert').filter({ hasText: 'ほかの方の予約が入りました' });
  const form = page.getByRole('form', { name: 'ご予約' });
  await expect(form.or(taken)).toBeVisible();
  if (await taken.isVisible()) return false;
  await page.getByLabel('上のキャンセルポリシーに同意します').check();
  await page.getByRole('button', { name: 'お支払いへ進む' }).click();
  await expect(page.getByRole('button', { name: '支払う' }).or(taken)).toBeVisible();
  return !(await taken.isVisible());
}

/** The open days of the month the calendar shows (links in its date grid). */
function openDays(page: Page) {
  return page.getByRole('grid').locator('a[data-date]');
}

/** Chooses a day in the calendar and waits for its times. */
export async function chooseDay(page: Page, date: string) {
  await page.getByRole('grid').locator(`a[data-date="${date}"]`).click();
  await expect(page.locator('td[aria-selected="true"] [data-date]')).toHaveAttribute('data-date', date);
  await expect(page.locator('a.slot').first()).toBeVisible();
}

async function slotStarts(page: Page): Promise<Date[]> {
  const hrefs = await page.locator('a.slot').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  return hrefs.map((h) => new Date(new URL(h).searchParams.get('start')!));
}

/** On a booking or reschedule calendar: a random open day of the shown month, then a random time of it. */
export async function chooseRandomSlot(page: Page) {
  await expect(openDays(page).first()).toBeVisible();
  const dates = await openDays(page).evaluateAll((links) => links.map((a) => a.getAttribute('data-date')!));
  await chooseDay(page, dates[Math.floor(Math.random() * dates.length)]!);
  const starts = await slotStarts(page);
  const index = randomSlotIndex(starts.length);
  return { starts, index, slot: page.locator('a.slot').nth(index) };
}

export async function findSlot(page: Page, pick: (starts: Date[]) => number) {
  for (;;) {
    await expect(openDays(page).first()).toBeVisible();
    const dates = await openDays(page).evaluateAll((links) => links.map((a) => a.getAttribute('data-date')!));
    for (const date of dates) {
      await chooseDay(page, date);
      const starts = await slotStarts(page);
      const index = pick(starts);
      if (index >= 0) return { starts, index };
    }
    const next = page.getByRole('link', { name: '次の月' });
    if ((await next.count()) === 0) return { starts: [], index: -1 };
    const month = await page.getByRole('heading', { level: 2 }).first().textContent();
    await next.click();
    await expect(page.getByRole('heading', { level: 2 }).first()).not.toHaveText(month!);
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

/** Booking, checkout, portal and admin pages carry neither the blog's invitations nor a newsletter form. */
export async function expectNoInvitations(page: Page) {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.getByRole('form', { name: /メールマガジンの登録/ })).toHaveCount(0);
  await expect(page.getByLabel('配信先のメールアドレス（必須）')).toHaveCount(0);
  for (const block of [invitations.newsletter, invitations.course, invitations.session])
    await expect(page.getByRole('heading', { name: block.heading })).toHaveCount(0);
}

/**
 * Makes sure the day `hoursAhead` from now has open time all day (on a Friday evening the 24–48 h
 * window would have none): the counselor opens 00:00–24:00 extra hours, as she could from the admin.
 * Another test may have opened the same day already: the admin then says so, which is as good.
 */
export async function openWholeDayAhead(browser: Browser, hoursAhead: number) {
  const counselor = await counselorPage(browser);
  await counselor.goto('/admin/availability');
  const overrides = counselor.getByRole('form', { name: '休みの日・追加の受付時間' });
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(
    new Date(Date.now() + hoursAhead * 3_600_000),
  );
  await overrides.getByLabel('日付').fill(day);
  await overrides.getByLabel('種類').selectOption('extra');
  await overrides.getByLabel('開始').fill('00:00');
  await overrides.getByLabel('終了').fill('24:00');
  await overrides.getByRole('button', { name: '追加する' }).click();
  await expect(
    overrides
      .getByRole('status')
      .filter({ hasText: '保存しました' })
      .or(overrides.getByRole('alert').filter({ hasText: 'この日のこの時間はすでに登録されています' })),
  ).toBeVisible();
  await counselor.context().close();
}
