/**
 * `npm run test:cluster`: the production topology of `npm run cluster` (two `next start`
 * instances on a fresh PostgreSQL database, nginx in front with ops/nginx, an SMTP sink, the
 * Stripe emulator) put through what production does to it. Builds first unless `--no-build`.
 * The database server is CLUSTER_DATABASE_SERVER (default the local one). Prints one line per
 * check and exits 1 if any failed. CLUSTER_START_TRIALS (default 10) sets the number of
 * simultaneous-start trials.
 */
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import PgBoss from 'pg-boss';
import { openPostgres, type DatabaseHandle } from '../db/client';
import { bookings, intakeResponses, sessionTypes, users } from '../db/schema';
import { chromiumArgs, findBrowser } from '../e2e/browser';
import { holdSomeSlot, payWithCard } from '../e2e/booking-fixtures';
import { ensureAccount } from '../features/accounts/service';
import { parseKeyring } from '../features/intake/crypto';
import { sealAnswers } from '../features/intake/stored-answers';
import { createUserSession } from '../features/accounts/sessions';
import {
  type Cluster,
  createFreshDatabase,
  defaultDatabaseServer,
  dropDatabase,
  migrateAndSeed,
  productionEnv,
  startCluster,
  startInstance,
} from './lib/cluster';
import { buildForProduction, nextBin } from './lib/next-build';
import { freePort } from './lib/production-server';

const serverUrl = process.env.CLUSTER_DATABASE_SERVER || defaultDatabaseServer;
const failures: string[] = [];

function check(name: string, ok: boolean, detail = ''): void {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
  if (!ok) failures.push(name);
}

async function scenario(name: string, run: () => Promise<void>): Promise<void> {
  const started = Date.now();
  console.log(`\n--- ${name}`);
  try {
    await run();
  } catch (err) {
    check(`${name}: ran to the end`, false, err instanceof Error ? (err.stack ?? err.message) : String(err));
  }
  console.log(`    (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

if (!process.argv.includes('--no-build')) {
  buildForProduction();
}

// ---------------------------------------------------------------------------------------
// Two instances started together on a fresh database (issue #14, item 3): 10 of 10 ready.
const trials = Number(process.env.CLUSTER_START_TRIALS || 10);
await scenario(`two instances started together on a fresh database, ${trials} trials`, async () => {
  const template = 'kokoro_cluster_template';
  const templateUrl = await createFreshDatabase(serverUrl, template);
  const placeholder = { siteUrl: 'http://127.0.0.1:9', smtpPort: 9, stripeUrl: 'http://127.0.0.1:9' };
  migrateAndSeed(productionEnv({ databaseUrl: templateUrl, ...placeholder }));
  let healthy = 0;
  const problems: string[] = [];
  for (let trial = 1; trial <= trials; trial++) {
    const name = `kokoro_cluster_start_${trial}`;
    const admin = (await import('postgres')).default(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}" template "${template}"`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const env = productionEnv({ databaseUrl: url.toString(), ...placeholder });
    const started = await Promise.allSettled([startInstance('a', env), startInstance('b', env)]);
    const ok = started.every((s) => s.status === 'fulfilled');
    if (ok) healthy += 1;
    else
      problems.push(
        ...started.flatMap((s) =>
          s.status === 'rejected' ? [String(s.reason).split('\n').slice(0, 3).join(' ')] : [],
        ),
      );
    for (const s of started) {
      const instance =
        s.status === 'fulfilled'
          ? s.value
          : (s.reason as { instance?: { stop(): Promise<unknown> } } | undefined)?.instance;
      await instance?.stop();
    }
    await dropDatabase(serverUrl, name);
  }
  await dropDatabase(serverUrl, template);
  check(
    'both instances ready in every trial',
    healthy === trials,
    `${healthy} of ${trials} healthy ${problems.join(' | ')}`,
  );
});

