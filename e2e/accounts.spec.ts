import {
  demoCounselor,
  expect,
  test,
  linkFromMail,
  register,
  signIn,
  signedInClient,
  uniqueEmail,
  verifyFromMail,
} from './fixtures';

const password = 'correct horse battery';

test('a visitor registers, signs in, verifies the address from the mail and reaches the portal', async ({ page }) => {
  const email = uniqueEmail();
  await register(page, email, password);

  // Before verification the password signs in (a new client books first), but the data
  // export waits for the verified address.
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto('/portal/account');
  await expect(page.getByRole('heading', { name: 'メールアドレスの確認をお願いします' })).toBeVisible();
  expect((await page.request.get('/portal/account/export')).status()).toBe(403);

  await verifyFromMail(page, email);
  await expect(page).toHaveURL(/\/portal\?notice=verified$/);
  await page.goto('/portal/account');
  await expect(page.getByRole('link', { name: 'データをダウンロード' })).toBeVisible();
  await page.goto('/portal');
  await expect(page.getByRole('heading', { level: 1, name: 'マイページ' })).toBeVisible();
  await expect(page.getByText('山田 花子 さん')).toBeVisible();
});

test('bad input on sign-up gets specific Japanese messages and creates nothing', async ({ page }) => {
  await page.goto('/register');
  await page.getByRole('textbox', { name: /^メールアドレス/ }).fill('not-an-address');
  await page.getByLabel(/^パスワード（必須）/).fill('short');
  await page.getByLabel('セイ（フリガナ）（必須）', { exact: true }).fill('やまだ');
  await page.getByLabel(/^電話番号/).fill('12345');
  await page.getByRole('button', { name: '登録する' }).click();
  await expect(page.getByText('メールアドレスの形式が正しくありません')).toBeVisible();
  await expect(page.getByText('パスワードは10文字以上、128文字以内で入力してください')).toBeVisible();
  await expect(page.getByText('全角カタカナで入力してください')).toBeVisible();
  await expect(page.getByText('電話番号の形式が正しくありません')).toBeVisible();
  await expect(page.getByText('利用規約とプライバシーポリシーへの同意が必要です')).toBeVisible();
  await expect(page.getByLabel('セイ（フリガナ）（必須）', { exact: true })).toHaveAttribute('aria-invalid', 'true');
});

test('before the page has its script, sign-up and sign-in take no input and cannot be sent, so nothing typed is lost or lands in the address', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const [path, button] of [
    ['/register', '登録する'],
    ['/login', 'ログイン'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('textbox', { name: /^メールアドレス/ }).first()).toBeDisabled();
    await expect(page.getByLabel(/^パスワード（必須）/).first()).toBeDisabled();
    await expect(page.getByRole('button', { name: button, exact: true })).toBeDisabled();
  }
  await context.close();
});

test('a wrong password and an unknown address get the same message', async ({ page }) => {
  const { email } = await signedInClient(page);
  await page.context().clearCookies();
  await page.goto('/login');
  await signIn(page, email, 'wrong password here');
  await expect(
    page.getByRole('alert').filter({ hasText: 'メールアドレスまたはパスワードが正しくありません' }),
  ).toBeVisible();
  await page.goto('/login');
  await signIn(page, uniqueEmail('nobody'), 'wrong password here');
  await expect(
    page.getByRole('alert').filter({ hasText: 'メールアドレスまたはパスワードが正しくありません' }),
  ).toBeVisible();
});

