import { expectNoAxeViolations, expectNoHorizontalScroll } from './a11y';
import { counselorPage, expect, test } from './fixtures';
import { shots } from './shots';

for (const { width, name, sessionType } of [
  { width: 390, name: '3回券', sessionType: 'オンラインセッション（60分）' },
  { width: 1280, name: '3回券（対面）', sessionType: '対面セッション（60分）' },
]) {
  test(`the counselor creates a ${name} at ${width} px, then stops selling it`, async ({ browser }) => {
    const page = await counselorPage(browser);
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/admin/settings');
    await page.getByRole('link', { name: '回数券' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '回数券' })).toBeVisible();

    const form = page.getByRole('form', { name: '新しい回数券' });
    await form.getByLabel('名前').fill(name);
    await form.getByLabel('料金（円・税込）').fill('30000');
    await form.getByRole('button', { name: '追加する' }).click();
    // Nothing chosen yet: the form says what is missing and saves nothing.
    await expect(form.getByText('対象のセッションを1つ以上選んでください')).toBeVisible();
    await expectNoAxeViolations(page);
    await shots(page, `packages-error-${width}`);

    await form.getByRole('group', { name: '使えるセッション' }).getByLabel(sessionType).check();
    await form.getByRole('button', { name: '追加する' }).click();
    await expect(form.getByRole('status')).toHaveText(`${name}を追加しました。`);

    const saved = page.getByRole('form', { name: `${name}の編集` });
    await expect(saved.getByLabel('回数', { exact: true })).toHaveValue('3');
    await expect(saved.getByLabel('料金（円・税込）')).toHaveValue('30000');
    await expect(saved.getByLabel('有効期間（か月）')).toHaveValue('3');
    await expect(saved.getByLabel(sessionType)).toBeChecked();
    // The form for a new one is empty again.
    await expect(form.getByLabel('名前')).toHaveValue('');
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
    await shots(page, `packages-${width}`);

    await saved.getByLabel(/^販売する/).uncheck();
    await saved.getByRole('button', { name: '保存する' }).click();
    await expect(saved.getByRole('status')).toHaveText('回数券を保存しました。');
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: `${name}（販売停止中）` })).toBeVisible();
    await expect(page.getByRole('form', { name: `${name}の編集` }).getByLabel(/^販売する/)).not.toBeChecked();
  });
}
