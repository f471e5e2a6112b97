/**
 * The end-to-end suite against a production build: checks for a browser first (so a
 * missing one is reported before a long build), builds, then runs Playwright on a free port
 * with embedded defaults and a fresh data folder.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findBrowser } from '../e2e/browser';
import { writePastSessions } from '../e2e/past-sessions';
import { buildForProduction } from './lib/next-build';
import { freePort } from './lib/production-server';

try {
  findBrowser();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}

if (!process.argv.includes('--no-build')) buildForProduction();

// Pages an earlier run cached on disk came from another data folder: start without them.
fs.rmSync('.next/server/route-cache', { recursive: true, force: true });

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-data-'));
await writePastSessions(dataDir);
const port = await freePort();
const stripePort = await freePort();
const passthrough = process.argv.slice(2).filter((a) => a !== '--no-build');
const tests = spawnSync('npx', ['playwright', 'test', ...passthrough], {
  stdio: 'inherit',
  env: { ...process.env, E2E_PORT: String(port), E2E_STRIPE_PORT: String(stripePort), E2E_DATA_DIR: dataDir },
});
fs.rmSync(dataDir, { recursive: true, force: true });
if (tests.status !== 0) printFailedPages();
// Next compares a cached page's wall-clock time with a revalidation's monotonic time: if the
// machine's clock was stepped during the run, the two disagree (the server started with this run).
const drift = Date.now() - (performance.timeOrigin + performance.now());
console.log(`e2e: the wall clock moved ${Math.round(drift)} ms against the monotonic clock during the run`);
process.exit(tests.status ?? 1);

/**
 * What each failed test's page showed (Playwright's accessibility snapshot), at the end of the
 * output where CI's log keeps it: the traces stay on the machine that ran them.
 */
function printFailedPages() {
  const contexts = fs.existsSync('test-results')
    ? fs
        .readdirSync('test-results')
        .sort()
        .map((dir) => path.join('test-results', dir, 'error-context.md'))
        .filter((file) => fs.existsSync(file))
        .slice(0, 4)
    : [];
  for (const file of contexts) {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    console.log(`\n--- ${file} (${lines.length} lines, first 80)\n${lines.slice(0, 80).join('\n')}`);
  }
}
