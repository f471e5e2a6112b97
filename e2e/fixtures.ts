import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import {
  type APIRequestContext,
  type Browser,
  type BrowserContextOptions,
  test as base,
  expect,
  type Page,
} from '@playwright/test';

/**
 * Each test is its own visitor, from its own address, so that the per-IP rate limits count
 * each test separately, as they would count separate people.
 */
export const test = base.extend({
  context: async ({ context }, use) => {
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': randomIp() });
    await use(context);
  },
});
export { expect };

export const demoCounselor = { email: 'counselor@example.jp', password: 'demo-counselor-2026' };

export function randomIp(): string {
  const octet = () => crypto.randomInt(1, 254);
  return `10.${octet()}.${octet()}.${octet()}`;
}

/**
 * A page signed in as the counselor. The sign-in happens once per run and its cookies are
 * reused: signing in again in every test would trip the per-address rate limit (5 in 15 min),
 * exactly as it should for a person.
 */
export async function counselorPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const file = path.join(process.env.E2E_DATA_DIR ?? os.tmpdir(), 'counselor-state.json');
  if (!fs.existsSync(file)) {
    const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': randomIp() } });
    const page = await context.newPage();
    await signIn(page, demoCounselor.email, demoCounselor.password);
    await expect(page).toHaveURL(/\/admin$/);
    await context.storageState({ path: file });
    await context.close();
  }
  const context = await browser.newContext({
    ...options,
    storageState: file,
    extraHTTPHeaders: { 'x-forwarded-for': randomIp() },
  });
  return context.newPage();
}

export function uniqueEmail(prefix = 'client'): string {
  return `${prefix}-${crypto.randomBytes(5).toString('hex')}@example.jp`;
}

/** The newest link in the outbox (read through /dev/mail) sent to `to` whose subject matches. */
export async function linkFromMail(request: APIRequestContext, to: string, subject: RegExp): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(
      async () => {
        const html = await (await request.get(`/dev/mail?to=${encodeURIComponent(to)}`)).text();
        const mails = html.split('<article').slice(1);
        const mail = mails.find((m) => subject.test(m));
        found = mail?.match(/https?:\/\/[^\s<"]+/)?.[0]?.replace(/&amp;/g, '&');
        return found;
      },
      { message: `mail to ${to} matching ${subject}` },
    )
    .toBeTruthy();
  return found!;
}

export async function register(page: Page, email: string, password: string) {
  await page.goto('/register');
  await fillRegistration(page, email, password);
}

/** Fills and sends the sign-up form on the current page. */
export async function fillRegistration(page: Page, email: string, password: string) {
  await page.getByRole('textbox', { name: /^メールアドレス/ }).fill(email);
  await page.getByLabel(/^パスワード（必須）/).fill(password);
  await page.getByLabel('姓（必須）', { exact: true }).fill('山田');
  await page.getByLabel('名（必須）', { exact: true }).fill('花子');
  await page.getByLabel('セイ（フリガナ）（必須）', { exact: true }).fill('ヤマダ');
  await page.getByLabel('メイ（フリガナ）（必須）', { exact: true }).fill('ハナコ');
  await page.getByLabel('利用規約とプライバシーポリシーに同意します').check();
  await page.getByRole('button', { name: '登録する' }).click();
  await expect(page.getByRole('status').filter({ hasText: '確認メールをお送りしました' })).toBeVisible();
}

export async function verifyFromMail(page: Page, email: string) {
  const link = await linkFromMail(page.request, email, /メールアドレスの確認/);
  await page.goto(link);
  await page.getByRole('button', { name: 'メールアドレスを確認する' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'メールアドレスを確認しました' })).toBeVisible();
}

export async function signIn(page: Page, email: string, password: string) {
  if (!page.url().includes('/login')) await page.goto('/login');
  await page
    .getByRole('textbox', { name: /^メールアドレス/ })
    .first()
    .fill(email);
  await page.getByLabel('パスワード（必須）', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
}

/** A verified client, signed in on `page`. */
export async function signedInClient(page: Page, password = 'correct horse battery') {
  const email = uniqueEmail();
  await register(page, email, password);
  await verifyFromMail(page, email);
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/portal$/);
  return { email, password };
}

/** No WCAG 2.1 A/AA or best-practice violations that axe can find on the current page. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
