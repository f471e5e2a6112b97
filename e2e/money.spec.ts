import fs from 'node:fs';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './a11y';
import { holdAndOpenCheckout, payWithCard } from './booking-fixtures';
import { counselorPage, expect, signedInClient, test } from './fixtures';
import { shots } from './shots';

/** This month in Japan time, as the page names it: 2026年12月. */
function japanMonthLabel(now = new Date()): string {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit' })
    .format(now)
    .split('-');
  return `${Number(year)}年${Number(month)}月`;
}

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1280, height: 900 },
]) {
  test(`the counselor opens 売上, sees the month's payment and refund, and downloads the payments CSV (${viewport.width} px)`, async ({
    page,
    browser,
  }) => {
    // A client pays for a session; the counselor then cancels it, which refunds it in full.
    await signedInClient(page);
    const { bookingId } = await holdAndOpenCheckout(page);
    await payWithCard(page, '4242424242424242');
    await expect(page.getByRole('heading', { name: 'ご予約が確定しました' })).toBeVisible();
    const counselor = await counselorPage(browser, { viewport, acceptDownloads: true });
    await counselor.goto(`/admin/bookings/${bookingId}`);
    await counselor.getByRole('button', { name: 'キャンセルする' }).click();
    await expect(counselor).toHaveURL(/notice=cancelled/);

    await counselor.getByRole('navigation', { name: '管理メニュー' }).getByRole('link', { name: '売上' }).click();
    await expect(counselor.getByRole('heading', { level: 1, name: '売上' })).toBeVisible();
    const month = japanMonthLabel();
    await expect(counselor.getByRole('heading', { name: `${month}の概要` })).toBeVisible();
    const overview = counselor.getByRole('region', { name: `${month}の売上の概要` });
    await expect(overview.getByRole('row', { name: /^合計/ })).toBeVisible();
    // The payment and its refund, each linked to the booking.
    const ledger = counselor.getByRole('region', { name: `${month}の入金と返金` });
    const rows = ledger.getByRole('row').filter({ has: counselor.locator(`a[href="/admin/bookings/${bookingId}"]`) });
    const kind = (name: string) => rows.filter({ has: counselor.getByRole('cell', { name, exact: true }) });
    await expect(kind('入金')).toHaveCount(1);
    await expect(kind('返金')).toHaveCount(1);
    await expect(rows.first()).toContainText('山田 花子 様');
    await expectNoHorizontalScroll(counselor);
    await expectNoAxeViolations(counselor);
    await shots(counselor, 'admin-payments');

    const [download] = await Promise.all([
      counselor.waitForEvent('download'),
      counselor.getByRole('button', { name: '入金・返金のCSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^payments_\d{4}-\d{2}-01_\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toMatch(/^"区分","日時（日本時間）","クライアント","種類","内容"/);
    const own = text.split('\r\n').filter((line) => line.includes(bookingId));
    expect(own.map((line) => line.split(',')[0])).toEqual(['"入金"', '"返金"']);
    await counselor.context().close();
  });
}
