import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { ServiceContext } from '@/lib/service';
import { bookings, type PolicyTier, sessionTypes, users } from '@/db/schema';
import { deliverQueued, queueNotice } from '@/features/mail/notice';
import { noticeBookingCancelled } from '@/features/notifications/triggers';
import { openCheckout } from '@/features/payments/checkout';
import { konbiniExpiresAfterDays } from '@/features/payments/domain/konbini';
import { closeVouchersFor, voidVouchersAtStripe } from '@/features/payments/konbini';
import { checkoutMethodsFor } from '@/features/payments/methods';
import { requestRefund, submitRefundsSoon } from '@/features/payments/refunds';
import { paidPaymentsFor, reconcileForClient } from '@/features/payments/service';
import { bookingCredit, purchasePaymentId } from '@/features/packages/booking-credit';
import { settleCreditOnCancellation } from '@/features/packages/ledger';
import { cancellationPolicy } from '@/lib/site-config';
import { AppError } from '@/lib/errors';
import { isHoldLive } from '@/lib/holds';
import { checkoutCouponFor } from '@/features/coupons/service';
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
  // Only a hold goes to checkout: a booking awaiting its konbini payment already has its voucher.
  if (!row || !isHoldLive(row.booking, now)) throw new AppError('hold_expired');
  if (!row.booking.policyAgreedAt) throw new AppError('invalid_input');

  const coupon = await checkoutCouponFor(db, row.booking, now);
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
      coupon,
      paymentMethodTypes: await checkoutMethodsFor({ db, now }, row.booking.startsAt),
      name: row.type.name,
      statementDescriptor: 'SESSION',
      expiresAt,
      konbiniExpiresAfterDays: konbiniExpiresAfterDays({ startsAt: row.booking.startsAt, now }),
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
 * sent to Stripe and the notices delivered. A booking awaiting its konbini payment (the
 * counselor's cancellation) frees its slot at once, its voucher is closed and the client is told
 * not to pay it; a payment that arrives anyway is refunded in full as lost.
 */
export async function cancelBookingWithRefund(
  { db, now }: ServiceContext,
  input: { bookingId: string; by: 'client' | 'counselor'; expectedFeeYen?: number },
) {
  const result = await db.transaction(async (tx) => {
    const { booking, terms, awaitingPayment } = await cancelBooking({ db: tx, now }, input);
    // Its konbini voucher is closed with it: she is told not to pay it (Stripe is asked after the commit).
    const vouchers = awaitingPayment ? await closeVouchersFor(tx, 'booking', [booking.id], now) : [];
    const refunded: string[] = [];
    // A booking paid with a credit has no payment: the credit comes back or is used up
    // (free tier or counselor: back; a fee tier: used), never yen.
    const credit = booking.paidWith === 'credit' ? await settleCredit(tx, booking, input.by, now) : undefined;
    if (credit?.paymentId) refunded.push(credit.paymentId);
    const [payment] = credit ? [] : await paidPaymentsFor(tx, 'booking', [booking.id]);
    if (payment && terms.refundYen > 0) {
      await requestRefund(tx, {
        paymentId: payment.id,
        amountYen: terms.refundYen,
        reason: `cancelled by ${input.by}`,
        idempotencyKey: `cancel-${booking.id}`,
      });
      refunded.push(payment.id);
    }
    const queued: string[] = [];
    const [user] = booking.clientId ? await tx.select().from(users).where(eq(users.id, booking.clientId)) : [];
    if (user) {
      const mail = bookingMails.cancelled({
        when: whenFor(booking.startsAt, user.timeZone),
        refundYen: terms.refundYen,
        feeYen: terms.feeYen,
        byCounselor: input.by === 'counselor',
        konbini: payment?.method === 'konbini',
        ...(credit ? { credit: { outcome: credit.outcome, remaining: credit.remaining } } : {}),
        ...(awaitingPayment ? { unpaidVoucher: { number: vouchers[0]?.voucherNumber ?? null } } : {}),
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
        {
          bookingId: booking.id,
          by: input.by,
          feeYen: terms.feeYen,
          refundYen: terms.refundYen,
          ...(credit ? { credit: credit.outcome } : {}),
        },
      )),
    );
    return { terms, credit: credit?.outcome, refunded, queued, vouchers, awaitingPayment };
  });
  await voidVouchersAtStripe(result.vouchers);
  if (result.refunded.length > 0) {
    // If Stripe is unreachable now, the refund stays recorded and is sent on the next attempt.
    await submitRefundsSoon({ db, now }, result.refunded);
  }
  await deliverQueued(db, result.queued);
  return { ...result.terms, credit: result.credit, awaitingPayment: result.awaitingPayment };
}

/**
 * In the cancellation's transaction: the credit a cancelled booking used, settled by the table
 * she agreed to when booking. If its package was closed for a refund meanwhile, a returned
 * credit is refunded at once, at the package's price per session, on the package's payment.
 */
async function settleCredit(
  tx: Db,
  booking: { id: string; policy: PolicyTier[] | null; startsAt: Date },
  by: 'client' | 'counselor',
  now: Date,
) {
  const { outcome, refundYen } = await settleCreditOnCancellation(tx, {
    bookingId: booking.id,
    policy: booking.policy ?? cancellationPolicy.session,
    startsAt: booking.startsAt,
    now,
    cancelledBy: by,
  });
  const credit = await bookingCredit(tx, booking.id, now);
  let paymentId: string | undefined;
  if (refundYen > 0 && credit) {
    paymentId = await purchasePaymentId(tx, credit.purchaseId);
    if (paymentId)
      await requestRefund(tx, {
        paymentId,
        amountYen: refundYen,
        reason: `credit of cancelled booking ${booking.id} returned to a refunded package`,
        idempotencyKey: `credit-return-${booking.id}`,
      });
  }
  return { outcome, remaining: credit?.remaining ?? 0, paymentId };
}
