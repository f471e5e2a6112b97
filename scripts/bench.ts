/**
 * `npm run bench`: measure the production build on embedded defaults.
 *   1. `next build` (skipped with `--no-build` when a build exists);
 *   2. `next start` on a free port with a fresh temporary data folder;
 *   3. throughput and latency (autocannon) of a static page (the baseline), an article, the home page;
 *   4. first-load JavaScript of the article (gzip), and of an empty App Router app built with the
 *      same `next` (the framework's floor);
 *   5. Lighthouse (mobile) on the article, the median of 3 runs (`--skip-lighthouse` to skip);
 *   6. the booking pages (issue #12): the calendar and the reschedule page, HTML size, first-load
 *      JS against the floor and Lighthouse (`--skip-booking-pages` to skip; `--only-booking-pages`
 *      skips 3–5 and measures the floor and the booking pages only).
 * Options: `--connections N` (default 10), `--duration S` (default 10). Prints a summary and
 * writes `.data/bench/latest.json`. Missed targets are reported, never an exit code: only a
 * server that cannot be started (or built) makes it fail.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  bookingPageTargets,
  measureBookingPage,
  signInCookie,
  writeBookingClient,
  type BookingClient,
  type BookingPageResult,
} from './bench/booking-pages';
import { measureFirstLoadJs, type FirstLoadJs } from './bench/first-load-js';
import { measureFrameworkFloor } from './bench/framework-floor';
import { measureLoad, warm, type LoadResult } from './bench/load';
import { categories, runLighthouse, type Category, type LighthouseSummary } from './bench/lighthouse';
import { startProductionServer, type ProductionServer } from './lib/production-server';

const pages = { baseline: '/legal/terms', article: '/articles/kataomoi-renraku-yameru', home: '/' } as const;
const targets = {
  articleVsBaselinePct: 90,
  firstLoadJsGzipKb: 110,
  lighthouse: { performance: 95, accessibility: 100, 'best-practices': 95, seo: 100 } satisfies Record<
    Category,
    number
  >,
};

const { values: args } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    'skip-lighthouse': { type: 'boolean', default: false },
    'skip-booking-pages': { type: 'boolean', default: false },
    'only-booking-pages': { type: 'boolean', default: false },
    connections: { type: 'string', default: '10' },
    duration: { type: 'string', default: '10' },
  },
});
const load = {
  connections: positiveInt(args.connections, 'connections'),
  duration: positiveInt(args.duration, 'duration'),
};

function positiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${value}"`);
  return n;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const pad = (s: string | number, n: number) => String(s).padEnd(n);
const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');
const log = (line = '') => console.log(line);
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

interface Report {
  startedAt: string;
  machine: { node: string; cpus: number; platform: string };
  options: typeof load & { build: boolean };
  targets: typeof targets;
  load: Partial<Record<keyof typeof pages, LoadResult>>;
  articleVsBaselinePct?: number;
  firstLoadJs?: FirstLoadJs | { error: string };
  frameworkFloorJs?: FirstLoadJs | { error: string };
  lighthouse?: Omit<LighthouseSummary, 'lhr'> | { error: string } | { skipped: true };
  bookingPages?: BookingPageResult[] | { error: string };
  frameworkFloorLighthouse?: Omit<LighthouseSummary, 'lhr'>;
}

/** Builds unless `--no-build` and a build exists; whether it built. */
function build(): boolean {
  if (args['no-build'] && existsSync('.next/BUILD_ID')) {
    log('[bench] --no-build: using the existing .next build');
    return false;
  }
  log('[bench] npx next build');
  const result = spawnSync('npx', ['next', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) {
    console.error(`[bench] next build failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
  return true;
}

async function measure(server: ProductionServer, report: Report, client?: BookingClient): Promise<void> {
  if (!args['only-booking-pages']) await measureArticle(server, report);
  else await measureFloor(report);
  if (client) await measureBookingPages(server, report, client);
}

async function measureFloor(report: Report): Promise<void> {
  log('[bench] first-load JS of an empty App Router app built with the same next (the floor)');
  try {
    // With the booking pages, Lighthouse on the empty app too: the TBT no App Router page can go below here.
    const floor = await measureFrameworkFloor(
      process.cwd(),
      args['skip-booking-pages'] || args['skip-lighthouse']
        ? undefined
        : async (url) => {
            const summary: Partial<LighthouseSummary> = await runLighthouse(url, 3, { timeZone: 'Asia/Tokyo' });
            delete summary.lhr;
            report.frameworkFloorLighthouse = summary as Omit<LighthouseSummary, 'lhr'>;
            log('  lighthouse (mobile) on the empty app:');
            logLighthouse(report.frameworkFloorLighthouse);
          },
    );
    report.frameworkFloorJs = floor;
    log(`  total ${kb(floor.totalGzipBytes)} KB gzip in ${floor.chunks.filter((c) => !c.noModule).length} chunks`);
  } catch (error) {
    report.frameworkFloorJs = { error: errorText(error) };
    log(`  failed: ${errorText(error)}`);
  }
}

function logLighthouse(summary: Omit<LighthouseSummary, 'lhr'>): void {
  if (summary.runtimeError) log(`  runtime error: ${summary.runtimeError}`);
  log(
    `  performance per run ${summary.performanceRuns.join(', ')}; the median run follows (machine benchmarkIndex ${summary.benchmarkIndex?.toFixed(0) ?? '-'})`,
  );
  for (const m of summary.metrics)
    log(`  ${pad(m.title, 26)} ${pad(m.displayValue ?? '-', 10)} score ${m.score ?? '-'}`);
  for (const c of categories) {
    for (const a of summary.failing[c])
      log(`  [${c}] ${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}; score ${a.score}`);
  }
}

async function measureBookingPages(server: ProductionServer, report: Report, client: BookingClient): Promise<void> {
  try {
    const cookie = await signInCookie(server.url, client);
    const results: BookingPageResult[] = [];
    for (const page of [
      { name: 'booking calendar', file: 'booking', path: '/book/online-60' },
      {
        name: 'reschedule (signed in)',
        file: 'reschedule',
        path: `/portal/bookings/${client.bookingId}/reschedule`,
        cookie,
      },
    ]) {
      await warm(server.url + page.path, page.cookie ? { cookie: page.cookie } : undefined);
      log(`[bench] booking page: ${page.path}`);
      const r = await measureBookingPage(server.url, page, { lighthouse: !args['skip-lighthouse'] });
      results.push(r);
      log(`  HTML ${kb(r.htmlBytes)} KB (${kb(r.htmlGzipBytes)} KB gzip)`);
      if (r.firstLoadJs && 'chunks' in r.firstLoadJs)
        log(`  first-load JS ${kb(r.firstLoadJs.totalGzipBytes)} KB gzip (${kb(r.firstLoadJs.totalRawBytes)} KB raw)`);
      else if (r.firstLoadJs) log(`  first-load JS failed: ${r.firstLoadJs.error}`);
      if (r.lighthouse && 'scores' in r.lighthouse) logLighthouse(r.lighthouse);
      else if (r.lighthouse && 'error' in r.lighthouse) log(`  lighthouse failed: ${r.lighthouse.error}`);
    }
    report.bookingPages = results;
  } catch (error) {
    report.bookingPages = { error: errorText(error) };
    log(`  booking pages failed: ${errorText(error)}`);
  }
}

async function measureArticle(server: ProductionServer, report: Report): Promise<void> {
  for (const path of Object.values(pages)) await warm(server.url + path);

  for (const [name, path] of Object.entries(pages) as [keyof typeof pages, string][]) {
    log(`[bench] load: ${path} (${load.connections} connections, ${load.duration} s)`);
    const r = await measureLoad(server.url + path, load);
    report.load[name] = r;
    log(
      `  ${r.requestsPerSec.toFixed(0)} req/s; latency p50 ${r.latencyMs.p50} ms, p90 ${r.latencyMs.p90} ms, p99 ${r.latencyMs.p99} ms; ${kb(r.bytesPerResponse)} KB per response; ${r.requests} requests, non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts}`,
    );
  }
  const { baseline, article } = report.load;
  if (baseline && article && baseline.requestsPerSec > 0) {
    report.articleVsBaselinePct = (article.requestsPerSec / baseline.requestsPerSec) * 100;
    log(
      `[bench] article throughput = ${report.articleVsBaselinePct.toFixed(1)} % of the baseline (target ≥ ${targets.articleVsBaselinePct} %)`,
    );
  }

  log(`[bench] first-load JS of ${pages.article}`);
  try {
    const js = await measureFirstLoadJs(server.url + pages.article);
    report.firstLoadJs = js;
    for (const c of js.chunks) {
      log(
        `  ${pad(kb(c.gzipBytes) + ' KB', 10)} (${pad(kb(c.rawBytes) + ' KB raw)', 14)} ${c.path}${c.noModule ? '  [nomodule: not counted]' : ''}`,
      );
    }
    const counted = js.chunks.filter((c) => !c.noModule).length;
    log(
      `  total ${kb(js.totalGzipBytes)} KB gzip (${kb(js.totalRawBytes)} KB raw) in ${counted} chunks; target ≤ ${targets.firstLoadJsGzipKb} KB`,
    );
    log(`  (not counted: ${js.inlineScripts.count} inline scripts, ${kb(js.inlineScripts.gzipBytes)} KB gzip)`);
  } catch (error) {
    report.firstLoadJs = { error: errorText(error) };
    log(`  failed: ${errorText(error)}`);
  }

  await measureFloor(report);

  if (args['skip-lighthouse']) {
    report.lighthouse = { skipped: true };
    return;
  }
  log(`[bench] lighthouse (mobile) on ${pages.article}`);
  try {
    const { lhr, ...summary } = await runLighthouse(server.url + pages.article);
    report.lighthouse = summary;
    writeFileSync('.data/bench/lighthouse-article.json', JSON.stringify(lhr, null, 2));
    logLighthouse(summary);
  } catch (error) {
    report.lighthouse = { error: errorText(error) };
    log(`  failed: ${errorText(error)}`);
  }
}

function summarize(report: Report): void {
  log('\n=== Summary ===');
  log(
    `${pad('page', 36)} ${pad('req/s', 8)} ${pad('p50', 6)} ${pad('p90', 6)} ${pad('p99', 6)} ${pad('KB/resp', 8)} ${pad('non2xx', 7)} errors`,
  );
  for (const [name, path] of Object.entries(pages) as [keyof typeof pages, string][]) {
    const r = report.load[name];
    if (r)
      log(
        `${pad(path, 36)} ${pad(r.requestsPerSec.toFixed(0), 8)} ${pad(r.latencyMs.p50, 6)} ${pad(r.latencyMs.p90, 6)} ${pad(r.latencyMs.p99, 6)} ${pad(kb(r.bytesPerResponse), 8)} ${pad(r.non2xx, 7)} ${r.errors + r.timeouts}`,
      );
  }
  const pct = report.articleVsBaselinePct;
  if (pct !== undefined)
    log(
      `article / baseline throughput   ${pct.toFixed(1)} %   target ≥ ${targets.articleVsBaselinePct} %   ${mark(pct >= targets.articleVsBaselinePct)}`,
    );
  const js = report.firstLoadJs;
  if (js && 'chunks' in js) {
    const total = js.totalGzipBytes / 1024;
    log(
      `article first-load JS (gzip)    ${total.toFixed(1)} KB   target ≤ ${targets.firstLoadJsGzipKb} KB   ${mark(total <= targets.firstLoadJsGzipKb)}`,
    );
  } else if (js) log(`article first-load JS           failed: ${js.error}`);
  const floor = report.frameworkFloorJs;
  if (floor && 'chunks' in floor)
    log(
      `empty App Router app (floor)    ${(floor.totalGzipBytes / 1024).toFixed(1)} KB   (what next ships before any page code)`,
    );
  else if (floor) log(`empty App Router app (floor)    failed: ${floor.error}`);
  const lh = report.lighthouse;
  if (lh && 'scores' in lh) {
    for (const c of categories) {
      const score = lh.scores[c];
      log(
        `lighthouse ${pad(c, 20)} ${pad(score ?? '-', 8)} target ≥ ${targets.lighthouse[c]}   ${mark(score !== null && score >= targets.lighthouse[c])}`,
      );
    }
  } else if (lh && 'error' in lh) log(`lighthouse                      failed: ${lh.error}`);
  else if (lh) log('lighthouse                      skipped');
  summarizeBookingPages(report);
  log('\nwritten: .data/bench/latest.json');
}

function summarizeBookingPages(report: Report): void {
  const pagesMeasured = report.bookingPages;
  if (!pagesMeasured) return;
  if ('error' in pagesMeasured) {
    log(`booking pages                   failed: ${pagesMeasured.error}`);
    return;
  }
  const t = bookingPageTargets;
  const floorLh = report.frameworkFloorLighthouse;
  if (floorLh)
    log(
      `\nempty App Router app (floor): lighthouse perf ${floorLh.scores.performance ?? '-'} (runs ${floorLh.performanceRuns.join(', ')}), TBT ${floorLh.metrics.find((m) => m.id === 'total-blocking-time')?.displayValue ?? '-'}; benchmarkIndex ${floorLh.benchmarkIndex?.toFixed(0) ?? '-'}`,
    );
  const floor = report.frameworkFloorJs && 'chunks' in report.frameworkFloorJs ? report.frameworkFloorJs : undefined;
  for (const p of pagesMeasured) {
    log(`\n${p.name}: ${p.path}`);
    const html = p.htmlBytes / 1024;
    log(
      `  HTML                 ${pad(html.toFixed(1) + ' KB', 10)} target ≤ ${t.htmlKb} KB   ${mark(html <= t.htmlKb)}`,
    );
    if (p.firstLoadJs && 'chunks' in p.firstLoadJs) {
      const js = p.firstLoadJs.totalGzipBytes / 1024;
      if (floor) {
        const over = js - floor.totalGzipBytes / 1024;
        log(
          `  first-load JS gzip   ${pad(js.toFixed(1) + ' KB', 10)} floor + ${over.toFixed(1)} KB; target ≤ floor + ${t.jsOverFloorKb} KB   ${mark(over <= t.jsOverFloorKb)}`,
        );
      } else log(`  first-load JS gzip   ${js.toFixed(1)} KB (no floor measured)`);
    }
    const lh = p.lighthouse;
    if (lh && 'scores' in lh) {
      const perf = lh.scores.performance;
      const tbtAudit = lh.metrics.find((m) => m.id === 'total-blocking-time');
      log(
        `  lighthouse perf      ${pad(perf ?? '-', 10)} target ≥ ${t.performance}   ${mark(perf !== null && perf >= t.performance)}   (runs ${lh.performanceRuns.join(', ')}; benchmarkIndex ${lh.benchmarkIndex?.toFixed(0) ?? '-'})`,
      );
      const tbtMs = lh.totalBlockingTimeMs;
      log(
        `  total blocking time  ${pad(tbtAudit?.displayValue ?? '-', 10)} target ≤ ${t.tbtMs} ms   ${mark(tbtMs !== undefined && tbtMs <= t.tbtMs)}`,
      );
      log(
        `  a11y / BP / SEO      ${lh.scores.accessibility ?? '-'} / ${lh.scores['best-practices'] ?? '-'} / ${lh.scores.seo ?? '-'}   (SEO: the page is noindex on purpose)`,
      );
    } else if (lh && 'error' in lh) log(`  lighthouse failed: ${lh.error}`);
  }
}

async function main(): Promise<void> {
  const built = build();
  mkdirSync('.data/bench', { recursive: true });
  const report: Report = {
    startedAt: new Date().toISOString(),
    machine: { node: process.version, cpus: os.availableParallelism(), platform: `${os.platform()} ${os.arch()}` },
    options: { ...load, build: built },
    targets,
    load: {},
  };
  // The booking pages need a client with a session in the server's data, written before it starts.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kokoro-bench-'));
  let client: BookingClient | undefined;
  if (!args['skip-booking-pages']) {
    try {
      client = await writeBookingClient(dataDir);
    } catch (error) {
      report.bookingPages = { error: errorText(error) };
      log(`[bench] booking data: ${errorText(error)}`);
    }
  }
  let server: ProductionServer;
  try {
    server = await startProductionServer({ dataDir });
  } catch (error) {
    console.error(`[bench] ${errorText(error)}`);
    process.exit(1);
  }
  log(`[bench] server ready on ${server.url} (data in ${server.dataDir})`);
  try {
    await measure(server, report, client);
  } catch (error) {
    log(`[bench] measuring stopped: ${errorText(error)}`);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  writeFileSync('.data/bench/latest.json', JSON.stringify(report, null, 2) + '\n');
  summarize(report);
}

main().catch((error: unknown) => {
  console.error(`[bench] ${errorText(error)}`);
  process.exitCode = 1;
});
