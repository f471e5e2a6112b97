import { environmentProblems, getEnv } from '@/lib/env';
import { log } from '@/lib/log';
import { setServerPhase } from '@/lib/server-state';

/** PostgreSQL errors worth a second try at start-up: deadlock, serialization failure. */
const retryableCodes = new Set(['40P01', '40001']);
const startAttempts = 3;

function errorCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * A production start without its settings stops here with the full list; otherwise the
 * database is opened (and, with embedded defaults, migrated and seeded) and the job queue
 * started before the first request needs them. A start-up that fails ends the process with
 * exit code 1 and the reason, instead of leaving a server that answers 500 to everything.
 */
export async function onServerStart(): Promise<void> {
  const problems = environmentProblems(process.env);
  if (problems.length > 0) {
    log.fatal({ problems }, `the server cannot start; fix these settings:\n  - ${problems.join('\n  - ')}`);
    process.exit(1);
  }
  setServerPhase('starting');
  for (let attempt = 1; ; attempt++) {
    try {
      await startUp();
      setServerPhase('ready');
      return;
    } catch (err) {
      if (attempt < startAttempts && retryableCodes.has(errorCode(err) ?? '')) {
        log.warn({ attempt, code: errorCode(err) }, 'start-up attempt failed, trying again');
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt + Math.random() * 300));
        continue;
      }
      setServerPhase('failed');
      log.fatal({ err }, `the server could not start: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    }
  }
}

async function startUp(): Promise<void> {
  const env = getEnv();
  const { getDatabase } = await import('@/db');
  const { pendingMigrations, withAdvisoryLock } = await import('@/db/client');
  const db = await getDatabase();
  const { createQueue } = await import('./queue');
  const { listenForAnnouncements, startWorkers } = await import('./workers');
  // Several instances starting together on one PostgreSQL database take turns: pg-boss
  // creating its schema and queues from two processes at once can deadlock.
  const startQueue = async () => {
    if (db.kind === 'postgres') {
      const pending = await pendingMigrations(db.db);
      if (pending.length > 0) {
        throw new Error(`the database lacks migrations ${pending.join(', ')}: run \`npm run db:migrate\` first`);
      }
    }
    const queue = await createQueue(db);
    try {
      await startWorkers(queue.boss, db.db);
    } catch (err) {
      await queue.stop().catch(() => {});
      throw err;
    }
    return queue;
  };
  const queue = db.url ? await withAdvisoryLock(db.url, 'start-up', startQueue) : await startQueue();
  const stopListening = db.url ? await listenForAnnouncements(db.url) : async () => {};
  stopQueueBeforeExit(async () => {
    await stopListening().catch(() => {});
    await queue.stop();
  });
  if (env.embedded && env.NODE_ENV === 'production') {
    log.info(
      { db: db.kind, location: db.location },
      'demo: running on embedded parts (PGlite database; no Stripe account or mail server is used)',
    );
  } else {
    log.info({ db: db.kind, location: db.location }, 'database opened');
  }
}

/**
 * On SIGTERM or SIGINT the job queue stops first (the job in hand finishes, or is released
 * to another instance after a timeout), then Next's own shutdown runs: it stops accepting
 * connections, finishes the requests in flight and exits. Next registers its handlers before
 * this hook runs; they are taken over so that its exit cannot cut the queue short.
 */
function stopQueueBeforeExit(stopQueue: () => Promise<void>): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    const nextHandlers = process.listeners(signal);
    for (const handler of nextHandlers) process.off(signal, handler);
    let stopping = false;
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      setServerPhase('stopping');
      log.info({ signal }, 'stopping the job queue, then the server');
      void stopQueue()
        .catch((err) => log.error({ err }, 'the job queue did not stop cleanly'))
        .finally(() => {
          if (nextHandlers.length === 0) process.exit(signal === 'SIGTERM' ? 143 : 130);
          for (const handler of nextHandlers) (handler as (s: NodeJS.Signals) => void)(signal);
        });
    });
  }
}