// ---------------------------------------------------------------------------------------
// Restart safety of the embedded demo (issue #14, item 7).
await scenario('npm run demo: SIGTERM stops the whole server; a second server on its folder exits 1', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kokoro-demo-'));
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    STRIPE_EMULATOR_URL: `http://127.0.0.1:${await freePort()}`,
  };
  // SIGTERM goes to the demo script itself: npm 11 does not pass a SIGTERM sent to the `npm`
  // process on to the script (open: README, Quick start).
  const demo = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', '--no-build'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  demo.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  demo.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => demo.once('exit', (code) => resolve(code)));
  const ready = await waitFor(`http://127.0.0.1:${port}/api/health`, 90_000);
  check('the demo becomes ready', ready, output.slice(-300));

  const second = spawnSync(process.execPath, [nextBin, 'start', '--port', String(await freePort())], {
    env: { ...process.env, NODE_ENV: 'production', EMBEDDED_DEFAULTS: '1', DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 90_000,
  });
  check(
    'a second server on the same data folder exits 1 and says why',
    second.status === 1 && /already open in another process/.test(second.stderr + second.stdout),
    `exit ${second.status}: ${(second.stderr + second.stdout).trim().split('\n').slice(-2).join(' ')}`,
  );

  demo.kill('SIGTERM');
  const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), 30_000))]);
  check('npm run demo exits after SIGTERM', code !== 'timeout', `exit ${code}`);
  for (let i = 0; i < 40 && fs.existsSync(path.join(dataDir, 'pglite.lock')); i++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const stillServing = await fetch(`http://127.0.0.1:${port}/api/health/live`).then(
    () => true,
    () => false,
  );
  check('no server is left serving the port', !stillServing);
  check('the data folder lock is released', !fs.existsSync(path.join(dataDir, 'pglite.lock')));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function waitFor(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

// ---------------------------------------------------------------------------------------
const cluster: Cluster = await startCluster({ serverUrl, databaseName: 'kokoro_cluster_test' });
const handle: DatabaseHandle = await openPostgres(cluster.databaseUrl, { max: 4 });
const browser: Browser = await chromium.launch({ ...findBrowser(), args: chromiumArgs });
const [app1, app2] = cluster.instances as [Cluster['instances'][number], Cluster['instances'][number]];
console.log(`cluster: nginx ${cluster.url}, app1 ${app1.url}, app2 ${app2.url}`);

async function makeClient(label: string): Promise<{ id: string; email: string; password: string; name: string }> {
  const email = `${label}-${crypto.randomBytes(4).toString('hex')}@example.jp`;
  const password = 'correct horse battery';
  const givenName = label.replace(/[^a-z]/g, '').slice(0, 8) || 'client';
  await ensureAccount(
    { db: handle.db, now: new Date() },
    { email, password, role: 'client', familyName: '山田', givenName },
  );
  const [user] = await handle.db.select().from(users).where(eq(users.email, email));
  return { id: user!.id, email, password, name: `山田 ${givenName}` };
}

/** A confirmed 60-minute online session of `clientId`, written straight to the database. */
async function confirmedBooking(clientId: string, startsAt: Date) {
  const [type] = await handle.db.select().from(sessionTypes).where(eq(sessionTypes.slug, 'online-60'));
  const endsAt = new Date(startsAt.getTime() + 3600_000);
  const [booking] = await handle.db
    .insert(bookings)
    .values({
      clientId,
      sessionTypeId: type!.id,
      startsAt,
      endsAt,
      blockedUntil: endsAt,
      status: 'confirmed',
      priceYen: 11000,
      theme: 'abandonment-anxiety',
    })
    .returning();
  return booking!;
}

/** A session cookie for `userId`, made as Auth.js makes it (a JWT naming a user_sessions row). */
async function sessionCookie(userId: string): Promise<string> {
  const sid = await createUserSession(handle.db, userId, new Date());
  const value = await encode({
    token: { sub: userId, uid: userId, sid },
    secret: cluster.env.AUTH_SECRET!,
    salt: 'authjs.session-token',
    maxAge: 12 * 60 * 60,
  });
  return `authjs.session-token=${value}`;
}

async function contextFor(cookie: string, baseUrl: string): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  const [name, ...rest] = cookie.split('=');
  await context.addCookies([{ name: name!, value: rest.join('='), url: baseUrl }]);
  return context;
}

try {
  await scenario('private pages are never served from the proxy cache', async () => {
    const article = '/articles/kataomoi-renraku-yameru';
    const first = await fetch(cluster.url + article, { headers: { 'accept-encoding': 'gzip' } });
    const second = await fetch(cluster.url + article, { headers: { 'accept-encoding': 'gzip' } });
    check(
      'a public article is stored and then served by the proxy',
      first.status === 200 && second.headers.get('x-cache-status') === 'HIT',
      `${first.headers.get('x-cache-status')} then ${second.headers.get('x-cache-status')}`,
    );
    check(
      'security headers pass through the proxy on a cache hit',
      !!second.headers.get('content-security-policy') && second.headers.get('x-content-type-options') === 'nosniff',
    );
    check('the proxy passes a request id', !!second.headers.get('x-request-id'));

    const alice = await makeClient('alice');
    const bob = await makeClient('bob');
    const seen: string[] = [];
    for (const client of [alice, bob, alice, bob]) {
      const res = await fetch(`${cluster.url}/portal/account`, {
        headers: { cookie: await sessionCookie(client.id), 'accept-encoding': 'gzip' },
        redirect: 'manual',
      });
      const html = await res.text();
      seen.push(`${res.status} ${res.headers.get('x-cache-status')}`);
      check(`${client.email} gets her own portal`, res.status === 200 && html.includes(client.email), seen.at(-1));
      const other = client === alice ? bob : alice;
      check(`…and never the other client's`, !html.includes(other.email));
      check(`…not from the cache`, res.headers.get('x-cache-status') !== 'HIT');
    }
    const anonymous = await fetch(`${cluster.url}/portal`, { redirect: 'manual' });
    check('a signed-out visitor of /portal is sent to sign in', [302, 303, 307].includes(anonymous.status));
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // nginx flushes its log every second
    const cachedPrivate = cluster
      .nginxLog()
      .split('\n')
      .filter((line) => /"uri":"\/(portal|admin|api)/.test(line) && /"cache":"HIT"/.test(line));
    check('no /portal, /admin or /api answer came from the cache', cachedPrivate.length === 0, cachedPrivate[0]);
  });

  await scenario('one request id from the proxy to the JSON log of the app', async () => {
    const requestId = `cluster-${crypto.randomBytes(6).toString('hex')}`;
    const context = await browser.newContext({ locale: 'ja-JP', extraHTTPHeaders: { 'x-request-id': requestId } });
    const page = await context.newPage();
    await page.goto(`${cluster.url}/login`);
    await page
      .getByRole('textbox', { name: /^メールアドレス/ })
      .first()
      .fill('nobody-here@example.jp');
    await page.getByLabel('パスワード（必須）', { exact: true }).fill('a wrong password');
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await page.getByRole('alert').first().waitFor({ timeout: 30_000 });
    await context.close();
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // nginx flushes its log every second
    const appLines = cluster.instances
      .flatMap((instance) => instance.output().split('\n'))
      .filter((line) => line.includes(requestId))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    check(
      'the refused sign-in is one JSON line in the app log, with the request id nginx passed on',
      appLines.some((line) => line.event === 'sign_in_refused' && line.request_id === requestId),
      JSON.stringify(appLines[0] ?? 'no line'),
    );
    check(
      '…without the address that was typed',
      appLines.every((line) => !JSON.stringify(line).includes('nobody-here')),
    );
    check('nginx logged the same request id', cluster.nginxLog().includes(`"request_id":"${requestId}"`));
  });

  await scenario(
    'a client signs in through one instance and continues on the other; sign-out reaches both',
    async () => {
      const client = await makeClient('carol');
      const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
      const page = await context.newPage();
      await page.goto(`${app1.url}/login`);
      await page
        .getByRole('textbox', { name: /^メールアドレス/ })
        .first()
        .fill(client.email);
      await page.getByLabel('パスワード（必須）', { exact: true }).fill(client.password);
      await page.getByRole('button', { name: 'ログイン', exact: true }).click();
      await page.waitForURL(/\/portal$/, { timeout: 30_000 });
      check('signed in on app1', page.url().endsWith('/portal'));
      // Cookies belong to the host, not the port: the same browser session reaches app2.
      const cookies = await context.cookies(app1.url);
      const onApp2 = await page.goto(`${app2.url}/portal/account`);
      check(
        'the session is valid on app2',
        onApp2?.status() === 200 && (await page.content()).includes(client.email),
        page.url(),
      );
      await page.getByRole('button', { name: 'すべての端末からログアウト' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/portal'), { timeout: 30_000 });
      const replay = await browser.newContext();
      await replay.addCookies(cookies);
      const back = await (await replay.newPage()).goto(`${app1.url}/portal/account`);
      check(
        'after signing out everywhere on app2, the old cookie is refused on app1',
        !back?.url().includes('/portal'),
        back?.url(),
      );
      await replay.close();
      await context.close();
    },
  );

  // The edit made here is checked again at the end, once the documented lifetime can have run out.
  let edited: { slug: string; title: string; at: number } | undefined;
  await scenario('the counselor publishes through one instance: the other and the proxy show it', async () => {
    const [counselor] = await handle.db.select().from(users).where(eq(users.role, 'counselor'));
    const slug = `cluster-${crypto.randomBytes(3).toString('hex')}`;
    const title = `返事を待つ夜に ${slug}`;
    const early = await fetch(`${cluster.url}/articles/${slug}`);
    check('before it is published, its address answers 404 through the proxy', early.status === 404);

    const context = await contextFor(await sessionCookie(counselor!.id), app1.url);
    const page = await context.newPage();
    await page.goto(`${app1.url}/admin/articles/new`);
    await page.getByLabel('題名（必須）').fill(title);
    await page.getByLabel(/^(スラッグ|URLの末尾)/).fill(slug);
    await page.getByLabel('要約（必須）').fill('既読のまま返事がない夜の過ごし方。');
    await page.getByLabel('片思い・進展しない関係').check();
    await page.getByLabel('本文（Markdown）（必須）').fill('## 待つ時間の整え方\n\n返事を待つあいだに。\n');
    await page.getByLabel('今すぐ公開する').check();
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('いまの状態：公開中').waitFor({ timeout: 30_000 });
    const editUrl = page.url();

    for (const [where, base] of [
      ['app2', app2.url],
      ['the proxy', cluster.url],
    ] as const) {
      const article = await fetch(`${base}/articles/${slug}`);
      check(
        `the new article shows at once on ${where}`,
        article.status === 200 && (await article.text()).includes(title),
      );
      const list = await (await fetch(`${base}/articles`)).text();
      check(`…and in the article list on ${where}`, list.includes(title));
    }

    await page.goto(editUrl);
    await page.getByLabel('題名（必須）').fill(`${title}（改稿）`);
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByRole('status').filter({ hasText: '記事は公開されています' }).waitFor({ timeout: 30_000 });
    edited = { slug, title: `${title}（改稿）`, at: Date.now() };
    const onApp1 = await (await fetch(`${app1.url}/articles/${slug}`)).text();
    check('an edit shows at once on the instance that saved it', onApp1.includes(edited.title));
    // The other instance hears of it over LISTEN/NOTIFY and refreshes its own copy.
    let onApp2 = false;
    for (let i = 0; i < 20 && !onApp2; i++) {
      onApp2 = (await (await fetch(`${app2.url}/articles/${slug}`)).text()).includes(edited.title);
      if (!onApp2) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    check('…and within seconds on the other instance', onApp2, `${((Date.now() - edited.at) / 1000).toFixed(1)} s`);
    const cached = await fetch(`${cluster.url}/articles/${slug}`);
    check(
      'the proxy keeps a page no longer than the lifetime the app gives it (s-maxage=300)',
      /s-maxage=300\b/.test(cached.headers.get('cache-control') ?? ''),
      `${cached.headers.get('cache-control')}, ${cached.headers.get('x-cache-status')}`,
    );
    await context.close();
  });

  await scenario('50 clients race for one slot across both instances: exactly one hold', async () => {
    const clients = await Promise.all(Array.from({ length: 50 }, (_, i) => makeClient(`racer${i}`)));
    const cookies = await Promise.all(clients.map((c) => sessionCookie(c.id)));
    // Record the hold action's request from a real browser, then replay it for every client.
    const context = await contextFor(cookies[0]!, app1.url);
    const page = await context.newPage();
    await page.goto(`${app1.url}/book/online-60`);
    const slot = page.locator('a.slot').first();
    await slot.waitFor({ timeout: 30_000 });
    await slot.click();
    let captured: { url: string; headers: Record<string, string>; body: Buffer } | undefined;
    await page.route('**/*', async (route) => {
      const request = route.request();
      if (request.method() === 'POST' && request.headers()['next-action']) {
        captured = {
          url: request.url(),
          headers: request.headers(),
          body: request.postDataBuffer() ?? Buffer.alloc(0),
        };
        await route.abort();
      } else await route.continue();
    });
    await page.getByLabel('上のキャンセルポリシーに同意します').check();
    await page.getByRole('button', { name: 'お支払いへ進む' }).click();
    for (let i = 0; i < 100 && !captured; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    await context.close();
    if (!captured) throw new Error('the hold action was not captured');
    const target = new URL(captured.url);
    const statuses = await Promise.all(
      cookies.map(async (cookie, i) => {
        const base = i % 2 === 0 ? app1.url : app2.url;
        const headers = { ...captured!.headers, cookie, origin: base, host: new URL(base).host };
        const res = await fetch(base + target.pathname + target.search, {
          method: 'POST',
          headers,
          body: new Uint8Array(captured!.body),
          redirect: 'manual',
        });
        await res.arrayBuffer();
        return res.status;
      }),
    );
    const ids = clients.map((c) => c.id);
    const held = await handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(bookings)
      .where(and(inArray(bookings.clientId, ids), inArray(bookings.status, ['held', 'confirmed'])));
    check('exactly one hold among 50 clients', held[0]?.n === 1, `holds: ${held[0]?.n}`);
    check(
      'no server error in the race',
      statuses.every((s) => s < 500),
      JSON.stringify(countBy(statuses)),
    );
  });

  await scenario('pg-boss jobs run once across both instances', async () => {
    const boss = new PgBoss({ connectionString: cluster.databaseUrl, schema: 'pgboss', max: 2 });
    await boss.start();
    const queue = 'booking.send-reminders';
    const client = await makeClient('dora');
    await confirmedBooking(client.id, new Date(Date.now() + 23 * 3600_000 + 7 * 60_000));
    const ids = await Promise.all(Array.from({ length: 20 }, () => boss.send(queue, {})));
    const deadline = Date.now() + 90_000;
    let done: { state: string }[] = [];
    while (Date.now() < deadline) {
      done = await Promise.all(
        ids.map(async (id) => (await boss.getJobById(queue, id!)) as unknown as { state: string }),
      );
      if (done.every((j) => j?.state === 'completed')) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await boss.stop({ graceful: false });
    check(
      '20 jobs sent at once all completed',
      done.every((j) => j?.state === 'completed'),
      JSON.stringify(countBy(done.map((j) => j?.state))),
    );
    const reminders = cluster.mails.filter((m) => m.to.includes(client.email));
    check('the reminder they all race to send went out once', reminders.length === 1, `${reminders.length} mail(s)`);
  });

  await scenario(
    'rolling restart while 20 clients browse and 4 book and pay: nothing fails, nothing is lost',
    async () => {
      const client = await makeClient('erin');
      const cookie = await sessionCookie(client.id);
      // Four clients book and pay through the proxy the whole time, as people would (Stripe's
      // webhooks reach the proxy too); every answer the proxy gives them is watched.
      const bookers = await Promise.all(Array.from({ length: 4 }, (_, i) => makeClient(`booker${i}`)));
      const booked: string[] = [];
      const bookingFailures: string[] = [];
      const book = async (booker: (typeof bookers)[number]) => {
        const context = await browser.newContext({ baseURL: cluster.url, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
        const [name, ...rest] = (await sessionCookie(booker.id)).split('=');
        await context.addCookies([{ name: name!, value: rest.join('='), url: cluster.url }]);
        const page = await context.newPage();
        page.on('response', (res) => {
          if (res.status() >= 500) bookingFailures.push(`${res.status()} ${new URL(res.url()).pathname}`);
        });
        while (running) {
          try {
            await holdSomeSlot(page, {});
            await payWithCard(page, '4242424242424242');
            await page.waitForURL(/\/book\/success/, { timeout: 60_000 });
            booked.push(booker.id);
          } catch (err) {
            // Another client's hold on the same time is a person's "taken", not a failure.
            const message = err instanceof Error ? err.message.split('\n')[0]! : String(err);
            if (!/slots kept being taken/.test(message)) bookingFailures.push(`${booker.email}: ${message}`);
          }
        }
        await context.close();
      };
      const paths = ['/', '/articles', '/articles/kataomoi-renraku-yameru', '/book/online-60', '/portal', '/sessions'];
      let running = true;
      let requests = 0;
      const failed: string[] = [];
      let retriedAfterReload = 0;
      const get = (path: string, n: number) =>
        fetch(cluster.url + path, {
          headers: n % 2 === 0 ? { cookie } : {},
          redirect: 'manual',
          // nginx's own proxy_read_timeout: slower than that is the proxy's failure too
          signal: AbortSignal.timeout(60_000),
        });
      const browse = async (n: number) => {
        while (running) {
          const path = paths[(n + requests) % paths.length]!;
          try {
            let res: Response;
            try {
              res = await get(path, n);
            } catch (err) {
              // A graceful reload closes nginx's idle keep-alive connections; a request sent on
              // one at that instant meets a closed socket before nginx read it. Browsers resend
              // such a GET once on a fresh connection, and so does this client (seen once in CI).
              if (!closedBeforeAnswer(err)) throw err;
              retriedAfterReload += 1;
              res = await get(path, n);
            }
            await res.arrayBuffer();
            if (res.status >= 500) failed.push(`${res.status} ${path}`);
          } catch (err) {
            failed.push(`${path}: ${describeFetchError(err)}`);
          }
          requests += 1;
          await new Promise((resolve) => setTimeout(resolve, 250)); // a person reads before clicking on
        }
      };
      const clients = [...Array.from({ length: 20 }, (_, n) => browse(n)), ...bookers.map(book)];
      for (const instance of [app1, app2]) {
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        // The runbook's order: out of the proxy first (a graceful reload), wait until nginx's old
        // workers have exited, then stop it. Stopped while nginx still sent to it, a POST in flight
        // answered 502 (nginx repeats only idempotent requests); stopped before the old workers
        // were gone, a GET an old worker held on the cache lock for 5 s went to it alone and
        // answered 502 (seen on a loaded machine with a fixed 1.5 s pause instead of the wait).
        await cluster.setUpstreams(cluster.instances.filter((i) => i.name !== instance.name).map((i) => i.port));
        const code = await instance.stop('SIGTERM');
        check(`${instance.name} exits after SIGTERM (code ${code})`, code === 143 || code === 0);
        check(
          `${instance.name} stopped its job queue before exiting`,
          instance.output().includes('stopping the job queue'),
          instance.output().split('\n').slice(-3).join(' '),
        );
        await cluster.startInstance(instance.name, instance.port);
        await cluster.setUpstreams(cluster.instances.map((i) => i.port));
      }
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      running = false;
      await Promise.all(clients);
      check(
        '0 failed requests at the proxy',
        failed.length === 0,
        `${requests} requests, ${failed.length} failed ${failed.slice(0, 5).join('; ')}; ` +
          `${retriedAfterReload} resent on a fresh connection after a reload closed theirs`,
      );
      const active = await handle.db.execute(
        sql`select count(*)::int as n from pgboss.job where state = 'active' and started_on < now() - interval '20 seconds'`,
      );
      const rows = active as unknown as { n: number }[];
      check('no job left active by a stopped instance', rows[0]?.n === 0, `active: ${rows[0]?.n}`);
      check(
        'the 4 clients booked and paid during the restarts, with no failure',
        booked.length >= 4 && bookingFailures.length === 0,
        `${booked.length} paid bookings; ${bookingFailures.slice(0, 3).join('; ')}`,
      );
      // Give the last webhooks a moment, then: every payment taken is a confirmed booking, once.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const states = (await handle.db.execute(sql`
      select b.status, count(p.id) filter (where p.paid_at is not null)::int as paid
      from bookings b left join payments p on p.purpose = 'booking' and p.reference_id = b.id
      where b.client_id in ${bookers.map((b) => b.id)}
      group by b.id, b.status`)) as unknown as { status: string; paid: number }[];
      const confirmed = states.filter((r) => r.status === 'confirmed');
      check(
        'every paid booking is confirmed, with exactly one payment; nothing paid is left unconfirmed',
        confirmed.length === booked.length &&
          confirmed.every((r) => r.paid === 1) &&
          states.every((r) => r.status === 'confirmed' || r.paid === 0),
        JSON.stringify(countBy(states.map((r) => `${r.status}:${r.paid}`))),
      );
    },
  );

  await scenario('backup and restore into a fresh database: row counts and answers that decrypt', async () => {
    const client = await makeClient('fumi');
    const booking = await confirmedBooking(client.id, new Date(Date.now() + 40 * 24 * 3600_000));
    const id = crypto.randomUUID();
    const keyring = parseKeyring(cluster.env.INTAKE_ENCRYPTION_KEYS!);
    await handle.db.insert(intakeResponses).values({
      id,
      bookingId: booking.id,
      clientId: client.id,
      generalVersion: 1,
      consentedAt: new Date(),
      ...sealAnswers(keyring, id, { goals: '眠れるようになりたい' } as never),
    });
    const file = path.join(cluster.dir, 'backup.dump');
    const env = {
      ...process.env,
      DATABASE_URL: cluster.databaseUrl,
      INTAKE_ENCRYPTION_KEYS: cluster.env.INTAKE_ENCRYPTION_KEYS,
    };
    const backup = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db-backup.ts', file], {
      env,
      encoding: 'utf8',
    });
    check('npm run db:backup succeeds', backup.status === 0, backup.stdout.trim() + backup.stderr.trim());
    const restore = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db-restore-check.ts', file], {
      env,
      encoding: 'utf8',
    });
    check(
      'npm run db:restore-check passes',
      restore.status === 0,
      (restore.stdout + restore.stderr).trim().split('\n').slice(-2).join(' '),
    );
    const wrongKeys = { ...env, INTAKE_ENCRYPTION_KEYS: `k-other:${crypto.randomBytes(32).toString('base64')}` };
    const refused = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db-restore-check.ts', file], {
      env: wrongKeys,
      encoding: 'utf8',
    });
    check('…and fails when the answers do not decrypt with the configured keys', refused.status === 1);
  });

  await scenario('the edited article reaches the proxy within its 5-minute lifetime', async () => {
    if (!edited) return check('an article was edited earlier', false);
    // README (Production topology): nginx keeps a page for its s-maxage (5 minutes), then serves
    // it once more while it fetches the new one.
    const limit = edited.at + 5 * 60_000 + 30_000;
    const shows = async (base: string) =>
      (await (await fetch(`${base}/articles/${edited!.slug}`)).text()).includes(edited!.title);
    let where = { app2: false, proxy: false };
    while (Date.now() < limit) {
      where = { app2: where.app2 || (await shows(app2.url)), proxy: where.proxy || (await shows(cluster.url)) };
      if (where.app2 && where.proxy) break;
      await new Promise((resolve) => setTimeout(resolve, 5_000));
    }
    const minutes = ((Date.now() - edited.at) / 60_000).toFixed(1);
    check('app2 shows the edit', where.app2, `${minutes} min after saving`);
    check('the proxy shows the edit', where.proxy, `${minutes} min after saving`);
  });
} finally {
  await browser.close();
  await handle.close();
  await cluster.stop();
  await dropDatabase(serverUrl, 'kokoro_cluster_test');
}

function countBy<T>(values: T[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[String(v)] = (counts[String(v)] ?? 0) + 1;
  return counts;
}

/** The connection to the proxy was closed or reset before any answer came (undici's codes). */
function closedBeforeAnswer(err: unknown): boolean {
  const code = (err as { cause?: { code?: string } })?.cause?.code;
  return code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'EPIPE';
}

function describeFetchError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause ? `${err.message} (${cause.code ?? ''} ${cause.message ?? ''})` : err.message;
}

console.log(
  failures.length === 0
    ? '\nall cluster checks passed'
    : `\n${failures.length} check(s) failed:\n  ${failures.join('\n  ')}`,
);
process.exit(failures.length === 0 ? 0 : 1);
