import { counselorPage, expect, test } from './fixtures';

const dayMs = 24 * 60 * 60 * 1000;
const jstDate = (instant: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(instant);
const jstLabel = (date: string) => {
  const d = new Date(`${date}T00:00:00+09:00`);
  const parts = new Intl.DateTimeFormat('ja-JP', {
    timeZone: 'Asia/Tokyo',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(d);
  return `${parts.find((p) => p.type === 'month')!.value}月${parts.find((p) => p.type === 'day')!.value}日`;
};

test('the counselor closes a day and it disappears from booking, then reopens it', async ({ browser }) => {
  const page = await counselorPage(browser);
  // A weekday about two weeks ahead (Japan time), inside the booking horizon.
  let day = new Date(Date.now() + 14 * dayMs);
  while ([0, 6].includes(new Date(`${jstDate(day)}T12:00:00+09:00`).getUTCDay())) day = new Date(day.getTime() + dayMs);
  const date = jstDate(day);
  const bookingMonth = `/book/in-person-60?month=${date.slice(0, 7)}`;
  const openDay = page.getByRole('grid').getByRole('link', { name: new RegExp(`^${jstLabel(date)}.*空きあり$`) });
  await page.goto(bookingMonth);
  await expect(openDay).toBeVisible();

  await page.goto('/admin/availability');
  const form = page.getByRole('form', { name: '休みの日・追加の受付時間' });
  await form.getByLabel('日付').fill(date);
  await form.getByLabel('種類').selectOption('closed');
  await form.getByRole('button', { name: '追加する' }).click();
  const entry = page
    .getByRole('list', { name: '登録済みの休み・追加の受付時間' })
    .getByRole('listitem')
    .filter({ hasText: jstLabel(date) });
  await expect(entry).toContainText('休み');

  await page.goto(bookingMonth);
  await expect(page.getByRole('grid')).toContainText(`${jstLabel(date)}`);
  await expect(openDay).toHaveCount(0);

  await page.goto('/admin/availability');
  await entry.getByRole('button', { name: /削除$/ }).first().click();
  await expect(entry).toHaveCount(0);
  await page.goto(bookingMonth);
  await expect(openDay).toBeVisible();
});

test('bad hours get a specific message and change nothing', async ({ browser }) => {
  const page = await counselorPage(browser);
  await page.goto('/admin/availability');
  const form = page.getByRole('form', { name: '休みの日・追加の受付時間' });
  await form.getByLabel('日付').fill(jstDate(new Date(Date.now() + 20 * dayMs)));
  await form.getByLabel('種類').selectOption('extra');
  await form.getByLabel('開始').fill('19:00');
  await form.getByLabel('終了').fill('18:00');
  await form.getByRole('button', { name: '追加する' }).click();
  await expect(form.getByText('終了は開始より後の時刻にしてください')).toBeVisible();
});

test('the counselor adds a session type and visitors see it with its tax-inclusive price', async ({ browser }) => {
  const page = await counselorPage(browser);
  const slug = `e2e-${Math.floor(Math.random() * 1e9)}`;
  await page.goto('/admin/session-types');
  const form = page.getByRole('form', { name: '新しいセッションの種類' });
  await form.getByLabel('名前').fill(`短時間相談 ${slug}`);
  await form.getByLabel('URLの末尾').fill(slug);
  await form.getByLabel('時間（分）').fill('30');
  await form.getByLabel('料金（円・税込）').fill('5500');
  await form.getByRole('button', { name: '追加する' }).click();
  await expect(form.getByRole('status')).toContainText('保存しました');
  await page.goto('/sessions');
  const card = page.getByRole('listitem').filter({ hasText: `短時間相談 ${slug}` });
  await expect(card).toContainText('5,500円（税込）');
  await expect(card).toContainText('30分');
});