test('a forgotten password is reset with a single-use link', async ({ page }) => {
  const { email } = await signedInClient(page);
  await page.context().clearCookies();
  await page.goto('/forgot-password');
  await page.getByRole('textbox', { name: /^メールアドレス/ }).fill(email);
  await page.getByRole('button', { name: '再設定のメールを送る' }).click();
  await expect(page.getByRole('status')).toContainText('パスワード再設定のご案内をお送りしました');

  const link = await linkFromMail(page.request, email, /パスワードの再設定/);
  await page.goto(link);
  await page.getByLabel('新しいパスワード（必須）', { exact: true }).fill('a brand new passphrase');
  await page.getByLabel('新しいパスワード（確認）（必須）', { exact: true }).fill('a brand new passphrase');
  await page.getByRole('button', { name: 'パスワードを設定する' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'パスワードを再設定しました' })).toBeVisible();

  await signIn(page, email, password);
  await expect(
    page.getByRole('alert').filter({ hasText: 'メールアドレスまたはパスワードが正しくありません' }),
  ).toBeVisible();
  await signIn(page, email, 'a brand new passphrase');
  await expect(page).toHaveURL(/\/portal$/);

  // The same link a second time is refused.
  await page.goto(link);
  await page.getByLabel('新しいパスワード（必須）', { exact: true }).fill('yet another passphrase');
  await page.getByLabel('新しいパスワード（確認）（必須）', { exact: true }).fill('yet another passphrase');
  await page.getByRole('button', { name: 'パスワードを設定する' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'このリンクは無効か、有効期限が切れています' })).toBeVisible();
});

test('a one-time link mailed to the address signs the client in', async ({ page }) => {
  const { email } = await signedInClient(page);
  await page.context().clearCookies();
  await page.goto('/login');
  await page
    .getByRole('textbox', { name: /メールアドレス/ })
    .nth(1)
    .fill(email);
  await page.getByRole('button', { name: 'リンクを送る' }).click();
  await expect(page).toHaveURL(/\/login\/check-email/);
  const link = await linkFromMail(page.request, email, /ログイン用リンク/);
  await page.goto(link);
  await expect(page).toHaveURL(/\/portal$/);
});

test('a client is refused at /admin', async ({ page }) => {
  await signedInClient(page);
  const response = await page.goto('/admin');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'ページが見つかりません' })).toBeVisible();
});

test('a signed-out visit to /portal/account returns there after sign-in', async ({ page }) => {
  const { email } = await signedInClient(page);
  await page.getByRole('button', { name: 'ログアウト' }).click();
  await expect(page).toHaveURL(/\/login\?notice=signed-out/);

  await page.goto('/portal/account');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fportal%2Faccount/);
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/portal\/account$/);
  await expect(page.getByRole('heading', { level: 1, name: 'アカウント' })).toBeVisible();
});

test('the counselor signs in to the admin and finds a client by kana', async ({ page, browser }) => {
  const clientPage = await (await browser.newContext()).newPage();
  const { email } = await signedInClient(clientPage);
  await signIn(page, demoCounselor.email, demoCounselor.password);
  // Her home is the admin, not a client's マイページ, and the portal's menu leads back to it.
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto('/portal');
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto('/portal/account');
  await page.getByRole('navigation', { name: 'マイページのメニュー' }).getByRole('link', { name: '管理画面' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto('/admin/clients');
  await page.getByLabel('名前・フリガナ・メールアドレスで検索').fill(email);
  await page.getByRole('button', { name: '検索' }).click();
  await expect(page.getByRole('cell', { name: email })).toBeVisible();
  await expect(page.getByRole('cell', { name: /ヤマダ ハナコ/ })).toBeVisible();
});

test('the account page edits the profile, exports the data and deletes the account', async ({ page }) => {
  const { email } = await signedInClient(page);
  await page.goto('/portal/account');
  await page.getByLabel(/^電話番号/).fill('090-1234-5678');
  await page.getByRole('button', { name: '保存する' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'プロフィールを保存しました' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(/^電話番号/)).toHaveValue('090-1234-5678');

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'データをダウンロード' }).click();
  const file = await (await download).path();
  const data = JSON.parse(await (await import('node:fs/promises')).readFile(file, 'utf8'));
  expect(data.profile).toMatchObject({ email, familyName: '山田', phone: '+819012345678' });

  await page.getByLabel(/^確認のため、現在のパスワード/).fill('wrong password here');
  await page.getByRole('button', { name: 'アカウントを削除する' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'パスワードが正しくありません' })).toBeVisible();
  await page.getByLabel(/^確認のため、現在のパスワード/).fill(password);
  await page.getByRole('button', { name: 'アカウントを削除する' }).click();
  await expect(page).toHaveURL(/\/\?notice=account-deleted/);
  await page.goto('/login');
  await signIn(page, email, password);
  await expect(
    page.getByRole('alert').filter({ hasText: 'メールアドレスまたはパスワードが正しくありません' }),
  ).toBeVisible();
});

