import crypto from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { counselorPage, demoCounselor, expect, linkFromMail, test, uniqueEmail } from './fixtures';

const jstLocal = (instant: Date) => new Date(instant.getTime() + 9 * 3_600_000).toISOString().slice(0, 16);

const signUpForm = (page: Page) => page.getByRole('form', { name: 'メールマガジンの登録', exact: true });

/** Fills the sign-up form on the current page; the answer is the same whatever the address's state. */
async function signUp(
  page: Page,
  email: string,
  answer: { role: 'status' | 'alert'; text: string } = { role: 'status', text: '確認メールをお送りしました' },
) {
  const form = signUpForm(page);
  await form.getByRole('textbox', { name: /^配信先のメールアドレス/ }).fill(email);
  await form.getByLabel('メールマガジンの受信に同意します').check();
  await form.getByRole('button', { name: 'メールマガジンに登録' }).click();
  await expect(form.getByRole(answer.role)).toContainText(answer.text);
}

async function confirmFromMail(page: Page, email: string) {
  await page.goto(await linkFromMail(page.request, email, /メールマガジン登録の確認/));
  await page.getByRole('button', { name: '登録を完了する' }).click();
  await expect(page.getByRole('status')).toContainText('登録が完了しました');
}

test('a visitor subscribes, confirms from the mail, and unsubscribes in one click without signing in', async ({
  page,
}) => {
  const email = uniqueEmail('reader');
  await page.goto('/newsletter');
  const form = signUpForm(page);
  await form.getByRole('button', { name: 'メールマガジンに登録' }).click();
  await expect(form.getByText('メールマガジン受信への同意が必要です')).toBeVisible();

  await signUp(page, email);
  await confirmFromMail(page, email);

  // Signing up again reveals nothing on screen; the mail says the address is already subscribed.
  await page.goto('/newsletter');
  await signUp(page, email);
  const unsubscribeLink = await linkFromMail(page.request, email, /メールマガジンのご登録について/);
  expect(unsubscribeLink).toContain('/newsletter/unsubscribe?token=');

  // A fresh browser with no session at all, and no JavaScript (some mail apps' viewers).
  const stranger = await page.context().browser()!.newContext({ javaScriptEnabled: false });
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(unsubscribeLink);
  await strangerPage.getByRole('button', { name: '配信を停止する' }).click();
  await expect(strangerPage.getByRole('status')).toContainText('配信を停止しました');
  await stranger.close();

  // After unsubscribing, signing up again asks for confirmation again.
  await page.goto('/newsletter');
  await signUp(page, email);
  await expect
    .poll(
      async () =>
        (
          (await (await page.request.get(`/dev/mail?to=${encodeURIComponent(email)}`)).text()).match(
            /メールマガジン登録の確認<\/h2>/g,
          ) ?? []
        ).length,
    )
    .toBe(2);

  // A fourth request for one address within the hour is refused (no mail bombing through this form).
  await signUp(page, email, { role: 'alert', text: '短い時間に多くの操作がありました' });
});

test('a mail app unsubscribes with the RFC 8058 one-click POST, and a forged token does nothing', async ({
  page,
  request,
}) => {
  const email = uniqueEmail('oneclick');
  await page.goto('/articles/kataomoi-renraku-yameru');
  await signUp(page, email);
  await confirmFromMail(page, email);

  // The counselor's CSV shows the address, active, with the article it signed up from.
  const counselor = await counselorPage(page.context().browser()!);
  const csvBefore = await (await counselor.request.get('/admin/newsletter/subscribers.csv')).text();
  expect(csvBefore).toContain(`"${email}","配信中","/articles/kataomoi-renraku-yameru"`);

  const forged = await request.post(
    `/api/newsletter/unsubscribe?token=${crypto.randomBytes(32).toString('base64url')}`,
    { form: { 'List-Unsubscribe': 'One-Click' } },
  );
  expect(forged.status()).toBe(404);

  // The one-click address is the List-Unsubscribe header's; its token is the one in the page link.
  await page.goto('/newsletter');
  await signUp(page, email);
  const token = new URL(await linkFromMail(page.request, email, /メールマガジンのご登録について/)).searchParams.get(
    'token',
  )!;
  const oneClick = await request.post(`/api/newsletter/unsubscribe?token=${encodeURIComponent(token)}`, {
    form: { 'List-Unsubscribe': 'One-Click' },
  });
  expect(oneClick.status()).toBe(200);
  const csvAfter = await (await counselor.request.get('/admin/newsletter/subscribers.csv')).text();
  expect(csvAfter).toContain(`"${email}","停止"`);
});

