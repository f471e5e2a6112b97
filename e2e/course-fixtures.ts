import crypto from 'node:crypto';
import { type Browser, expect, type Page } from '@playwright/test';
import { payWithCard } from './booking-fixtures';
import { counselorPage, expectAccessible } from './fixtures';

const HOUR = 60 * 60 * 1000;
/** The value of a datetime-local input in Japan time. */
const jst = (instant: Date) => new Date(instant.getTime() + 9 * HOUR).toISOString().slice(0, 16);

export const seededCourse = { slug: 'shinrigaku-koza', title: '心理学講座（オンライン・全6回）' };

/**
 * A cohort of its own for one test, made by the counselor in /admin/courses: one lesson about
 * three weeks ahead whose materials are already released, with a meeting link.
 */
export async function createCohort(
  browser: Browser,
  options: { capacity: number; priceYen?: number; audit?: boolean },
) {
  const name = `テスト${crypto.randomBytes(3).toString('hex')}期`;
  const meetingUrl = `https://meet.example.jp/${crypto.randomBytes(4).toString('hex')}`;
  const lessonTitle = `はじめの回 ${name}`;
  const page = await counselorPage(browser);
  await page.goto('/admin/courses');
  await page.locator('summary', { hasText: '新しい開講回を追加する' }).click();
  const cohortForm = page.getByRole('form', { name: '新しい開講回' });
  await cohortForm.getByLabel('開講回の名前（例：第3期）').fill(name);
  await cohortForm.getByLabel('定員（名）').fill(String(options.capacity));
  await cohortForm.getByLabel('受講料（円・税込）').fill(String(options.priceYen ?? 33000));
  await cohortForm.getByLabel('申込締切（日本時間）').fill(jst(new Date(Date.now() + 14 * 24 * HOUR)));
  await cohortForm.getByRole('button', { name: '開講回を追加する' }).click();
  await expect(cohortForm.getByRole('status')).toHaveText('開講回を追加しました。');
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  const cohortId = page.url().split('/').pop()!;

  await page.locator('summary', { hasText: '講義を追加する' }).click();
  const lessonForm = page.getByRole('form', { name: '新しい講義' });
  await lessonForm.getByLabel('講義のタイトル').fill(lessonTitle);
  await lessonForm.getByLabel('開始（日本時間）').fill(jst(new Date(Date.now() + 21 * 24 * HOUR)));
  await lessonForm.getByLabel('参加URL（受講者だけに表示）').fill(meetingUrl);
  await lessonForm.getByLabel('資料', { exact: true }).fill('## 事前に読むもの\n\n- 自分の立ち位置を書き出すワーク');
  await lessonForm.getByLabel('資料の公開日時（日本時間）').fill(jst(new Date(Date.now() - HOUR)));
  await lessonForm.getByRole('button', { name: '講義を追加する' }).click();
  await expect(lessonForm.getByRole('status')).toHaveText('講義を追加しました。');
  if (options.audit) {
    await page.reload();
    await expectAccessible(page);
    await page.goto('/admin/courses');
    await expectAccessible(page);
  }
  await page.context().close();
  return { name, cohortId, meetingUrl, lessonTitle };
}

/** The cohort's panel on the course page. */
export function cohortPanel(page: Page, cohortName: string) {
  return page.getByRole('region', { name: cohortName, exact: true });
}

/** From the course page to a paid seat: hold, answer, agree, pay with 4242 on the emulator's page. */
export async function registerAndPay(page: Page, cohortName: string) {
  await page.goto(`/courses/${seededCourse.slug}`);
  await cohortPanel(page, cohortName)
    .getByRole('button', { name: /この回に申し込む/ })
    .click();
  await expect(page.getByText(/お席の確保の残り時間/)).toBeVisible();
  const applyPath = new URL(page.url()).pathname;
  await page.getByLabel('上の講座のキャンセル規定に同意します').check();
  await page.getByRole('button', { name: /お支払いへ進む/ }).click();
  await payWithCard(page, '4242 4242 4242 4242');
  await expect(page.getByRole('heading', { name: 'お申し込みが完了しました' })).toBeVisible();
  return { applyPath, successPath: `${new URL(page.url()).pathname}${new URL(page.url()).search}` };
}
