import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openPglite } from './client';
import { articles } from './schema';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDataDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pglite-lock-'));
  dirs.push(dir);
  return dir;
}

/** How package.json runs scripts: `server-only` is the test stub under plain Node (tsconfig.scripts.json). */
const scriptEnv = { TSX_TSCONFIG_PATH: 'tsconfig.scripts.json' };

describe('embedded PGlite folder', () => {
  it('refuses a second process at once with a clear message, and opens again once released', async () => {
    const dataDir = tempDataDir();
    const first = await openPglite(path.join(dataDir, 'pglite'));
    try {
      const second = spawnSync('npx', ['tsx', 'scripts/db-migrate.ts'], {
        env: { ...process.env, ...scriptEnv, DATA_DIR: dataDir, DATABASE_URL: '' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(second.status).not.toBe(0);
      expect(second.stderr).toContain('is already open in another process');
    } finally {
      await first.close();
    }
    const again = spawnSync('npx', ['tsx', 'scripts/db-migrate.ts'], {
      env: { ...process.env, ...scriptEnv, DATA_DIR: dataDir, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(again.stdout).toContain('migrated pglite database');
    expect(again.status).toBe(0);
  });

  it('takes over at once a lock left by a process that was killed (kill -9)', async () => {
    const dir = path.join(tempDataDir(), 'pglite');
    const holder = spawn(
      'npx',
      [
        'tsx',
        '-e',
        `import('./db/client.ts').then((m) => m.openPglite(${JSON.stringify(dir)})).then(() => console.log('open'));`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...scriptEnv } },
    );
    // tsx keeps its child's pipes; wait for the holder to say it has the folder open
    await new Promise<void>((resolve, reject) => {
      holder.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('open') && resolve());
      holder.once('exit', (code) => reject(new Error(`holder exited early (${code})`)));
    });
    expect(fs.existsSync(`${dir}.lock`)).toBe(true);
    const ownerPid = Number(fs.readFileSync(`${dir}.lock`, 'utf8'));
    process.kill(ownerPid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 200));
    holder.kill('SIGKILL');

    const started = Date.now();
    const again = await openPglite(dir);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(fs.readFileSync(`${dir}.lock`, 'utf8').trim()).toBe(String(process.pid));
    await again.close();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });

  it('keeps data across a close and reopen', async () => {
    const dir = path.join(tempDataDir(), 'pglite');
    const a = await openPglite(dir);
    await a.migrate();
    await a.db.insert(articles).values({ slug: 'kept', title: 't', summary: 's', bodyMarkdown: 'b' });
    await a.close();
    const b = await openPglite(dir);
    const rows = await b.db.select({ slug: articles.slug }).from(articles);
    await b.close();
    expect(rows).toEqual([{ slug: 'kept' }]);
  });
});