test('the counselor writes, previews and publishes an article, which then shows in the list and the feed', async ({
  browser,
}) => {
  const page = await counselorPage(browser);
  const slug = `e2e-kiji-${crypto.randomBytes(3).toString('hex')}`;
  const title = `返事を待つ夜に ${slug}`;
  // An article on the same theme, read (and so cached) before the new one is published.
  const neighbour = '/articles/kataomoi-renraku-yameru';
  const recommended = page.getByRole('region', { name: 'こちらの記事もおすすめです' });
  await page.goto(neighbour);
  await expect(recommended.getByRole('link').first()).toBeVisible();
  await expect(recommended.getByRole('link', { name: title })).toHaveCount(0);
  await page.goto('/admin/articles/new');
  await page.getByLabel('題名（必須）').fill(title);
  await page.getByLabel('URLの末尾（必須）').fill(slug);
  await page.getByLabel('要約（必須）').fill('既読のまま返事がない夜の過ごし方。');
  await page.getByLabel('片思い・進展しない関係').check();
  await page
    .getByLabel('本文（Markdown）（必須）')
    .fill(
      '## 待つ時間の整え方\n\n返事を待つあいだに。\n\n| 脈あり | 脈なし |\n|---|---|\n| 質問が返る | 返事が短い |\n',
    );

  const preview = page.getByRole('region', { name: '本文のプレビュー' });
  await expect(preview.getByRole('heading', { name: '待つ時間の整え方' })).toBeVisible();
  await expect(preview.getByRole('table')).toContainText('質問が返る');

  await page.getByLabel('今すぐ公開する').check();
  await page.getByRole('button', { name: '保存する' }).click();
  await expect(page.getByText('いまの状態：公開中')).toBeVisible();
  const editUrl = new URL(page.url()).pathname;

  await page.goto('/articles');
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('heading', { name: '待つ時間の整え方' })).toBeVisible();
  expect(await (await page.request.get('/feed.xml')).text()).toContain(`/articles/${slug}`);
  await page.goto(neighbour);
  await expect(recommended.getByRole('link', { name: title })).toBeVisible();

  // The page is now cached; an edit shows at once, and an earlier version can be restored.
  await page.goto(editUrl);
  await page.getByLabel('題名（必須）').fill(`${title}（改稿）`);
  await page.getByRole('button', { name: '保存する' }).click();
  await expect(page.getByRole('status').filter({ hasText: '記事は公開されています' })).toBeVisible();
  const edited = await page.goto(`/articles/${slug}`);
  await expect(
    page.getByRole('heading', { level: 1, name: `${title}（改稿）` }),
    `the edited title (the page answered x-nextjs-cache: ${edited?.headers()['x-nextjs-cache']})`,
  ).toBeVisible();
  await page.goto(editUrl);
  const versions = page.getByRole('list', { name: '保存した版' }).getByRole('listitem');
  await expect(versions).toHaveCount(2);
  await versions
    .nth(1)
    .getByRole('button', { name: /版に戻す$/ })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'この版の内容に戻しました' })).toBeVisible();
  await expect(page.getByLabel('題名（必須）')).toHaveValue(title);
  await page.goto(`/articles/${slug}`);
  await expect(page.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible();
});

