/**
 * `npm run db:restore-check -- <file> [database]`: restores a backup made by `npm run
 * db:backup` into a fresh database on the server of DATABASE_URL (default name
 * `<current>_restore_check`; dropped first if it exists), then checks that every table has the
 * row count recorded at backup time and that every questionnaire answer decrypts with
 * INTAKE_ENCRYPTION_KEYS. Exits 1 if anything differs. `--keep` keeps the restored database.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import postgres from 'postgres';
import { parseKeyring } from '@/features/intake/crypto';
import { readAnswers } from '@/features/intake/stored-answers';
import { tableCounts } from './lib/backup';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const keep = process.argv.includes('--keep');
const [file, name] = args;
const url = process.env.DATABASE_URL;
const keys = process.env.INTAKE_ENCRYPTION_KEYS;
if (!file || !url || !keys) {
  console.error(
    'usage: DATABASE_URL=… INTAKE_ENCRYPTION_KEYS=… npm run db:restore-check -- <file.dump> [database] [--keep]',
  );
  process.exit(1);
}
const expected = JSON.parse(fs.readFileSync(`${file}.counts.json`, 'utf8')) as Record<string, number>;
const source = new URL(url);
const target = new URL(url);
target.pathname = `/${name ?? `${source.pathname.slice(1)}_restore_check`}`;
const targetName = target.pathname.slice(1);

const admin = postgres(url, { max: 1, onnotice: () => {} });
await admin.unsafe(`drop database if exists "${targetName}" with (force)`);
await admin.unsafe(`create database "${targetName}"`);
await admin.end({ timeout: 5 });

const restore = spawnSync('pg_restore', ['--no-owner', '--exit-on-error', '--dbname', target.toString(), file], {
  stdio: ['ignore', 'inherit', 'inherit'],
});
const problems: string[] = [];
if (restore.status !== 0) problems.push(`pg_restore failed (exit ${restore.status})`);

const sql = postgres(target.toString(), { max: 1, onnotice: () => {} });
try {
  const counts = await tableCounts(sql);
  for (const [table, count] of Object.entries(expected)) {
    if (counts[table] !== count) problems.push(`${table}: ${counts[table] ?? 'missing'} rows, ${count} at backup time`);
  }
  const keyring = parseKeyring(keys);
  const rows = await sql<{ id: string; keyId: string; answersEncrypted: string }[]>`
    select id, key_id as "keyId", answers_encrypted as "answersEncrypted" from intake_responses`;
  const unreadable = rows.filter((row) => !readAnswers(keyring, row).readable);
  if (unreadable.length > 0) {
    problems.push(
      `${unreadable.length} of ${rows.length} questionnaire answers do not decrypt with the configured keys`,
    );
  }
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(
    `restored ${file} into ${targetName}: ${Object.keys(counts).length} tables, ${total} rows; ` +
      `${rows.length - unreadable.length} of ${rows.length} questionnaire answers decrypt`,
  );
} finally {
  await sql.end({ timeout: 5 });
  if (!keep) {
    const cleanup = postgres(url, { max: 1, onnotice: () => {} });
    await cleanup.unsafe(`drop database if exists "${targetName}" with (force)`);
    await cleanup.end({ timeout: 5 });
  }
}
if (problems.length > 0) {
  console.error(`restore check FAILED:\n  - ${problems.join('\n  - ')}`);
  process.exit(1);
}
console.log('restore check passed: row counts match the backup and every answer decrypts');
