import type { Page } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './a11y';
import { holdAndOpenCheckout, payWithCard } from './booking-fixtures';
import { counselorPage, expect, randomIp, signIn, signedInClient, test } from './fixtures';
import { shots } from './shots';

/** A verified client with a paid session, on the portal. */
async function clientWithPaidBooking(page: Page) {
  const credentials = await signedInClient(page);
  const { bookingId } = await holdAndOpenCheckout(page);
  await payWithCard(page, '4242424242424242');
  await expect(page.getByRole('heading', { name: 'ご予約が確定しました' })).toBeVisible();
  return { ...credentials, bookingId };
}

function choose(page: Page, question: RegExp, answer: string | RegExp) {
  return page
    .getByRole('group', { name: question })
    .getByRole('radio', { name: answer, exact: typeof answer === 'string' })
    .check();
}

async function openIntakeAndConsent(page: Page, bookingId: string) {
  await page.goto('/portal');
  const item = page
    .getByRole('region', { name: '事前アンケート' })
    .getByRole('listitem')
    .filter({ has: page.locator(`a[href="/portal/intake/${bookingId}"]`) });
  await expect(item).toContainText('未回答');
  await item.getByRole('link', { name: '回答する' }).click();
  await expect(page.getByRole('heading', { name: '事前アンケート', level: 1 })).toBeVisible();
  // Nothing is stored before consent: the questions appear only after it.
  await expect(page.getByLabel(/このセッションで話したいこと/)).toHaveCount(0);
  await page.getByRole('button', { name: '同意して回答をはじめる' }).click();
  await expect(page.getByText('回答を保存するには、要配慮個人情報の取り扱いへの同意が必要です')).toBeVisible();
  await page.getByLabel(/上記の取り扱いに同意し/).check();
  await page.getByRole('button', { name: '同意して回答をはじめる' }).click();
  await expect(page.getByLabel(/このセッションで話したいこと/)).toBeVisible();
}

const draftSaved = (page: Page) => page.getByRole('status').filter({ hasText: '下書きを保存しました' });

