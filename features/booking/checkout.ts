import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '@/lib/service';
import { bookings, sessionTypes, users } from '@/db/schema';
import { deliverQueued, queueNotice } from '@/features/mail/notice';
import { noticeBookingCancelled } from '@/features/notifications/triggers';
import { openCheckout } from '@/features/payments/checkout';
import { checkoutMethodsFor } from '@/features/payments/methods';
import { requestRefund, submitRefundsSoon } from '@/features/payments/refunds';
import { paidPaymentsFor, reconcileForClient } from '@/features/payments/service';
import { AppError } from '@/lib/errors';
import { isHoldLive } from '@/lib/holds';
import { bookingMails } from './mails';
import { whenFor } from '@/lib/time';
import { cancelBooking } from './service';

const minute = 60 * 1000;

/**
 * Opens (or reopens) the Stripe Checkout Session of a held booking. Its expiry and the hold's
 * are set to the same instant, Stripe's minimum of 30 minutes from now.
 */
export async function startBookingCheckout(
  { db, now }: ServiceContext,
  input: { bookingId: string; clientId: string; baseUrl: string },
): Promise<string> {
  const [row] = await db
    .select({ booking: bookings, type: sessionTypes, email: users.email })
    .from(bookings)
    .innerJoin(sessionTypes, eq(sessionTypes.id, bookings.sessionTypeId))
    .innerJoin(users, eq(users.id, bookings.clientId))
    .where(and(eq(bookings.id, input.bookingId), eq(bookings.clientId, input.clientId)))
    .limit(1);
  if (!row || !isHoldLive(row.booking, now)) throw new AppError('hold_expired');
  if (!row.booking.policyAgreedAt) throw new AppError('invalid_input');

  const expiresAt = new Date(now.getTime() + 31 * minute);
  return openCheckout(
    { db, now },
    {
      purpose: 'booking',
      referenceId: row.booking.id,
      metadata: { bookingId: row.booking.id },
      clientId: input.clientId,
      email: row.email,
      amountYen: row.booking.priceYen,
      paymentMethodTypes: await checkoutMethodsFor({ db, now }, row.booking.startsAt),
      name: row.type.name,
      statementDescriptor: 'SESSION',
      expiresAt,
      successUrl: `${input.baseUrl}/book/success?session_id={CHECKOUT_SESSION_ID}`,
      cancelUrl: `${input.baseUrl}/book/checkout/${row.booking.id}?cancelled=1`,
    },
    async () => {
      await db
        .update(bookings)
        .set({ holdExpiresAt: expiresAt, updatedAt: now })
        .where(eq(bookings.id, row.booking.id));
    },
  );
}

/**
 * The success page's check (payments reconciles the session), with where the booking now
 * stands. Only the payer may ask.
 */
export async function reconcileBookingCheckout(
  { db, now }: ServiceContext,
  input: { checkoutSessionId: string; clientId: string },
) {
  const result = await reconcileForClient({ db, now }, input);
  if (!result) return undefined;
  if (result.purpose !== 'booking') return { outcome: result.outcome, bookingId: null, bookingStatus: undefined };
  const [after] = await db
    .select({ status: bookings.status })
    .from(bookings)
    .where(eq(bookings.id, result.referenceId));
  return { outcome: result.outcome, bookingId: result.referenceId, bookingStatus: after?.status };
}

/**
 * Cancels a booking and refunds what the table says, atomically on our side: the refund and
 * the notices are recorded in the same transaction as the cancellation, then the refund is
 * sent to Stripe and the notices delivered.
 */
export async function cancelBookingWithRefund(
  { db, now }: ServiceContext,
  input: { bookingId: string; by: 'client' | 'counselor'; expectedFeeYen?: number },
) {
  const result = await db.transaction(async (tx) => {
    const { booking, terms } = await cancelBooking({ db: tx, now }, input);
    const [payment] = await paidPaymentsFor(tx, 'booking', [booking.id]);
    if (payment && terms.refundYen > 0) {
      await requestRefund(tx, {
        paymentId: payment.id,
        amountYen: terms.refundYen,
        reason: `cancelled by ${input.by}`,
        idempotencyKey: `cancel-${booking.id}`,
      });
    }
    const queued: string[] = [];
    const [user] = booking.clientId ? await tx.select().from(users).where(eq(users.id, booking.clientId)) : [];
    if (user) {
      const mail = bookingMails.cancelled({
        when: whenFor(booking.startsAt, user.timeZone),
        refundYen: terms.refundYen,
        feeYen: terms.feeYen,
        byCounselor: input.by === 'counselor',
      });
      queued.push(
        ...(await queueNotice(
          tx,
          { to: user.email, ...mail },
          `booking ${booking.id} cancelled`,
          `booking-cancelled:${booking.id}`,
        )),
      );
    }
    queued.push(
      ...(await noticeBookingCancelled(
        { db: tx, now },
        { bookingId: booking.id, by: input.by, feeYen: terms.feeYen, refundYen: terms.refundYen },
      )),
    );
    return { terms, paymentId: payment?.id, queued };
  });
  if (result.paymentId) {
    // If Stripe is unreachable now, the refund stays recorded and is sent on the next attempt.
    await submitRefundsSoon({ db, now }, [result.paymentId]);
  }
  await deliverQueued(db, result.queued);
  return result.terms;
}
