import 'server-only';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import PgBoss from 'pg-boss';
import type { DatabaseHandle } from '@/db/client';

/**
 * pg-boss on the app's own database. PostgreSQL is reached directly; embedded PGlite is
 * served over the Postgres wire protocol on a loopback port (pglite-socket), so the same
 * queue runs in both configurations.
 */
export async function createQueue(handle: DatabaseHandle): Promise<{ boss: PgBoss; stop(): Promise<void> }> {
  let socket: PGLiteSocketServer | undefined;
  let connectionString = handle.url;
  if (!connectionString) {
    if (!handle.pglite) throw new Error('the job queue needs DATABASE_URL or an embedded PGlite');
    socket = new PGLiteSocketServer({ db: handle.pglite, host: '127.0.0.1', port: 0, maxConnections: 4 });
    await socket.start();
    connectionString = `postgres://postgres@${socket.getServerConn()}/postgres`;
  }
  // PGlite serves one query at a time on one session: keep the pool small there.
  const boss = new PgBoss({ connectionString, max: socket ? 2 : 5, schema: 'pgboss' });
  boss.on('error', (err) => console.error('[jobs]', err));
  await boss.start();
  return {
    boss,
    stop: async () => {
      await boss.stop({ graceful: true, wait: true, timeout: 5_000 });
      await socket?.stop();
    },
  };
}
