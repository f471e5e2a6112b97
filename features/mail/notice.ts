import 'server-only';
import type { Db } from '@/db/client';
import { deliverNotice, enqueueNotice } from './outbox';
import type { OutgoingMail } from './service';

/*
 * The transactional outbox, as the use cases see it (features/mail/outbox.ts keeps the table):
 *
 *   const { result, queued } = await db.transaction(async (tx) => {
 *     …the change…
 *     return { result, queued: await queueNotice(tx, mail, about, key) };
 *   });
 *   await deliverQueued(db, queued);
 *
 * The notice commits with the change or not at all: a crash after the commit leaves it in the
 * outbox, and the `mail.deliver-notices` job sends it. Its key makes a repeated event (a
 * redelivered webhook, a second tab, a retried job) add nothing.
 */

/**
 * In the transaction that makes the change: writes the notice to the outbox under its
 * idempotency key. The ids to deliver after the commit: none when the key was already taken.
 * A failure to write it is the transaction's failure (the change is not made without its notice).
 */
export async function queueNotice(tx: Db, mail: OutgoingMail, about: string, key: string): Promise<string[]> {
  const id = await enqueueNotice(tx, mail, about, { key });
  return id ? [id] : [];
}

/**
 * After the commit: tries the queued notices at once. A mail server failure is never thrown:
 * it must not turn the committed change into the caller's error (a client who retries would be
 * told it is already cancelled; Stripe would redeliver an event that changes nothing), nor stop
 * the notices after it. The job retries it with backoff, and /admin shows it if it keeps
 * failing. Whether every one was sent now.
 */
export async function deliverQueued(db: Db, ids: readonly string[]): Promise<boolean> {
  let sent = true;
  for (const id of ids) {
    try {
      sent = (await deliverNotice(db, id)) && sent;
    } catch (err) {
      console.error(`[mail] notice ${id} not delivered now; the job retries it`, err);
      sent = false;
    }
  }
  return sent;
}

/**
 * A notice that goes with no change of state (a counselor's announcement): queued and tried at
 * once, never thrown. `key`, when given, makes it idempotent. Whether it was sent now (false:
 * queued for a retry, or already known by its key).
 */
export async function sendNotice(
  db: Db,
  mail: OutgoingMail,
  about: string,
  options: { key?: string } = {},
): Promise<boolean> {
  try {
    const id = await enqueueNotice(db, mail, about, options);
    return id ? await deliverNotice(db, id) : false;
  } catch (err) {
    console.error(`[mail] notice not queued: ${about}`, err);
    return false;
  }
}
