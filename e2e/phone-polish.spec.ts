import crypto from 'node:crypto';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expectNoHorizontalScroll } from './a11y';
import { confirmAndPay, findSlot, openWholeDayAhead, payWithCard } from './booking-fixtures';
import { createCohort, registerAndPay } from './course-fixtures';
import { createPackage } from './package-fixtures';
import { counselorPage, expect, expectAccessible, signedInClient, test } from './fixtures';
import { expectWordsWhole } from './line-boxes';
import { shots } from './shots';

// What a client at night and the counselor between sessions read on a phone: no word, amount or
// date broken mid-way, at 360 px (the project's phone) and at 390 px.

const hour = 60 * 60 * 1000;
/** The value of a datetime-local input in Japan time. */
const jst = (instant: Date) => new Date(instant.getTime() + 9 * hour).toISOString().slice(0, 16);

/** A session type of its own with a six-digit price, so the fee table's amounts are as long as they get. */
async function expensiveSessionType(browser: Browser): Promise<{ slug: string; name: string }> {
  const page = await counselorPage(browser);
  const slug = `e2e-long-${crypto.randomBytes(3).toString('hex')}`;
  const name = `長時間セッション ${slug}`;
  await page.goto('/admin/session-types');
  const form = page.getByRole('form', { name: '新しいセッションの種類' });
  await form.getByLabel('名前').fill(name);
  await form.getByLabel('URLの末尾').fill(slug);
  await form.getByLabel('時間（分）').fill('60');
  await form.getByLabel('料金（円・税込）').fill('110000');
  await form.getByRole('button', { name: '追加する' }).click();
  await expect(form.getByRole('status')).toContainText('保存しました');
  await page.context().close();
  return { slug, name };
}

/**
 * At 360 px and at 390 px: no amount, percentage, time or date in the page's main broken
 * mid-way, none of `words` broken in `labels` (the tables and lists of facts: prose may break
 * between any two characters, as Japanese does), no sideways scroll; axe clean.
 */
async function readsWholeOnPhones(page: Page, labels: string, words: (string | RegExp)[], what: string) {
  const phone = page.viewportSize()!;
  for (const width of [360, 390]) {
    await page.setViewportSize({ width, height: phone.height });
    await expectWordsWhole(page.getByRole('main'), [], `${what} at ${width} px`);
    if (words.length > 0) await expectWordsWhole(page.locator(labels), words, `${what}'s labels at ${width} px`);
    await expectNoHorizontalScroll(page);
    const dir = process.env.SHOTS_DIR;
    if (dir && width === 360)
      await page.screenshot({ path: path.join(dir, `phone-polish-${what}-360.png`), fullPage: true });
  }
  await page.setViewportSize(phone);
  await expectAccessible(page);
}

const feeWords = ['キャンセル料', '返金なし', '返金額', '無料', 'キャンセル', '以降', 'お支払い額'];