test('a scheduled article is nowhere until its time, then appears on its page, the list, the feed and the sitemap', async ({
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  const page = await counselorPage(browser);
  const slug = `e2e-yoyaku-${crypto.randomBytes(3).toString('hex')}`;
  const title = `予約した記事 ${slug}`;
  // The next whole minute at least 40 s away (the field has minute precision).
  const at = new Date(Math.ceil((Date.now() + 40_000) / 60_000) * 60_000);
  await page.goto('/admin/articles/new');
  await page.getByLabel('題名（必須）').fill(title);
  await page.getByLabel('URLの末尾（必須）').fill(slug);
  await page.getByLabel('要約（必須）').fill('公開予約のテスト。');
  await page.getByLabel('心を許してくれない相手・信頼と防衛').check();
  await page.getByLabel('本文（Markdown）（必須）').fill('予約された本文。');
  await page.getByLabel('日時を指定して公開する（予約）').check();
  // The suggestion is the next Monday, Wednesday or Friday morning; replace it with a near time.
  await expect(page.getByLabel('公開日時（日本時間）')).toHaveValue(/T07:00$/);
  await page.getByLabel('公開日時（日本時間）').fill(jstLocal(at));
  await page.getByRole('button', { name: '保存する' }).click();
  await expect(page.getByText(/いまの状態：公開予約/)).toBeVisible();

  // Before its time: a visitor opens the address (this is what a cache would keep) and looks everywhere.
  expect(Date.now()).toBeLessThan(at.getTime());
  expect((await request.get(`/articles/${slug}`)).status()).toBe(404);
  expect(await (await request.get('/articles')).text()).not.toContain(slug);
  expect(await (await request.get('/feed.xml')).text()).not.toContain(slug);
  expect(await (await request.get('/sitemap.xml')).text()).not.toContain(slug);

  // After it: the publishing job has refreshed the cached pages.
  await expect
    .poll(async () => (await request.get(`/articles/${slug}`)).status(), { timeout: 180_000, intervals: [5_000] })
    .toBe(200);
  expect(Date.now()).toBeGreaterThanOrEqual(at.getTime());
  expect(await (await request.get('/articles')).text()).toContain(slug);
  expect(await (await request.get('/feed.xml')).text()).toContain(slug);
  expect(await (await request.get('/sitemap.xml')).text()).toContain(slug);
  expect(await (await request.get('/')).text()).toContain(title);
});

test('the counselor composes an issue, previews it and sends a test to herself, then schedules it for the next Tuesday, Thursday or Saturday', async ({
  browser,
}) => {
  const page = await counselorPage(browser);
  const subject = `今週のメールマガジン ${crypto.randomBytes(3).toString('hex')}`;
  await page.goto('/admin/newsletter');
  await expect(page.getByText('配信中（登録確認済み）')).toBeVisible();
  await page.getByRole('link', { name: '新しい号を書く' }).click();
  await page.getByLabel('件名（必須）').fill(subject);
  await page.getByLabel('本文（Markdown）（必須）').fill('## 今週のひとこと\n\n待つことも、関わり方のひとつです。');
  await expect(
    page.getByRole('region', { name: '本文のプレビュー' }).getByRole('heading', { name: '今週のひとこと' }),
  ).toBeVisible();
  await page.getByRole('button', { name: '自分にテスト送信する' }).click();
  await expect(page.getByText('テストメールをあなたのアドレスに送りました。')).toBeVisible();
  const outbox = await (await page.request.get(`/dev/mail?to=${encodeURIComponent(demoCounselor.email)}`)).text();
  expect(outbox).toContain(`［テスト］${subject}`);
  expect(outbox).toContain('配信の停止（ワンクリック・ログイン不要）');

  await page.getByLabel('日時を指定して配信（予約）').check();
  await expect(page.getByLabel('配信日時（日本時間）')).toHaveValue(/T07:00$/);
  const weekday = new Date(`${await page.getByLabel('配信日時（日本時間）').inputValue()}:00+09:00`).getUTCDay();
  // 07:00 JST is 22:00 UTC the day before: Tuesday, Thursday, Saturday in Japan.
  expect([1, 3, 5]).toContain(weekday);
  await page.getByRole('button', { name: '保存する' }).click();
  await expect(page.getByText(/^配信予約：/)).toBeVisible();
  await page.goto('/admin/newsletter');
  await expect(
    page.getByRole('list', { name: '号の一覧' }).getByRole('listitem').filter({ hasText: subject }),
  ).toContainText('配信予約');
});

test('an issue sent now reaches a confirmed reader once, with a working unsubscribe link; the admin shows it sent and the archive shows it', async ({
  browser,
  page,
}) => {
  test.setTimeout(240_000);
  const email = uniqueEmail('issue-reader');
  await page.goto('/newsletter');
  await signUp(page, email);
  await confirmFromMail(page, email);

  const counselor = await counselorPage(browser);
  const subject = `今すぐ配信する号 ${crypto.randomBytes(3).toString('hex')}`;
  await counselor.goto('/admin/newsletter/issues/new');
  await counselor.getByLabel('件名（必須）').fill(subject);
  await counselor.getByLabel('本文（Markdown）（必須）').fill('今日の話です。');
  await counselor.getByLabel('今すぐ配信する').check();
  await counselor.getByLabel(/公開のバックナンバー/).check();
  await counselor.getByRole('button', { name: '保存する' }).click();
  // Saved: the issue has its own page (already sending or sent if the job ran meanwhile).
  await expect(counselor).toHaveURL(/\/admin\/newsletter\/issues\/[0-9a-f-]{36}$/);

  // The sending job runs every minute.
  const inbox = async () =>
    (await (await page.request.get(`/dev/mail?to=${encodeURIComponent(email)}`)).text()).match(
      new RegExp(`${subject}</h2>`, 'g'),
    )?.length ?? 0;
  await expect.poll(inbox, { timeout: 180_000, intervals: [5_000] }).toBe(1);
  await counselor.goto('/admin/newsletter');
  const item = counselor.getByRole('list', { name: '号の一覧' }).getByRole('listitem').filter({ hasText: subject });
  await expect(item).toContainText('配信済み');
  await expect(item).toContainText(/送信 (\d+) \/ \1 件/);

  await page.goto('/newsletter/archive');
  await page.getByRole('link', { name: subject }).click();
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await expect(page.getByText('今日の話です。')).toBeVisible();

  const unsubscribeLink = await linkFromMail(page.request, email, new RegExp(subject));
  expect(unsubscribeLink).toContain('/newsletter/unsubscribe?token=');
  await page.goto(unsubscribeLink);
  await page.getByRole('button', { name: '配信を停止する' }).click();
  await expect(page.getByRole('status')).toContainText('配信を停止しました');
  expect(await inbox()).toBe(1);
});

for (const path of ['/newsletter', '/admin/articles/new', '/admin/newsletter', '/admin/newsletter/issues/new']) {
  test(`axe finds no accessibility violations on ${path}`, async ({ browser }) => {
    const page = await counselorPage(browser);
    await page.goto(path);
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
