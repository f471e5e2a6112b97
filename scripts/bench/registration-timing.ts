/**
 * Whether sign-up timing tells an existing address from a new one (issue #14): registers
 * N new addresses and N times an existing one, interleaved, through the service, and prints
 * p50/p95 of each path and how often a threshold at the midpoint of the medians classifies
 * a call correctly (50 % is chance). On PostgreSQL when TEST_DATABASE_URL is set, else PGlite.
 *   TSX_TSCONFIG_PATH=tsconfig.scripts.json npx tsx scripts/bench/registration-timing.ts [N=40]
 */
import { createTestDatabase } from '@/db/testing';
import { registerClient } from '@/features/accounts/service';
import { sampleClientProfile as profile } from '@/features/accounts/testing';

const n = Number(process.argv[2] ?? 40);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const handle = await createTestDatabase();
const ctx = { db: handle.db, now: new Date(), baseUrl: 'http://bench' };
const register = async (email: string) => {
  const started = performance.now();
  await registerClient(ctx, { ...profile, email, password: 'correct horse battery' });
  return performance.now() - started;
};
await register('existing@example.jp');
await register(`warm-${Date.now()}@example.jp`);
const existing: number[] = [];
const fresh: number[] = [];
for (let i = 0; i < n; i += 1) {
  existing.push(await register('existing@example.jp'));
  fresh.push(await register(`new-${i}-${Date.now()}@example.jp`));
}
await handle.close();

const threshold = (percentile(existing, 50) + percentile(fresh, 50)) / 2;
const slowerIsNew = percentile(fresh, 50) >= percentile(existing, 50);
const correct =
  existing.filter((t) => t < threshold === slowerIsNew).length +
  fresh.filter((t) => t >= threshold === slowerIsNew).length;
const ms = (v: number) => `${v.toFixed(1)} ms`;
console.log(`existing address: p50 ${ms(percentile(existing, 50))}, p95 ${ms(percentile(existing, 95))} (n=${n})`);
console.log(`new address:      p50 ${ms(percentile(fresh, 50))}, p95 ${ms(percentile(fresh, 95))} (n=${n})`);
console.log(`classified correctly by timing: ${((100 * correct) / (2 * n)).toFixed(0)} % (50 % = chance)`);