test('the cancellation fees read whole on a phone: confirm screen, booking page preview, cancel screen and policy page', async ({
  page,
  browser,
}) => {
  test.slow();
  const type = await expensiveSessionType(browser);
  // A time 25–47 h ahead, so the fee already applies and every screen shows amounts.
  await openWholeDayAhead(browser, 36);
  await signedInClient(page);
  await page.goto(`/book/${type.slug}`);
  const { index } = await findSlot(page, (starts) =>
    starts.findIndex((s) => s.getTime() - Date.now() > 26 * hour && s.getTime() - Date.now() < 46 * hour),
  );
  expect(index).toBeGreaterThanOrEqual(0);
  await page.locator('a.slot').nth(index).click();

  const table = page.getByRole('table', { name: /キャンセル料/ });
  await expect(table).toContainText('55,000円');
  await expect(table).toContainText('110,000円');
  await shots(page, 'phone-polish-confirm');
  await readsWholeOnPhones(page, 'main table', feeWords, 'confirm');

  expect(await confirmAndPay(page)).toBe(true);
  const back = await page.getByRole('link', { name: 'キャンセルして戻る' }).getAttribute('href');
  const bookingId = new URL(back!, 'http://x').pathname.split('/book/checkout/')[1]!;
  await payWithCard(page, '4242 4242 4242 4242');
  await expect(page).toHaveURL(/\/book\/success\?session_id=cs_/);

  await page.goto(`/portal/bookings/${bookingId}`);
  const change = page.getByRole('region', { name: '日時の変更・キャンセル' });
  await expect(change).toContainText('50%・55,000円（税込）');
  await shots(page, 'phone-polish-booking-preview');
  await readsWholeOnPhones(page, 'main dl', feeWords, 'booking');

  await change.getByRole('link', { name: 'キャンセルの手続きへ' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('55,000円（税込）');
  await shots(page, 'phone-polish-cancel');
  await readsWholeOnPhones(page, 'main dl', feeWords, 'cancel');

  await page.goto('/legal/cancellation');
  await expect(page.getByRole('table', { name: /キャンセル料/ })).toContainText('返金なし');
  await shots(page, 'phone-polish-legal-cancellation');
  await readsWholeOnPhones(page, 'main table', feeWords, 'legal-cancellation');

  // The counselor's 売上 of this month now holds a six-digit payment: the widest amounts.
  const counselor = await counselorPage(browser, { viewport: { width: 360, height: 780 } });
  await counselor.goto('/admin/payments');
  const overview = counselor.getByRole('region', { name: /の売上の概要$/ });
  await expect(overview.getByRole('rowheader', { name: 'セッション' })).toBeVisible();
  await expect(overview).toContainText(/\d{3},\d{3}円/);
  await shots(counselor, 'phone-polish-revenue');
  await readsWholeOnPhones(
    counselor,
    // The fixed labels; a session type's or cohort's own name is the counselor's data and wraps.
    'main [aria-label$="の売上の概要"] table, main .money-table thead',
    ['セッション', 'キャンセル料', '回数券', '合計', '入金', '返金', '差引', '講座'],
    'revenue',
  );
  await counselor.context().close();
});

test('a 回数券 payment still being confirmed: the success page says so politely and updates itself once paid', async ({
  page,
  browser,
}) => {
  test.slow();
  const { name } = await createPackage(browser);
  await signedInClient(page);
  await page.goto('/packages');
  await page.getByRole('link', { name: `${name}の購入手続きへ` }).click();
  await page.getByLabel('上の回数券の規定に同意します').check();
  await page.getByRole('button', { name: 'お支払いへ進む' }).click();
  await expect(page.getByRole('button', { name: '支払う' })).toBeVisible();
  const sessionId = new URL(page.url()).pathname.split('/').pop()!;
  expect(sessionId).toMatch(/^cs_/);

  // Back on the site before the payment is done (the tab she came back to, say).
  const waiting = await page.context().newPage();
  await waiting.goto(`/packages/success?session_id=${sessionId}`);
  await expect(waiting.getByRole('heading', { level: 1, name: 'お支払いを確認しています' })).toBeVisible();
  const status = waiting.getByRole('status');
  await expect(status).toContainText('このページは自動で更新され');
  await expect(status).toHaveAttribute('aria-live', 'polite');
  await shots(waiting, 'phone-polish-package-pending');
  await readsWholeOnPhones(waiting, 'main dl', [], 'package-pending');
  await waiting.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  await payWithCard(page, '4242 4242 4242 4242');
  await expect(page.getByRole('heading', { name: '回数券のご購入が完了しました' })).toBeVisible();

  // The waiting tab changes by itself, without a reload that would lose a screen reader's place.
  await expect(waiting.getByRole('heading', { level: 1, name: '回数券のご購入が完了しました' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(waiting.getByRole('status')).toContainText('お支払いを確認しました');
  expect(await waiting.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await shots(waiting, 'phone-polish-package-done');
  await readsWholeOnPhones(waiting, 'main dl', ['回数券', '有効期限', '残り'], 'package-done');
});

test('a course lesson’s meeting link appears as a session’s does: only from 24 h before, and the page says when', async ({
  page,
  browser,
}) => {
  test.slow();
  const cohort = await createCohort(browser, { capacity: 2 });
  await signedInClient(page);
  await registerAndPay(page, cohort.name);

  // The counselor adds a lesson starting in two hours, with its own link.
  const soonUrl = `https://meet.example.jp/soon-${crypto.randomBytes(4).toString('hex')}`;
  const counselor = await counselorPage(browser);
  await counselor.goto(`/admin/courses/cohorts/${cohort.cohortId}`);
  await counselor.locator('summary', { hasText: '講義を追加する' }).click();
  const lessonForm = counselor.getByRole('form', { name: '新しい講義' });
  await lessonForm.getByLabel('講義のタイトル').fill('直前の回');
  await lessonForm.getByLabel('開始（日本時間）').fill(jst(new Date(Date.now() + 2 * hour)));
  await lessonForm.getByLabel('参加URL（受講者だけに表示）').fill(soonUrl);
  await lessonForm.getByLabel('資料の公開日時（日本時間）').fill(jst(new Date(Date.now() - hour)));
  await lessonForm.getByRole('button', { name: '講義を追加する' }).click();
  await expect(lessonForm.getByRole('status')).toContainText('講義を追加しました。');
  await counselor.context().close();

  await page.goto(`/portal/courses/${cohort.cohortId}`);
  const soon = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '第1回　直前の回' }) });
  await expect(soon.getByRole('link', { name: '第1回の講義に参加する（ビデオ通話）' })).toHaveAttribute(
    'href',
    soonUrl,
  );
  const later = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: `第2回　${cohort.lessonTitle}` }) });
  await expect(later).toContainText(
    /参加用のリンクは、講義の24時間前（\d{4}年\d{1,2}月\d{1,2}日\(.\) \d{2}:\d{2}）からここに表示されます。/,
  );
  await expect(later.getByRole('link', { name: /講義に参加する/ })).toHaveCount(0);
  expect(await page.getByRole('main').innerHTML()).not.toContain(cohort.meetingUrl);
  await shots(page, 'phone-polish-course-lessons');
  await readsWholeOnPhones(page, 'main', [], 'course-lessons');
});
