/**
 * `npm run db:backup -- [file]`: a consistent dump of DATABASE_URL (pg_dump custom format,
 * default `backup-<time>.dump`) and beside it `<file>.counts.json`, the row count of every
 * table in the very snapshot the dump was taken from (an exported snapshot held open while
 * pg_dump runs), for `npm run db:restore-check` to compare against.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import postgres from 'postgres';
import { tableCounts } from './lib/backup';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set: the backup is of the PostgreSQL database the app uses.');
  process.exit(1);
}
const file = process.argv[2] ?? `backup-${new Date().toISOString().replace(/[:.]/g, '-')}.dump`;

const sql = postgres(url, { max: 1, onnotice: () => {} });
try {
  const counts = await sql.begin('isolation level repeatable read read only', async (tx) => {
    const [{ snapshot }] = (await tx`select pg_export_snapshot() as snapshot`) as unknown as [{ snapshot: string }];
    const counted = await tableCounts(tx);
    const dump = spawnSync(
      'pg_dump',
      ['--format=custom', '--no-owner', `--snapshot=${snapshot}`, '--file', file, url],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    if (dump.status !== 0) throw new Error(`pg_dump failed (exit ${dump.status})`);
    return counted;
  });
  fs.writeFileSync(`${file}.counts.json`, JSON.stringify(counts, null, 2) + '\n');
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(
    `backup written: ${file} (${Object.keys(counts).length} tables, ${rows} rows; counts in ${file}.counts.json)`,
  );
} finally {
  await sql.end({ timeout: 5 });
}
