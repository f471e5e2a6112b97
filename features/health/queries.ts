import 'server-only';
import { getDb } from '@/db';
import { pingDatabase } from '@/db/client';

const timeoutMs = 3_000;

export async function getHealth(): Promise<{ db: 'ok' | 'unavailable' }> {
  try {
    await Promise.race([
      getDb().then(pingDatabase),
      new Promise((_, reject) => setTimeout(() => reject(new Error('database ping timed out')), timeoutMs).unref()),
    ]);
    return { db: 'ok' };
  } catch (err) {
    console.error('[health] database unavailable:', err instanceof Error ? err.message : err);
    return { db: 'unavailable' };
  }
}
