import { expect, test } from '@playwright/test';
import { themes } from '../features/library/themes';
import { invitations, retentionDays } from '../lib/site-config';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './a11y';
import { shots } from './shots';

const articles = {
  kataomoi: { slug: 'kataomoi-renraku-yameru', title: /^片思いが進展しないなら連絡をやめるべき/, tables: 16 },
  sugaru: { slug: 'sugaru-renai-misuterare-fuan', title: /^失恋しても縋ってしまうのはなぜ/, tables: 0 },
  kokoro: { slug: 'kokoro-wo-yurusanai-kare', title: /^心を許してくれない彼の心理/, tables: 0 },
};

test('a visitor on a phone browses by theme, reads every article, follows a related one and searches', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoHorizontalScroll(page);

  await page
    .getByRole('link', { name: /片思い・進展しない関係/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/articles\?theme=unrequited-love$/);
  await expect(page.getByRole('heading', { level: 1, name: '片思い・進展しない関係の記事' })).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(1);

  await page.getByRole('navigation', { name: 'テーマで絞り込む' }).getByRole('link', { name: 'すべて' }).click();
  await expect(page.getByRole('article')).toHaveCount(3);

  for (const article of Object.values(articles)) {
    await page.goto('/articles');
    await page.getByRole('link', { name: article.title }).click();
    await expect(page).toHaveURL(new RegExp(`/articles/${article.slug}$`));
    await expect(page.getByRole('heading', { level: 1, name: article.title })).toBeVisible();
    await expect(page.getByText(/この記事は約\d+分で読めます/)).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(article.tables);
    await expect(page.getByRole('link', { name: 'この悩みで相談する' })).toHaveAttribute('href', /\/sessions\?theme=/);
    await expectNoHorizontalScroll(page);
  }

  // The first article's tables read as tables, with their header cells.
  await page.goto(`/articles/${articles.kataomoi.slug}`);
  const checklist = page.getByRole('table').filter({ hasText: 'チェック項目' });
  await expect(checklist.getByRole('columnheader')).toHaveText(['チェック項目', '脈ありの傾向', '脈なしの傾向']);
  await expect(checklist.getByRole('row').filter({ hasText: '会う約束' })).toContainText('具体的な日程を出す');

  // The table of contents jumps to a section.
  await page
    .getByRole('navigation', { name: '目次' })
    .getByRole('link', { name: '連絡をやめる前に考えるべきこと' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: '連絡をやめる前に考えるべきこと' })).toBeInViewport();

  const related = page.getByRole('region', { name: 'こちらの記事もおすすめです' });
  await related.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/articles\/(sugaru-renai-misuterare-fuan|kokoro-wo-yurusanai-kare)$/);

  await page.getByRole('link', { name: '記事', exact: true }).click();
  await page.getByRole('searchbox', { name: '記事を検索' }).fill('見捨てられ');
  await page.getByRole('button', { name: '検索' }).click();
  await expect(page).toHaveURL(/q=/);
  await expect(page.getByRole('status')).toContainText('「見捨てられ」の検索結果');
  await expect(page.getByRole('article').first().getByRole('heading')).toHaveText(articles.sugaru.title);
});

test('an article page carries the theme into booking and links to the course and the newsletter', async ({ page }) => {
  await page.goto(`/articles/${articles.kokoro.slug}`);
  await page.getByRole('link', { name: 'この悩みで相談する' }).click();
  await expect(page).toHaveURL(/\/sessions\?theme=trust-and-defense$/);
  await expect(page.getByText('「心を許してくれない相手・信頼と防衛」についてのご相談として承ります')).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('link', { name: 'オンラインの心理学講座を見る' })).toHaveAttribute('href', '/courses');
  await expect(page.getByRole('link', { name: /無料メールマガジン/ }).first()).toHaveAttribute('href', '/newsletter');
});

