import type { Page } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './a11y';
import { holdAndOpenCheckout, payWithCard } from './booking-fixtures';
import { counselorPage, expect, signedInClient, signIn, test } from './fixtures';
import { nearSessionClients, nearSessionPassword } from './past-sessions';
import { shots } from './shots';

// The counselor's default meeting link reaches a client's booking, and the client sees it only
// from 24 hours before the session. Serial: the far-ahead booking is made after the default is set.
test.describe.configure({ mode: 'serial' });

const room = 'https://zoom.us/j/5550001234?pwd=e2e';
const hour = 3_600_000;

const viewports = [
  { name: '390 px', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  { name: 'desktop', viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false },
] as const;

async function check(page: Page) {
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
}

test('the counselor sets a default meeting link for a session type, and a link that is not https is refused in words', async ({
  browser,
}) => {
  const counselor = await counselorPage(browser, { viewport: { width: 390, height: 844 } });
  await counselor.goto('/admin/session-types');
  const form = counselor.getByRole('form', { name: 'オンラインセッション（60分）の編集' });
  const field = form.getByLabel('参加用リンクの初期値（オンラインのとき）');
  await field.fill('http://zoom.us/j/5550001234');
  await form.getByRole('button', { name: '保存する', exact: true }).click();
  await expect(
    form.getByText('https:// で始まるURLを入力してください（例：https://zoom.us/j/1234567890）'),
  ).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await check(counselor);

  await field.fill(room);
  await form.getByRole('button', { name: '保存する', exact: true }).click();
  await expect(form.getByRole('status')).toContainText('保存');
  await counselor.reload();
  await expect(
    counselor
      .getByRole('form', { name: 'オンラインセッション（60分）の編集' })
      .getByLabel('参加用リンクの初期値（オンラインのとき）'),
  ).toHaveValue(room);
  await check(counselor);
  await shots(counselor, 'meeting-session-types');

  // When the client sees it is hers to choose, with the booking settings.
  await counselor.goto('/admin/availability');
  await expect(counselor.getByLabel('参加用リンクをクライアントに表示する時刻（開始の何時間前から）')).toHaveValue(
    '24',
  );
});

for (const [i, device] of viewports.entries()) {
  test(`${device.name}: a client with a session days ahead is told when the link will appear, and does not get it yet`, async ({
    page,
    browser,
  }) => {
    await page.setViewportSize(device.viewport);
    await signedInClient(page);
    const { bookingId } = await holdAndOpenCheckout(page, {
      pick: (starts) => starts.findIndex((s) => s.getTime() - Date.now() > 72 * hour),
    });
    await payWithCard(page, '4242 4242 4242 4242');
    await expect(page.getByRole('heading', { level: 1, name: 'ご予約が確定しました' })).toBeVisible();
    const facts = page.locator('dl.facts');
    await expect(facts).toContainText(
      /参加用のリンクはセッションの24時間前（\d{4}年\d+月\d+日\(.\) \d{2}:\d{2}）からここに表示されます/,
    );
    await expect(page.locator(`a[href*="zoom.us"]`)).toHaveCount(0);
    expect(await page.content()).not.toContain('5550001234');

    await page.goto(`/portal/bookings/${bookingId}`);
    await expect(page.locator('dl.facts')).toContainText('参加用のリンクはセッションの24時間前');
    expect(await page.content()).not.toContain('5550001234');
    await page.goto('/portal');
    expect(await page.content()).not.toContain('5550001234');
    await page.goto(`/portal/bookings/${bookingId}`);
    await check(page);
    if (i === 0) await shots(page, 'meeting-portal-later');

    // The booking took the type's default link: the counselor sees it, and can change it.
    const counselor = await counselorPage(browser, { viewport: device.viewport });
    await counselor.goto(`/admin/bookings/${bookingId}`);
    const url = counselor.getByLabel('オンラインの参加URL');
    await expect(url).toHaveValue(room);
    await expect(counselor.getByText('クライアントのマイページには、開始の24時間前から表示されます')).toBeVisible();
    await url.fill('https://meet.google.com/abc-defg-hij');
    await counselor.getByRole('button', { name: '保存する', exact: true }).click();
    await expect(counselor.getByRole('status').filter({ hasText: '保存' }).first()).toBeVisible();
    await counselor.reload();
    await expect(counselor.getByLabel('オンラインの参加URL')).toHaveValue('https://meet.google.com/abc-defg-hij');
    await check(counselor);
  });

  test(`${device.name}: a client whose session starts within 24 hours sees the link on her booking and her portal home`, async ({
    page,
  }) => {
    const near = nearSessionClients[i]!;
    await page.setViewportSize(device.viewport);
    await signIn(page, near.email, nearSessionPassword);
    await expect(page).toHaveURL(/\/portal$/);
    const upcoming = page.getByRole('region', { name: '今後のセッション' });
    await expect(upcoming.getByRole('link', { name: /ビデオ通話に参加する/ })).toHaveAttribute('href', near.meetingUrl);
    await check(page);
    if (i === 1) await shots(page, 'meeting-portal-home-link');

    await upcoming.getByRole('link', { name: /オンラインセッション（60分）/ }).click();
    const facts = page.locator('dl.facts');
    const join = facts.getByRole('link', { name: /ビデオ通話に参加する/ });
    await expect(join).toHaveAttribute('href', near.meetingUrl);
    await expect(join).toHaveAttribute('target', '_blank');
    await expect(facts).not.toContainText('からここに表示されます');
    await check(page);
    await shots(page, `meeting-portal-link-${i}`);
  });
}
