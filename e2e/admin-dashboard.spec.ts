import type { Page } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './a11y';
import { holdAndOpenCheckout, payWithCard } from './booking-fixtures';
import { counselorPage, expect, signedInClient, test } from './fixtures';
import { pastSessionClients } from './past-sessions';

/** A client with a paid session whose questionnaire (a draft) holds a positive safety answer. */
async function clientWithFlaggedQuestionnaire(page: Page): Promise<string> {
  await signedInClient(page);
  const { bookingId } = await holdAndOpenCheckout(page);
  await payWithCard(page, '4242424242424242');
  await expect(page.getByRole('heading', { name: 'ご予約が確定しました' })).toBeVisible();
  await page.goto(`/portal/intake/${bookingId}`);
  await page.getByLabel(/上記の取り扱いに同意し/).check();
  await page.getByRole('button', { name: '同意して回答をはじめる' }).click();
  await page
    .getByRole('group', { name: /この2週間のあいだに/ })
    .getByRole('radio', { name: 'ときどきあった', exact: true })
    .check();
  await expect(page.getByRole('status').filter({ hasText: '下書きを保存しました' })).toBeVisible();
  return bookingId;
}

const viewports = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false },
  { name: '390 px', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
] as const;

for (const [i, device] of viewports.entries()) {
  const past = pastSessionClients[i]!;
  const pastName = `${past.familyName} ${past.givenName} 様`;

  test(`${device.name}: the counselor sees today's agenda and a flagged questionnaire, opens the time grid and marks yesterday's session completed`, async ({
    page,
    browser,
  }) => {
    // A whole booking paid in the emulator, a questionnaire, then four admin screens with axe.
    test.slow();
    const bookingId = await clientWithFlaggedQuestionnaire(page);
    const counselor = await counselorPage(browser, {
      viewport: device.viewport,
      isMobile: device.isMobile,
      hasTouch: device.hasTouch,
    });

    await counselor.goto('/admin');
    await expect(counselor.getByRole('heading', { level: 1, name: '今日の予定' })).toBeVisible();
    // On a phone the menu is one scrolling line: the page's heading is near the top.
    const headingTop = (await counselor.getByRole('heading', { level: 1 }).boundingBox())!.y;
    expect(headingTop).toBeLessThan(device.isMobile ? 300 : 200);
    const agenda = counselor.getByRole('region', { name: /今日から8日間/ });
    await expect(agenda.getByRole('heading', { level: 3 }).first()).toHaveText(/^今日 \d+月\d+日\(.\)/);
    const alerts = counselor.getByRole('region', { name: /確認が必要なこと/ });
    const flagged = alerts.locator(`a[href="/admin/bookings/${bookingId}"]`);
    await expect(flagged).toHaveText('事前アンケートに要確認の回答があります');
    await expectNoHorizontalScroll(counselor);
    await expectNoAxeViolations(counselor);

    // Opening it reads it (and writes the audit entry): the alert goes.
    await flagged.click();
    await expect(counselor.getByRole('region', { name: '事前アンケート' }).getByRole('alert')).toContainText('要確認');
    await counselor.goto('/admin');
    await expect(alerts.locator(`a[href="/admin/bookings/${bookingId}"]`)).toHaveCount(0);

    await counselor.getByRole('link', { name: '週の時間割' }).click();
    const week = counselor.getByRole('region', { name: /〜.*の時間割$/ });
    await expect(week).toBeVisible();
    await expect(week.getByRole('link', { name: /^今日 / })).toBeVisible();
    await expectNoHorizontalScroll(counselor);
    await expectNoAxeViolations(counselor);

    await counselor.getByRole('link', { name: '日の時間割' }).click();
    await counselor.getByRole('link', { name: /前の日/ }).click();
    const day = counselor.getByRole('region', { name: /日\(.\)の時間割$/ });
    const item = day.getByRole('link', { name: new RegExp(pastName) });
    await expect(item).toContainText(past.minute === 600 ? '10:00' : '13:00');
    const marking = counselor.getByRole('group', { name: new RegExp(`${pastName}の記録`) });
    await marking.getByRole('button', { name: '実施済みにする' }).click();
    // The page refreshes: the session is marked on the grid and leaves the list to mark.
    await expect(item).toContainText('実施済み');
    await expect(counselor.getByRole('group', { name: new RegExp(`${pastName}の記録`) })).toHaveCount(0);
    await expectNoHorizontalScroll(counselor);
    await expectNoAxeViolations(counselor);

    await item.click();
    await expect(counselor.getByRole('heading', { level: 1, name: '予約の詳細' })).toBeVisible();
    await expect(counselor.getByRole('definition').first()).toHaveText('実施済み');
    await counselor.context().close();
  });
}
