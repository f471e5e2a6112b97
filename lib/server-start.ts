import { environmentProblems, getEnv } from './env';

/**
 * A production start without its settings stops here with the full list; otherwise the
 * database is opened (and, with embedded defaults, migrated and seeded) before the first
 * request needs it.
 */
export async function onServerStart(): Promise<void> {
  const problems = environmentProblems(process.env);
  if (problems.length > 0) {
    console.error(`\nThe server cannot start; fix these settings:\n  - ${problems.join('\n  - ')}\n`);
    process.exit(1);
  }
  const env = getEnv();
  const { getDatabase } = await import('@/db');
  const db = await getDatabase();
  const { createQueue } = await import('@/jobs/queue');
  const { startWorkers } = await import('@/jobs/workers');
  const queue = await createQueue(db);
  await startWorkers(queue.boss, db.db);
  process.once('SIGTERM', () => void queue.stop());
  if (env.embedded && env.NODE_ENV === 'production') {
    console.log(
      `[demo] running on embedded parts: PGlite database in ${db.location}; no Stripe account or mail server is used.`,
    );
  } else {
    console.log(`[db] ${db.kind} at ${db.location}`);
  }
}