test('after booking, a client fills the questionnaire; the draft survives a reload and another device; sending shows a reflection', async ({
  page,
  browser,
}) => {
  const { email, password, bookingId } = await clientWithPaidBooking(page);
  await openIntakeAndConsent(page, bookingId);

  // The booking carried no theme; the client picks one, and its questions appear.
  await expect(page.getByRole('radio', { name: 'テーマを選ばない（共通の質問のみ）' })).toBeChecked();
  await page.getByRole('radio', { name: '縋る恋愛・見捨てられ不安' }).check();
  await expect(page.getByRole('heading', { name: '連絡したい気持ち' })).toBeVisible();
  const goal = '別れた相手に何度も連絡してしまう自分を止めたい';
  await page.getByLabel(/このセッションで話したいこと/).fill(goal);
  await choose(page, /失恋や別れ、拒絶されたと感じるできごと/, 'この1か月以内にあった');
  await page
    .getByRole('group', { name: /この1か月で、したこと/ })
    .getByRole('checkbox', { name: /謝るメッセージ/ })
    .check();
  await expect(draftSaved(page)).toBeVisible();

  // Another device: the same account elsewhere sees the draft.
  const other = await (await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': randomIp() } })).newPage();
  await signIn(other, email, password);
  await expect(other).toHaveURL(/\/portal$/);
  await expect(other.getByRole('region', { name: '事前アンケート' })).toContainText('回答の途中です');
  await other.goto(`/portal/intake/${bookingId}`);
  await expect(other.getByLabel(/このセッションで話したいこと/)).toHaveValue(goal);
  await other.context().close();

  await page.reload();
  await expect(page.getByLabel(/このセッションで話したいこと/)).toHaveValue(goal);
  await expect(page.getByRole('radio', { name: '縋る恋愛・見捨てられ不安' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'この1か月以内にあった' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /謝るメッセージ/ })).toBeChecked();

  // Sending with questions left open says which, in Japanese, at each one.
  await page.getByRole('button', { name: '回答を送信する' }).click();
  const urge = page.getByRole('group', { name: /連絡したい衝動は/ });
  await expect(urge.getByText('いずれかを選んでください')).toBeVisible();
  await expect(
    page.getByRole('group', { name: /カウンセリングを受けたことはありますか/ }).getByText('いずれかを選んでください'),
  ).toBeVisible();

  await choose(page, /いまの気持ちのつらさ/, '4');
  await choose(page, /「見捨てられるのでは」/, /^5/);
  await urge.getByRole('radio', { name: /^5/ }).check();
  await choose(page, /気持ちを打ち明けられる人/, 'いない');
  await choose(page, /いまの相手への気持ちに近いのは/, '相手がいないと、自分を保てない気がする');
  await choose(page, /カウンセリングを受けたことはありますか/, 'ない');
  await choose(page, /通院、または服薬/, 'していない');
  await choose(page, /この2週間のあいだに/, 'なかった');
  await expect(page.getByText('よりそいホットライン')).toHaveCount(0);
  await page.getByRole('button', { name: '回答を送信する' }).click();

  await expect(page).toHaveURL(new RegExp(`/portal/intake/${bookingId}\\?notice=submitted`));
  await expect(page.getByRole('status').filter({ hasText: 'ご回答を送信しました' })).toBeVisible();
  const reflection = page.getByRole('region', { name: 'ご回答から' });
  await expect(reflection).toContainText('誰かを大切に思っていた証');
  await expect(reflection).not.toContainText(/[0-9]|高め|診断/);
  // Until 24 h before the session the answers stay editable.
  await expect(page.getByRole('button', { name: '回答を更新する' })).toBeVisible();

  await page.goto('/portal');
  await expect(
    page.getByRole('region', { name: '事前アンケート' }).getByRole('listitem').filter({ hasText: '回答済み' }),
  ).toHaveCount(1);
  const exported = await (await page.request.get('/portal/account/export')).json();
  expect(JSON.stringify(exported.intakes)).toContain(goal);
});

test.describe('on a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the questionnaire shows answered / total per section, and whether the draft is saved stays on screen at the last question', async ({
    page,
  }) => {
    const { bookingId } = await clientWithPaidBooking(page);
    await openIntakeAndConsent(page, bookingId);
    const overview = page.getByRole('navigation', { name: '質問の一覧と回答の進み具合' });
    const status = page.locator('.intake-status');
    await expect(overview.getByRole('listitem')).toHaveText([
      /ご相談について\s*3問中0問に回答/,
      /これまでのご相談と通院\s*3問中0問に回答/,
      /いまの心の状態\s*1問中0問に回答/,
    ]);
    await expect(status).toContainText('7問中 0問に回答');
    await expect(status.getByRole('status')).toHaveText('入力した内容は自動で下書き保存されます。');

    await page.getByLabel(/このセッションで話したいこと/).fill('眠れない夜が続いていて、話を聞いてほしい');
    await choose(page, /いまの気持ちのつらさ/, '3');
    await expect(overview.getByRole('listitem').first()).toContainText('3問中2問に回答');
    await expect(page.getByRole('region', { name: 'ご相談について' })).toContainText('3問中2問に回答');
    await expect(status).toContainText('7問中 2問に回答');
    // Spaces alone are not an answer.
    await page.getByLabel(/どのようにお呼びすればよいですか/).fill('   ');
    await expect(status).toContainText('7問中 2問に回答');

    // The last question, far down a long page: the save state is on screen, not at the bottom.
    await choose(page, /この2週間のあいだに/, 'なかった');
    await expect(overview.getByRole('listitem').nth(2)).toContainText('すべて回答済み');
    await expect(page.getByRole('region', { name: 'いまの心の状態' })).toContainText('すべて回答済み');
    await expect(status).toContainText('7問中 3問に回答');

    // A theme adds its sections, and their questions count.
    await page.getByRole('radio', { name: '縋る恋愛・見捨てられ不安' }).check();
    await expect(overview.getByRole('listitem')).toHaveCount(6);
    await expect(overview.getByRole('listitem').nth(1)).toContainText(/最近のできごと\s*\d+問中0問に回答/);
    await expect(status).toContainText(/\d+問中 3問に回答/);

    // At the last question, far down the now long page, the save state is on screen: the bar
    // stays at the top while the top of the form has scrolled away.
    await choose(page, /通院、または服薬/, 'していない');
    await page.getByRole('group', { name: /この2週間のあいだに/ }).scrollIntoViewIfNeeded();
    await expect(page.getByRole('group', { name: 'ご相談のテーマ' })).not.toBeInViewport();
    await expect(draftSaved(page)).toBeInViewport();
    expect(Math.round((await status.boundingBox())!.y)).toBe(0);
    await expect(status).toContainText(/\d+問中 4問に回答/);
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
    await shots(page, 'intake-progress');

    // A link of the overview takes her to the section, below the bar that stays on top.
    await overview.getByRole('link', { name: 'いまの心の状態' }).click();
    const heading = page.getByRole('heading', { name: 'いまの心の状態', level: 2 });
    await expect(heading).toBeInViewport();
    const bar = (await status.boundingBox())!;
    expect((await heading.boundingBox())!.y).toBeGreaterThanOrEqual(bar.y + bar.height - 1);

    // A positive safety answer: the panel says when the counselor reads, under the section's h2.
    await choose(page, /この2週間のあいだに/, 'ときどきあった');
    const crisis = page.getByRole('alert').filter({ hasText: 'よりそいホットライン' });
    await expect(crisis).toContainText('直前のご予約ではセッションまでに読めないこともあります');
    await expect(crisis.getByRole('heading', { level: 3, name: 'つらい気持ちを、いま誰かに話せる窓口' })).toBeVisible();
    // Every number on one line box on the phone (never 0570-／064-556).
    for (const n of await crisis.locator('a[href^="tel:"]').all()) {
      const lines = await n.evaluate((a) => new Set([...a.getClientRects()].map((r) => Math.round(r.top))).size);
      expect(lines, `${await n.textContent()} on one line`).toBe(1);
    }
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
    await shots(page, 'intake-crisis');
  });
});