test('an article fetches no other page in the background; a menu link prefetches when pointed at, then opens', async ({
  page,
}) => {
  const prefetched: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.searchParams.has('_rsc')) prefetched.push(url.pathname);
  });
  await page.goto(`/articles/${articles.kataomoi.slug}`, { waitUntil: 'networkidle' });
  expect(prefetched).toEqual([]);

  const sessions = page
    .getByRole('navigation', { name: 'メインメニュー' })
    .getByRole('link', { name: '個人セッション' });
  await sessions.hover();
  await expect.poll(() => prefetched).toContain('/sessions');
  await sessions.click();
  await expect(page).toHaveURL(/\/sessions$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('an unknown article is a friendly 404', async ({ page }) => {
  const response = await page.goto('/articles/no-such-article');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'ページが見つかりません' })).toBeVisible();
});

for (const path of [
  '/',
  '/articles',
  `/articles/${articles.kataomoi.slug}`,
  '/sessions',
  '/courses',
  '/newsletter',
  '/newsletter/archive',
]) {
  test(`${path} has the invitations it does not already carry, and exactly one subscribe form`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('form', { name: /メールマガジンの登録/ })).toHaveCount(1);
    const invitation = (name: string) => page.getByRole('region', { name, exact: true });
    // Each page shows the invitations except the one it is itself about.
    const own = path.startsWith('/sessions') ? 'session' : path.startsWith('/courses') ? 'course' : undefined;
    await expect(invitation(invitations.course.heading)).toHaveCount(own === 'course' ? 0 : 1);
    await expect(invitation(invitations.session.heading)).toHaveCount(own === 'session' ? 0 : 1);
  });
}

for (const path of ['/', '/articles', `/articles/${articles.kataomoi.slug}`, '/sessions', '/newsletter']) {
  test(`axe finds no accessibility violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expectNoAxeViolations(page);
  });
}

test('feed, sitemap, robots and health answer, with security headers', async ({ request }) => {
  const home = await request.get('/');
  const headers = home.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['strict-transport-security']).toContain('max-age=');

  const feed = await request.get('/feed.xml');
  expect(feed.headers()['content-type']).toContain('application/rss+xml');
  const xml = await feed.text();
  for (const a of Object.values(articles)) expect(xml).toContain(`/articles/${a.slug}`);

  const sitemap = await (await request.get('/sitemap.xml')).text();
  for (const a of Object.values(articles)) expect(sitemap).toContain(`/articles/${a.slug}`);
  // Every theme's self-check, each a page that answers.
  for (const t of themes) {
    const url = sitemap.match(new RegExp(`<loc>([^<]*/self-check/${t.id})</loc>`))?.[1];
    expect(url, `/self-check/${t.id} in the sitemap`).toBeDefined();
    expect((await request.get(new URL(url!).pathname)).status()).toBe(200);
  }

  expect(await (await request.get('/robots.txt')).text()).toContain('Disallow: /portal');

  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ db: 'ok', jobs: 'ok' });
  expect((await request.get('/api/health/live')).status()).toBe(200);
});

test('an article has its title, description, OpenGraph and JSON-LD', async ({ page }) => {
  await page.goto(`/articles/${articles.sugaru.slug}`);
  await expect(page).toHaveTitle(/見捨てられ不安.*｜こころの整理室/);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /縋る恋愛/);
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  expect(jsonLd['@type']).toBe('BlogPosting');
  expect(jsonLd.headline).toMatch(/見捨てられ不安/);
});

test('legal pages are filled from the site configuration', async ({ page }) => {
  await page.goto('/legal/tokushoho');
  for (const term of [
    '販売業者',
    '運営統括責任者',
    '所在地',
    '電話番号',
    'メールアドレス',
    '販売価格',
    '支払方法',
    '支払時期',
    '役務の提供時期',
    'キャンセル・返金',
  ]) {
    await expect(page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) })).toBeVisible();
  }
  await expect(page.getByText('11,000円（税込）').first()).toBeVisible();
  await page.goto('/legal/cancellation');
  await expect(page.getByRole('row', { name: /48時間前から24時間前まで/ })).toContainText('50%・5,500円');
  for (const path of ['/legal/privacy', '/legal/terms']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
  }
  // The privacy page states how long a sent mail's record is kept (the purge job's period).
  await page.goto('/legal/privacy');
  await expect(page.getByText(`送信から${retentionDays.sentNotices}日後に削除します`)).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
  await shots(page, 'privacy');
});
