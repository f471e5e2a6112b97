import 'server-only';
import { and, eq, gt, isNotNull, isNull, lte } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { Db } from '@/db/client';
import type { ServiceContext } from '@/lib/service';
import { type Payment, type PaymentPurpose, payments, users } from '@/db/schema';
import { deliverQueued, queueNotice } from '@/features/mail/notice';
import { getStripe } from '@/lib/stripe';
import { whenFor } from '@/lib/time';
import { isVoucherReminderDue, keptUntil } from './domain/konbini';
import { fulfilmentFor } from './fulfilment';
import { konbiniMails } from './mails';
import { vouchersAwaitingPaymentSql } from './queries';

/** A konbini PaymentIntent's voucher, as Stripe gives it in `next_action.konbini_display_details`. */
export function voucherOf(
  intent: Stripe.PaymentIntent,
): { dueAt: Date; url: string | null; number: string | null } | undefined {
  const details = intent.next_action?.konbini_display_details;
  if (!details?.expires_at) return undefined;
  const stores = details.stores;
  const number =
    stores?.lawson?.confirmation_number ??
    stores?.familymart?.confirmation_number ??
    stores?.ministop?.confirmation_number ??
    stores?.seicomart?.confirmation_number ??
    null;
  return { dueAt: new Date(details.expires_at * 1000), url: details.hosted_voucher_url ?? null, number };
}

type KonbiniMail = 'instructions' | 'dueSoon' | 'lapsed' | 'notKept';

/** In the caller's transaction: one of the client's konbini mails, once per payment and kind. */
export async function queueKonbiniMail(tx: Db, payment: Payment, kind: KonbiniMail, now: Date): Promise<string[]> {
  if (!payment.clientId) return [];
  const [user] = await tx
    .select({ email: users.email, timeZone: users.timeZone })
    .from(users)
    .where(eq(users.id, payment.clientId));
  if (!user) return [];
  const subject = await fulfilmentFor(payment.purpose).describe?.({ db: tx, now }, payment.referenceId, user.timeZone);
  if (!subject) return [];
  const input = {
    what: subject.what,
    amountYen: payment.amountYen,
    due: payment.paymentDueAt ? whenFor(payment.paymentDueAt, user.timeZone) : '',
    voucherNumber: payment.voucherNumber,
    voucherUrl: payment.voucherUrl,
    url: subject.url,
  };
  const mail =
    kind === 'instructions'
      ? konbiniMails.instructions(input)
      : kind === 'dueSoon'
        ? konbiniMails.dueSoon(input)
        : kind === 'lapsed'
          ? konbiniMails.lapsed({ what: subject.what, url: subject.againUrl })
          : konbiniMails.notKept({ what: subject.what, url: subject.againUrl });
  return queueNotice(
    tx,
    { to: user.email, ...mail },
    `payment ${payment.id} konbini ${kind}`,
    `konbini-${kind}:${payment.id}`,
  );
}

/**
 * A Checkout Session completed unpaid: the client chose konbini and Stripe issued a voucher.
 * The voucher (number, page, deadline) is recorded on the payment, which stays pending; the
 * thing sold is kept for her until the deadline (plus a grace), and she is mailed the
 * instructions. Once only: a repeat (the success page and the webhook, a redelivery) finds the
 * voucher recorded. If her hold lapsed and someone took its place meanwhile, the payment is
 * closed and she is told not to pay (Stripe cannot void the voucher of a completed session: a
 * payment made anyway is refunded in full as lost).
 */