test('a positive safety answer shows the crisis lines at once, and the counselor sees the flag; her read is in the audit log', async ({
  page,
  browser,
}) => {
  const { bookingId } = await clientWithPaidBooking(page);
  await openIntakeAndConsent(page, bookingId);
  await choose(page, /この2週間のあいだに/, 'ときどきあった');
  const crisis = page.getByRole('alert').filter({ hasText: 'よりそいホットライン' });
  await expect(crisis).toBeVisible();
  await expect(crisis).toContainText('0120-279-338');
  await expect(crisis).toContainText('緊急時の対応はできません');
  await expect(crisis).toContainText('カウンセラーがご回答を読むのは、セッションの前です');
  await expect(crisis).toContainText('直前のご予約ではセッションまでに読めないこともあります');
  await expect(crisis.getByRole('link', { name: '119' })).toHaveAttribute('href', 'tel:119');
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);

  // Sent at once with questions still open: refused, but the safety answer is kept as a
  // draft, and the counselor already sees the flag (not the answers) on the unfinished questionnaire.
  await page.getByRole('button', { name: '回答を送信する' }).click();
  await expect(
    page.getByRole('group', { name: /いまの気持ちのつらさ/ }).getByText('いずれかを選んでください'),
  ).toBeVisible();
  await expect(draftSaved(page)).toBeVisible();
  const counselor = await counselorPage(browser);
  await counselor.goto(`/admin/bookings/${bookingId}`);
  const intake = counselor.getByRole('region', { name: '事前アンケート' });
  await expect(intake.getByRole('alert')).toHaveText(
    '要確認：安全に関する質問に「ときどきあった」と回答されています。',
  );
  await expect(intake).toContainText('回答途中・未送信');

  await page.getByLabel(/このセッションで話したいこと/).fill('気持ちが沈んでいて、誰かと話したい');
  await choose(page, /いまの気持ちのつらさ/, /^5/);
  await choose(page, /カウンセリングを受けたことはありますか/, '以前に受けたことがある');
  await choose(page, /通院、または服薬/, '答えたくない');
  await page.getByRole('button', { name: '回答を送信する' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'ご回答を送信しました' })).toBeVisible();
  await expect(page.getByText('よりそいホットライン')).toBeVisible();
  // Right under the page's h1, the panel's heading is an h2 (axe heading-order).
  await expect(page.getByRole('heading', { level: 2, name: 'つらい気持ちを、いま誰かに話せる窓口' })).toBeVisible();
  await expectNoAxeViolations(page);

  await counselor.reload();
  await expect(intake.getByRole('alert')).toHaveText(
    '要確認：安全に関する質問に「ときどきあった」と回答されています。',
  );
  await expect(
    intake.getByRole('table', { name: /回答の要約/ }).getByRole('row', { name: /いまのつらさ/ }),
  ).toContainText('高め');
  await expect(intake).toContainText('気持ちが沈んでいて、誰かと話したい');
  await expectNoAxeViolations(counselor);

  await counselor.goto('/admin/audit');
  const latest = counselor.getByRole('region', { name: '閲覧記録の一覧' }).getByRole('row').nth(1);
  await expect(latest.getByRole('link', { name: '事前アンケートを閲覧' })).toHaveAttribute(
    'href',
    `/admin/bookings/${bookingId}`,
  );
  await counselor.context().close();
});

