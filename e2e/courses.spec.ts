import { cohortPanel, createCohort, registerAndPay, seededCourse } from './course-fixtures';
import { payWithCard } from './booking-fixtures';
import { counselorPage, expect, expectAccessible, linkFromMail, signIn, signedInClient, test } from './fixtures';

// Each journey here sets up its own cohort as the counselor first, then plays one or two clients:
// long, so each gets three times the usual budget (test.slow()) on a busy machine.

test('a visitor registers for the course on a phone: cohort, sign-in, seat held, question, terms, card 4242, schedule and materials in the portal', async ({
  page,
  browser,
}) => {
  test.slow();
  const cohort = await createCohort(browser, { capacity: 3, priceYen: 29800, audit: true });
  const { email, password } = await signedInClient(page);
  await page.getByRole('button', { name: 'ログアウト' }).click();
  await expect(page).toHaveURL(/\/login/);

  // Looking needs no sign-in: dates, seats left and the deadline are shown.
  await page.goto('/courses');
  await page.getByRole('link', { name: seededCourse.title }).click();
  const panel = cohortPanel(page, cohort.name);
  await expect(panel).toContainText('29,800円（税込）');
  await expect(panel).toContainText('3席（定員3名）');
  await expect(panel.getByRole('listitem')).toHaveCount(1);
  await expect(panel).not.toContainText(cohort.meetingUrl);
  await expectAccessible(page);

  await panel.getByRole('link', { name: 'ログインして申し込む' }).click();
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await signIn(page, email, password);
  await expect(page).toHaveURL(new RegExp(`/courses/${seededCourse.slug}$`));

  await cohortPanel(page, cohort.name)
    .getByRole('button', { name: /この回に申し込む/ })
    .click();
  await expect(page).toHaveURL(/\/courses\/apply\//);
  await expect(page.getByText(/お席の確保の残り時間/)).toBeVisible();
  await expect(page.getByText('全額の29,800円（税込）を返金します')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/整理したいこと/).fill('人間関係で同じところを回ってしまうので、整理したいです。');

  // Paying needs the agreement to the course terms.
  await page.getByRole('button', { name: /お支払いへ進む/ }).click();
  await expect(page.getByText('講座のキャンセル規定への同意が必要です')).toBeVisible();
  await page.getByLabel('上の講座のキャンセル規定に同意します').check();
  await page.getByRole('button', { name: /お支払いへ進む/ }).click();
  await expect(page.getByText('29,800円（税込）').first()).toBeVisible();
  await payWithCard(page, '4242 4242 4242 4242');
  await expect(page).toHaveURL(/\/courses\/success\?session_id=cs_/);
  await expect(page.getByRole('heading', { name: 'お申し込みが完了しました' })).toBeVisible();

  await page.getByRole('link', { name: '講義の日程と資料を見る' }).click();
  await expect(page.getByRole('heading', { level: 1, name: seededCourse.title })).toBeVisible();
  await expect(page.getByRole('heading', { name: `第1回　${cohort.lessonTitle}` })).toBeVisible();
  // Three weeks ahead, the meeting link is not shown yet; the page says when it will be.
  await expect(page.getByText(/参加用のリンクは、講義の24時間前（.+）からここに表示されます。/)).toBeVisible();
  await expect(page.getByRole('link', { name: '第1回の講義に参加する（ビデオ通話）' })).toHaveCount(0);
  expect(await page.getByRole('main').innerHTML()).not.toContain(cohort.meetingUrl);
  await expect(page.getByRole('heading', { name: '事前に読むもの' })).toBeVisible();
  await expect(page.getByText('自分の立ち位置を書き出すワーク')).toBeVisible();
  await expect(page.getByText('今キャンセルすると全額の29,800円（税込）を返金します。')).toBeVisible();
  await expectAccessible(page);

  const ics = await (await page.request.get(`${page.url()}/ics`)).text();
  expect(ics).toContain('BEGIN:VEVENT');
  expect(ics).not.toContain(cohort.meetingUrl);
  expect(await linkFromMail(page.request, email, /講座お申し込みの確認/)).toContain(
    `/portal/courses/${cohort.cohortId}`,
  );

  await page.goto('/portal/payments');
  await expect(page.getByRole('cell', { name: 'お支払い済み' })).toBeVisible();
});

test('a full cohort offers its waitlist; a cancellation offers the seat to the first in line by mail', async ({
  page,
  browser,
}) => {
  test.slow();
  const cohort = await createCohort(browser, { capacity: 1 });
  const holder = await (await browser.newContext()).newPage();
  await signedInClient(holder);
  await registerAndPay(holder, cohort.name);

  const { email } = await signedInClient(page);
  await page.goto(`/courses/${seededCourse.slug}`);
  const panel = cohortPanel(page, cohort.name);
  await expect(panel).toContainText('満席（キャンセル待ちを受け付けています）');
  await expect(panel.getByRole('button', { name: /この回に申し込む/ })).toHaveCount(0);
  await panel.getByRole('button', { name: 'キャンセル待ちに登録する' }).click();
  await expect(panel).toContainText('キャンセル待ちに登録しています');
  await page.reload();
  await expect(cohortPanel(page, cohort.name)).toContainText('キャンセル待ちに登録しています');

  // The holder cancels from the portal, seeing the refund first; the seat goes to the line.
  await holder.goto(`/portal/courses/${cohort.cohortId}`);
  await expect(holder.getByText('今キャンセルすると全額の33,000円（税込）を返金します。')).toBeVisible();
  await holder.getByRole('button', { name: '受講をキャンセルする' }).click();
  await expect(holder.getByRole('status').filter({ hasText: '講座のキャンセルを承りました' })).toBeVisible();

  const offer = await linkFromMail(page.request, email, /講座のお席に空きが出ました/);
  await page.goto(offer);
  await expect(page.getByText(/お席の確保の残り時間：2[34]時間/)).toBeVisible();
  await page.getByLabel('上の講座のキャンセル規定に同意します').check();
  await page.getByRole('button', { name: /お支払いへ進む/ }).click();
  await payWithCard(page, '4242424242424242');
  await expect(page.getByRole('heading', { name: 'お申し込みが完了しました' })).toBeVisible();
});

test('materials and meeting links of a cohort are 404 for anyone not enrolled', async ({ page, browser }) => {
  test.slow();
  const cohort = await createCohort(browser, { capacity: 2 });
  await signedInClient(page);
  for (const path of [`/portal/courses/${cohort.cohortId}`, `/portal/courses/${cohort.cohortId}/ics`]) {
    const response = await page.request.get(path);
    expect(response.status()).toBe(404);
    expect(await response.text()).not.toContain(cohort.meetingUrl);
  }
});

test('the counselor mails all participants, then cancels the cohort: everyone paid is refunded in full and told', async ({
  page,
  browser,
}) => {
  test.slow();
  const cohort = await createCohort(browser, { capacity: 2 });
  const { email } = await signedInClient(page);
  await registerAndPay(page, cohort.name);

  const admin = await counselorPage(browser);
  await admin.goto(`/admin/courses/cohorts/${cohort.cohortId}`);
  await expect(admin.getByRole('region', { name: '受講者とお支払いの状態' })).toContainText(
    'お支払い済み・33,000円（税込）',
  );
  await admin.getByLabel('件名').fill('第1回の資料について');
  await admin.getByLabel('本文（空行で段落を分けます）').fill('資料をマイページに掲載しました。');
  await admin.getByRole('button', { name: '送信する' }).click();
  await expect(admin.getByRole('status').filter({ hasText: '1名の受講者にメールを送りました。' })).toBeVisible();
  expect(await linkFromMail(page.request, email, /第1回の資料について/)).toContain(
    `/portal/courses/${cohort.cohortId}`,
  );

  await admin.getByRole('button', { name: 'この開講回を中止して全員に返金する' }).click();
  await expect(admin.getByRole('heading', { level: 1 })).toContainText('（中止）');
  await expect(admin.getByText(/に開講を中止しました。お支払い済みの方には全額を返金し/)).toBeVisible();
  await expect(admin.getByRole('region', { name: '受講者とお支払いの状態' })).toContainText('返金済み');
  await expect(admin.getByRole('button', { name: 'この開講回を中止して全員に返金する' })).toHaveCount(0);

  await expect
    .poll(async () => (await page.request.get(`/dev/mail?to=${encodeURIComponent(email)}`)).text())
    .toContain('講座の開講中止のお知らせ');
  await page.goto('/portal/payments');
  await expect(page.getByRole('cell', { name: '返金済み' })).toBeVisible();
  expect((await page.request.get(`/portal/courses/${cohort.cohortId}`)).status()).toBe(404);
});

test('the counselor cancels one participant’s seat from the roster: a confirmation names them and the refund, then the roster shows it cancelled and refunded in full', async ({
  page,
  browser,
}) => {
  test.slow();
  const cohort = await createCohort(browser, { capacity: 2, priceYen: 11000 });
  const { email } = await signedInClient(page);
  await registerAndPay(page, cohort.name);
  const other = await (await browser.newContext()).newPage();
  const { email: otherEmail } = await signedInClient(other);
  await registerAndPay(other, cohort.name);

  const admin = await counselorPage(browser);
  await admin.goto(`/admin/courses/cohorts/${cohort.cohortId}`);
  const roster = admin.getByRole('region', { name: '受講者とお支払いの状態' });
  const row = roster.getByRole('row').filter({ hasText: email }).first();
  const otherRow = roster.getByRole('row').filter({ hasText: otherEmail }).first();
  await expect(row).toContainText('受講確定');
  await expect(row).toContainText('お支払い済み・11,000円（税込）');

  // Opening the control, from the keyboard, only asks: it names the participant and the amount.
  const participant = `山田 花子さん（${email}）`;
  const confirmation = roster.getByRole('form', { name: `${participant}：このお席をキャンセル（全額返金）` });
  await expect(confirmation).toHaveCount(0);
  await roster.locator('summary', { hasText: participant }).focus();
  await admin.keyboard.press('Enter');
  await expect(confirmation).toContainText(
    `${participant}のお席をキャンセルし、お支払いの11,000円（税込）を全額返金します。`,
  );
  await expect(row).toContainText('受講確定');
  await expectAccessible(admin);

  await confirmation.getByRole('button', { name: 'キャンセルして全額返金する' }).press('Enter');
  await expect(confirmation.getByRole('status')).toHaveText(
    'お席をキャンセルし、11,000円（税込）を全額返金しました。ご本人にはメールでお知らせしました。',
  );
  await expect(row).toContainText('キャンセル（カウンセラーから）');
  await expect(row).toContainText('返金済み・11,000円（税込）・返金 11,000円（税込）');
  await expect(confirmation.getByRole('button', { name: 'キャンセルして全額返金する' })).toBeDisabled();
  // Keyboard focus stays where it was, not thrown back to the top of the page.
  await expect(confirmation.getByRole('button', { name: 'キャンセルして全額返金する' })).toBeFocused();
  // Only that seat: the other participant is still enrolled and paid.
  await expect(otherRow).toContainText('受講確定');
  await expect(otherRow).toContainText('お支払い済み・11,000円（税込）');
  await expectAccessible(admin);

  await admin.reload();
  await expect(row).toContainText('返金済み・11,000円（税込）・返金 11,000円（税込）');
  await expect(roster.locator('summary', { hasText: participant })).toHaveCount(0);
  await expect(roster.locator('summary', { hasText: otherEmail })).toBeVisible();

  expect(await (await page.request.get(`/dev/mail?to=${encodeURIComponent(email)}`)).text()).toContain(
    'カウンセラーの都合により',
  );
  await page.goto('/portal/payments');
  await expect(page.getByRole('cell', { name: '返金済み' })).toBeVisible();
});