/**
 * Return addresses that browsers or a later decoding step could turn into another host
 * (issue #14). `/\t/127.0.0.1:4999/pwned` used to land Chromium on 127.0.0.1:4999.
 */
const hostileCallbacks = [
  '/\t/127.0.0.1:4999/pwned',
  '/\r/127.0.0.1:4999/pwned',
  '/\n/127.0.0.1:4999/pwned',
  '/\r\n/127.0.0.1:4999/pwned',
  '\\/127.0.0.1:4999/pwned',
  '/\\127.0.0.1:4999/pwned',
  '/\\\\127.0.0.1:4999/pwned',
  '%2F%2F127.0.0.1:4999/pwned',
  '/%2F127.0.0.1:4999/pwned',
  '/%09/127.0.0.1:4999/pwned',
  '/%5C127.0.0.1:4999/pwned',
  '///127.0.0.1:4999/pwned',
  '//127.0.0.1:4999/pwned',
  'http://127.0.0.1:4999/pwned',
  'javascript:alert(document.domain)',
];

/** Where the browser ended up, for a navigation that may have failed on a foreign host. */
async function landing(page: import('@playwright/test').Page, url: string): Promise<URL> {
  const response = await page.goto(url).catch(() => null);
  if (response) expect(response.status()).toBeLessThan(500);
  return new URL(page.url());
}

test('a signed-in visit to /login never leaves the site, whatever the return address', async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  await signedInClient(page);
  const origin = new URL(baseURL!).origin;
  for (const value of hostileCallbacks) {
    const answer = await page.request.get(`/login?callbackUrl=${encodeURIComponent(value)}`, { maxRedirects: 0 });
    expect(answer.status(), value).toBeLessThan(500);
    const location = answer.headers().location ?? '';
    expect(location, value).not.toMatch(/[\u0000-\u001f\\]/);
    expect(new URL(location, origin).origin, value).toBe(origin);
    const landed = await landing(page, `/login?callbackUrl=${encodeURIComponent(value)}`);
    expect(landed.origin, value).toBe(origin);
    expect(landed.pathname, value).toBe('/portal');
  }
  const japanese = await landing(page, `/login?callbackUrl=${encodeURIComponent('/記事')}`);
  expect(japanese.origin).toBe(origin);
  expect(decodeURIComponent(japanese.pathname)).toBe('/記事');
});

const formCorpus = [...hostileCallbacks, '/記事'];
for (let start = 0; start < formCorpus.length; start += 4) {
  const chunk = formCorpus.slice(start, start + 4);
  test(`signing in through the form never leaves the site (return addresses ${start + 1}–${start + chunk.length})`, async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const { email } = await signedInClient(page);
    const origin = new URL(baseURL!).origin;
    for (const value of chunk) {
      await page.context().clearCookies();
      await page.goto(`/login?callbackUrl=${encodeURIComponent(value)}`);
      await signIn(page, email, password);
      await page.waitForURL((url) => !url.pathname.startsWith('/login')).catch(() => undefined);
      const landed = new URL(page.url());
      expect(landed.origin, value).toBe(origin);
      if (value === '/記事') expect(decodeURIComponent(landed.pathname)).toBe('/記事');
      else expect(landed.pathname, value).toBe('/portal');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    }
  });
}