export async function awaitDelayedPayment(
  { db, now }: ServiceContext,
  payment: Payment,
  session: Stripe.Checkout.Session,
): Promise<'awaiting' | 'pending' | 'lost'> {
  if (payment.paymentDueAt) return 'awaiting';
  const ref = session.payment_intent;
  if (!ref) return 'pending';
  const intent = typeof ref === 'string' ? await getStripe().paymentIntents.retrieve(ref) : ref;
  const voucher = voucherOf(intent);
  // Another delayed method without a voucher: nothing to keep or mail; its outcome event settles it.
  if (!voucher) return 'pending';
  const result = await db.transaction(async (tx) => {
    const [recorded] = await tx
      .update(payments)
      .set({
        voucherUrl: voucher.url,
        voucherNumber: voucher.number,
        paymentDueAt: voucher.dueAt,
        method: 'konbini',
        stripePaymentIntentId: intent.id,
        updatedAt: now,
      })
      .where(and(eq(payments.id, payment.id), eq(payments.status, 'pending'), isNull(payments.paymentDueAt)))
      .returning();
    if (!recorded) return undefined;
    const fulfilment = fulfilmentFor(payment.purpose);
    const outcome = fulfilment.awaitPayment
      ? await fulfilment.awaitPayment({ db: tx, now }, payment.referenceId, keptUntil(voucher.dueAt))
      : 'awaiting';
    if (outcome === 'already') return { outcome, queued: [] };
    if (outcome === 'lost') {
      await tx
        .update(payments)
        .set({ status: 'failed', updatedAt: now })
        .where(and(eq(payments.id, payment.id), eq(payments.status, 'pending')));
    }
    return {
      outcome,
      queued: await queueKonbiniMail(tx, recorded, outcome === 'lost' ? 'notKept' : 'instructions', now),
    };
  });
  if (!result) return 'awaiting';
  if (result.outcome === 'lost') await voidVouchersAtStripe([payment]);
  await deliverQueued(db, result.queued);
  return result.outcome === 'lost' ? 'lost' : 'awaiting';
}

/**
 * In the caller's transaction (a cancellation by the counselor): the konbini vouchers still out
 * for these things are closed on our side, so the payment reads failed and nothing waits for it.
 * A payment that arrives anyway moves it to paid and, the thing being cancelled, is refunded in
 * full as lost. Answers the payments closed (for the mails and `voidVouchersAtStripe`).
 */
export async function closeVouchersFor(
  tx: Db,
  purpose: PaymentPurpose,
  referenceIds: string[],
  now: Date,
): Promise<Payment[]> {
  if (referenceIds.length === 0) return [];
  return tx
    .update(payments)
    .set({ status: 'failed', updatedAt: now })
    .where(vouchersAwaitingPaymentSql(purpose, referenceIds))
    .returning();
}

/**
 * After the commit: asks Stripe to stop these vouchers being paid, as far as Stripe allows. A
 * Checkout Session still open is expired. A voucher of a completed session cannot be voided
 * through the API (Stripe cancels a Checkout Session's PaymentIntent only in `requires_capture`,
 * and expires only open sessions): it stays payable until its deadline, the client is told not to
 * pay it, and a payment made anyway is refunded in full as lost. Never throws.
 */
export async function voidVouchersAtStripe(closed: Pick<Payment, 'stripeCheckoutSessionId'>[]): Promise<void> {
  for (const { stripeCheckoutSessionId: sessionId } of closed) {
    if (!sessionId) continue;
    try {
      const session = await getStripe().checkout.sessions.retrieve(sessionId);
      if (session.status === 'open') await getStripe().checkout.sessions.expire(sessionId);
    } catch (err) {
      console.error(
        '[payments] konbini checkout not closed; a payment made anyway is refunded as lost',
        sessionId,
        err,
      );
    }
  }
}

/**
 * The day-before reminders of konbini deadlines that are due (10:00 JST the day before), each
 * once: the claim (`dueReminderSentAt`) and the mail commit together, and the mail's key
 * refuses a second copy. Answers how many were sent.
 */
export async function sendVoucherReminders({ db, now }: ServiceContext): Promise<number> {
  const candidates = await db
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.status, 'pending'),
        isNotNull(payments.paymentDueAt),
        isNull(payments.dueReminderSentAt),
        gt(payments.paymentDueAt, now),
        lte(payments.paymentDueAt, new Date(now.getTime() + 2 * 24 * 60 * 60 * 1000)),
      ),
    );
  let sent = 0;
  for (const candidate of candidates) {
    if (!isVoucherReminderDue({ dueAt: candidate.paymentDueAt!, issuedAt: candidate.createdAt, now })) continue;
    const queued = await db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(payments)
        .set({ dueReminderSentAt: now })
        .where(and(eq(payments.id, candidate.id), eq(payments.status, 'pending'), isNull(payments.dueReminderSentAt)))
        .returning();
      return claimed ? queueKonbiniMail(tx, claimed, 'dueSoon', now) : undefined;
    });
    if (!queued) continue;
    sent += 1;
    await deliverQueued(db, queued);
  }
  return sent;
}
