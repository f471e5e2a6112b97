import 'server-only';
import { getDb } from '@/db';
import { pingDatabase } from '@/db/client';
import { serverPhase, type ServerPhase } from '@/lib/server-state';

const timeoutMs = 3_000;

export type Health = { db: 'ok' | 'unavailable'; jobs: 'ok' | Exclude<ServerPhase, 'ready'> };

/** Readiness: the database answers and this process has started its job queue (and is not stopping). */
export async function getHealth(): Promise<Health> {
  const phase = serverPhase();
  const jobs = phase === 'ready' ? 'ok' : phase;
  try {
    await Promise.race([
      getDb().then(pingDatabase),
      new Promise((_, reject) => setTimeout(() => reject(new Error('database ping timed out')), timeoutMs).unref()),
    ]);
    return { db: 'ok', jobs };
  } catch (err) {
    console.error('[health] database unavailable:', err instanceof Error ? err.message : err);
    return { db: 'unavailable', jobs };
  }
}

export function isReady(health: Health): boolean {
  return health.db === 'ok' && health.jobs === 'ok';
}