test('the self-check from an article answers in the browser and sends no request carrying the answers', async ({
  page,
}) => {
  await page.goto('/articles/kataomoi-renraku-yameru');
  await page.getByRole('link', { name: /このテーマのセルフチェック/ }).click();
  await expect(page).toHaveURL(/\/self-check\/unrequited-love$/);
  await expect(page.getByRole('button', { name: '結果を見る' })).toBeEnabled();

  const sent: { method: string; url: string; body: string }[] = [];
  page.on('request', (r) => sent.push({ method: r.method(), url: r.url(), body: r.postData() ?? '' }));

  await choose(page, /連絡は、どちらから始まることが多いですか/, 'ほとんど自分から');
  await choose(page, /会う約束をしようとしたとき/, '「また今度」など曖昧な返事が多い');
  await choose(page, /相手から質問が返ってきますか/, '一言の返信で終わることが多い');
  await page
    .getByRole('group', { name: /最近の自分に当てはまるもの/ })
    .getByRole('checkbox', { name: /何度もスマホを確認/ })
    .check();
  await choose(page, /安心より不安を感じることが多い/, /^5/);
  await choose(page, /この関係をどうしたいと感じていますか/, 'まだわからない');
  await page.getByRole('button', { name: '結果を見る' }).click();

  const result = page.getByRole('region', { name: 'セルフチェックの結果' });
  await expect(result).toContainText('あなたの側からの働きかけで支えられている');
  await expect(result.getByRole('link', { name: /この悩みで相談する/ })).toHaveAttribute(
    'href',
    '/sessions?theme=unrequited-love',
  );
  await expect(result.getByRole('link', { name: /連絡をやめる|片思い/ }).first()).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);

  // On a 360 px phone every crisis line's number stays on one line (one line box), never 0570-／064-556.
  await result.getByText('つらい気持ちが強いときは').click();
  const numbers = result.locator('a[href^="tel:"]');
  await expect(numbers.first()).toBeVisible();
  expect(page.viewportSize()?.width).toBeLessThanOrEqual(360);
  for (const n of await numbers.all()) {
    const lines = await n.evaluate((a) => {
      const tops = new Set([...a.getClientRects()].map((r) => Math.round(r.top)));
      return tops.size;
    });
    expect(lines, `${await n.textContent()} on one line`).toBe(1);
  }

  const answerValues = ['mostly_me', 'vague', 'rarely', 'phone', 'unsure', 'ur_who_contacts', 'answers'];
  for (const request of sent) {
    expect(request.method, request.url).toBe('GET');
    for (const value of answerValues) expect(`${request.url} ${request.body}`).not.toContain(value);
  }
  expect(await page.evaluate(() => localStorage.length + sessionStorage.length + document.cookie.length)).toBe(0);
});
