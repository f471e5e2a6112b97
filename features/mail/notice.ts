import 'server-only';
import type { Db } from '@/db/client';
import { deliverNotice, enqueueNotice } from './outbox';
import type { OutgoingMail } from './service';

/**
 * Tells someone about a change that is already committed (a confirmation, a cancellation, a
 * refund, a seat offer). The notice is written to the outbox (features/mail/outbox.ts) and
 * tried at once; a mail server failure is never thrown: it must not turn the committed change
 * into the caller's error (a client who retries would be told it is already cancelled; Stripe
 * would redeliver an event that changes nothing), nor stop the notices after it. The
 * `mail.deliver-notices` job retries it with backoff, and /admin shows it if it keeps failing.
 *
 * `key`, when given, makes the notice idempotent: a second call with the same key sends
 * nothing more. Whether it was sent now (false: queued for a retry, or already known by its key).
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
