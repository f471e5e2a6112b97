import 'server-only';
import type { Db } from '@/db/client';
import { type OutgoingMail, sendMail } from './service';

/**
 * Tells someone about a change that is already committed (a confirmation, a cancellation, a
 * refund, a seat offer). A mail server failure is logged, never thrown: it must not turn the
 * committed change into the caller's error (a client who retries would be told it is already
 * cancelled; Stripe would redeliver an event that changes nothing), nor stop the notices after
 * it. The portal shows the change either way. Whether it was sent.
 */
export async function sendNotice(db: Db, mail: OutgoingMail, about: string): Promise<boolean> {
  try {
    await sendMail(db, mail);
    return true;
  } catch (err) {
    console.error(`[mail] notice not sent: ${about}`, err);
    return false;
  }
}
