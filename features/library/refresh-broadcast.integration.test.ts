import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { announcePublicRefresh, listenForPublicRefresh } from './refresh-broadcast';
import { refreshToken } from './refresh-request';

let handle: DatabaseHandle;

beforeAll(async () => {
  vi.stubEnv('AUTH_SECRET', 'a-test-secret-of-at-least-32-characters!');
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle?.close();
  vi.unstubAllEnvs();
});

/** A stand-in for one app instance's refresh route: records what it is asked to refresh. */
async function instance() {
  const asked: { authorization?: string; slugs: string[] }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      asked.push({ authorization: req.headers.authorization, slugs: JSON.parse(body).slugs });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { asked, origin, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe.runIf(process.env.TEST_DATABASE_URL)('announcing a publication to every instance (PostgreSQL)', () => {
  it('reaches each listening instance once, after the transaction commits, in batches under the NOTIFY limit', async () => {
    const [one, two] = [await instance(), await instance()];
    const stops = [
      await listenForPublicRefresh(handle.url!, one.origin),
      await listenForPublicRefresh(handle.url!, two.origin),
    ];

    await announcePublicRefresh(handle.db, ['shin-kiji']);
    await vi.waitFor(() => expect(one.asked.length + two.asked.length).toBe(2), { timeout: 5_000 });
    for (const seen of [one.asked, two.asked]) {
      expect(seen).toEqual([{ authorization: `Bearer ${refreshToken()}`, slugs: ['shin-kiji'] }]);
    }

    // Inside a transaction that rolls back, nothing is announced.
    await handle.db
      .transaction(async (tx) => {
        await announcePublicRefresh(tx, ['rolled-back']);
        throw new Error('rollback');
      })
      .catch(() => {});
    // 100 long slugs (the publishing job's batch) fit: several notices, every slug once.
    const many = Array.from({ length: 100 }, (_, i) => `${'s'.repeat(90)}-${i}`);
    await announcePublicRefresh(handle.db, many);
    await vi.waitFor(() => expect(one.asked.flatMap((a) => a.slugs)).toHaveLength(101), { timeout: 5_000 });
    expect(one.asked.flatMap((a) => a.slugs)).toEqual(['shin-kiji', ...many]);
    expect(two.asked.flatMap((a) => a.slugs)).not.toContain('rolled-back');

    await Promise.all(stops.map((stop) => stop()));
    await Promise.all([one.close(), two.close()]);
  });
});
