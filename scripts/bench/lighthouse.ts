/**
 * Lighthouse (mobile, the default form factor) on one URL, in headless Chromium. One run varies
 * by several points on a shared machine, so it runs a few times and reports the median run (by
 * Lighthouse's own choice: the run closest to the median FCP and TTI), as Lighthouse advises.
 */
import { launch } from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';

export const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof categories)[number];

export interface AuditNote {
  id: string;
  title: string;
  score: number | null;
  displayValue?: string;
}

export interface LighthouseSummary {
  /** 0–100 per category. */
  scores: Record<Category, number | null>;
  /** Core metrics (FCP, LCP, TBT, CLS, Speed Index) as Lighthouse displays them. */
  metrics: AuditNote[];
  /** Audits below a full score, per category (performance: below 0.9, metrics excluded). */
  failing: Record<Category, AuditNote[]>;
  runtimeError?: string;
  /** The performance score of every run, in order; the summary is the median run's. */
  performanceRuns: (number | null)[];
  /** Lighthouse's measure of this machine's CPU speed (higher is faster); scores depend on it. */
  benchmarkIndex?: number;
  /** The median run's Total Blocking Time, in ms. */
  totalBlockingTimeMs?: number;
  lhr: Result;
}

const chromeFlags = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const metricIds = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
];
const scored = new Set(['binary', 'numeric', 'metricSavings']);

function note(lhr: Result, id: string): AuditNote {
  const audit = lhr.audits[id];
  return { id, title: audit?.title ?? id, score: audit?.score ?? null, displayValue: audit?.displayValue };
}

function failingAudits(lhr: Result, category: Category): AuditNote[] {
  const threshold = category === 'performance' ? 0.9 : 1;
  return (lhr.categories[category]?.auditRefs ?? [])
    .filter((ref) => ref.group !== 'metrics')
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit && scored.has(audit.scoreDisplayMode) && audit.score !== null && audit.score < threshold)
    .map((audit) => note(lhr, audit!.id));
}

const score = (lhr: Result, c: Category) => {
  const value = lhr.categories[c]?.score;
  return typeof value === 'number' ? Math.round(value * 100) : null;
};

/**
 * `extraHeaders`: sent with every request of the page (a session cookie for a signed-in page);
 * `timeZone`: the browser's zone (default: the machine's).
 */
export async function runLighthouse(
  url: string,
  runs = 3,
  options: { extraHeaders?: Record<string, string>; timeZone?: string } = {},
): Promise<LighthouseSummary> {
  const chrome = await launch({
    chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    chromeFlags,
    logLevel: 'silent',
    ...(options.timeZone ? { envVars: { ...process.env, TZ: options.timeZone } as Record<string, string> } : {}),
  });
  try {
    const lhrs: Result[] = [];
    // A run whose trace recording broke (Lighthouse's NO_NAVSTART: "Please run Lighthouse again")
    // says nothing about the page: it is run again, twice at most, before the error is reported.
    let retriesLeft = 2;
    while (lhrs.length < runs) {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...categories],
        ...(options.extraHeaders && Object.keys(options.extraHeaders).length > 0
          ? { extraHeaders: options.extraHeaders }
          : {}),
      });
      if (!result) throw new Error('lighthouse returned no result');
      if (result.lhr.runtimeError?.code === 'NO_NAVSTART' && retriesLeft > 0) {
        retriesLeft--;
        continue;
      }
      lhrs.push(result.lhr);
    }
    const lhr = lhrs.find((r) => r.runtimeError) ?? computeMedianRun(lhrs);
    return {
      scores: Object.fromEntries(categories.map((c) => [c, score(lhr, c)])) as Record<Category, number | null>,
      metrics: metricIds.map((id) => note(lhr, id)),
      failing: Object.fromEntries(categories.map((c) => [c, failingAudits(lhr, c)])) as Record<Category, AuditNote[]>,
      runtimeError: lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : undefined,
      performanceRuns: lhrs.map((r) => score(r, 'performance')),
      benchmarkIndex: lhr.environment?.benchmarkIndex,
      totalBlockingTimeMs: lhr.audits['total-blocking-time']?.numericValue,
      lhr,
    };
  } finally {
    chrome.kill();
  }
}
