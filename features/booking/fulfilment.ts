import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings, type Payment, sessionTypes, users } from '@/db/schema';
import { queueNotice } from '@/features/mail/notice';
import { noticeBookingPaid, noticePaymentForLostSlot } from '@/features/notifications/triggers';
import type { Fulfilment } from '@/features/payments/fulfilment';
import { bookingCredit } from '@/features/packages/booking-credit';
import type { ServiceContext } from '@/lib/service';
import { siteUrl } from '@/lib/site-url';
import { bookingIcs } from './calendar';
import { bookingMails } from './mails';
import { whenFor } from '@/lib/time';
import { awaitBookingPayment, confirmPaidBooking, releaseHold } from './service';

/**
 * In the confirming transaction: the confirmation mail, with the session in an .ics (and, for
 * a booking paid with a session package's credit, the package and what it has left).
 */
async function queueConfirmation(
  db: Db,
  bookingId: string,
  credit?: { name: string; remaining: number },
): Promise<string[]> {
  const [row] = await db
    .select({ booking: bookings, type: sessionTypes, user: users })
    .from(bookings)
    .innerJoin(sessionTypes, eq(sessionTypes.id, bookings.sessionTypeId))
    .innerJoin(users, eq(users.id, bookings.clientId))
    .where(eq(bookings.id, bookingId));
  if (!row) return [];
  const url = `${siteUrl()}/portal/bookings/${bookingId}`;
  const ics = bookingIcs({ ...row.booking, mode: row.type.mode }, url);
  return queueNotice(
    db,
    {
      to: row.user.email,
      ...bookingMails.confirmed({
        when: whenFor(row.booking.startsAt, row.user.timeZone),
        sessionName: row.type.name,
        priceYen: row.booking.priceYen,
        url,
        ...(credit ? { credit } : {}),
      }),
      attachments: [
        {
          filename: 'session.ics',
          contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
          contentBase64: Buffer.from(ics).toString('base64'),
        },
      ],
    },
    `booking ${bookingId} confirmed`,
    `booking-confirmed:${bookingId}`,
  );
}

/** In the same transaction: the payment arrived after its slot went to someone else; it is refunded in full; say so. */
async function queueLostBooking(db: Db, payment: Payment): Promise<string[]> {
  if (!payment.clientId) return [];
  const [row] = await db
    .select({ booking: bookings, user: users })
    .from(bookings)
    .innerJoin(users, eq(users.id, payment.clientId))
    .where(eq(bookings.id, payment.referenceId));
  if (!row) return [];
  const when = whenFor(row.booking.startsAt, row.user.timeZone);
  return queueNotice(
    db,
    {
      to: row.user.email,
      ...(row.booking.paidWith === 'credit'
        ? bookingMails.creditBookingPaymentRefunded({
            when,
            amountYen: payment.amountYen,
            url: `${siteUrl()}/portal/bookings/${row.booking.id}`,
          })
        : row.booking.status === 'cancelled' && payment.method === 'konbini'
          ? bookingMails.paidAfterCancellation({ when, amountYen: payment.amountYen, url: `${siteUrl()}/sessions` })
          : bookingMails.lostAndRefunded({ when, amountYen: payment.amountYen, url: `${siteUrl()}/sessions` })),
    },
    `payment ${payment.id} refunded as lost`,
    `payment-lost:${payment.id}`,
  );
}

/**
 * In the confirming transaction, the mails of a confirmed booking: the client's confirmation
 * and the counselor's notice, the same whether it was paid through Checkout or with a credit.
 */
export async function notifyBookingConfirmed(ctx: ServiceContext, bookingId: string): Promise<string[]> {
  const used = await bookingCredit(ctx.db, bookingId, ctx.now);
  const credit = used ? { name: used.name, remaining: used.remaining } : undefined;
  return [
    ...(await queueConfirmation(ctx.db, bookingId, credit)),
    ...(await noticeBookingPaid(ctx, bookingId, credit)),
  ];
}

/** What a paid, expired or lost booking checkout does (registered in features/fulfilments.ts). */
export const bookingFulfilment: Fulfilment = {
  confirmPaid: confirmPaidBooking,
  release: releaseHold,
  awaitPayment: awaitBookingPayment,
  describe: async ({ db }, bookingId, timeZone) => {
    const [row] = await db
      .select({ startsAt: bookings.startsAt, name: sessionTypes.name, slug: sessionTypes.slug })
      .from(bookings)
      .innerJoin(sessionTypes, eq(sessionTypes.id, bookings.sessionTypeId))
      .where(eq(bookings.id, bookingId));
    if (!row) return undefined;
    return {
      what: `${whenFor(row.startsAt, timeZone)}の${row.name}`,
      url: `${siteUrl()}/portal/bookings/${bookingId}`,
      againUrl: `${siteUrl()}/book/${row.slug}`,
    };
  },
  notifyConfirmed: notifyBookingConfirmed,
  notifyLost: async (ctx, payment) => {
    const queued = await queueLostBooking(ctx.db, payment);
    const [booking] = await ctx.db
      .select({ startsAt: bookings.startsAt })
      .from(bookings)
      .where(eq(bookings.id, payment.referenceId));
    if (booking)
      queued.push(
        ...(await noticePaymentForLostSlot(ctx, {
          purpose: 'booking',
          paymentId: payment.id,
          amountYen: payment.amountYen,
          bookingId: payment.referenceId,
          startsAt: booking.startsAt,
        })),
      );
    return queued;
  },
  markRefundedOutside: async ({ db, now }, bookingId) => {
    await db
      .update(bookings)
      .set({ refundedOutsideAt: now, updatedAt: now })
      .where(and(eq(bookings.id, bookingId), isNull(bookings.refundedOutsideAt)));
  },
  lostRefundReason: 'slot lost before payment completed',
};
