import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { bookings, type PolicyTier } from '@/db/schema';
import { findUserIdByEmail } from '@/features/accounts/queries';
import { registerClient } from '@/features/accounts/service';
import type { Profile } from '@/features/accounts/schemas';
import { deliverQueued } from '@/features/mail/notice';
import { spendCredit } from '@/features/packages/ledger';
import { expireOpenCheckouts } from '@/features/payments/service';
import { AppError } from '@/lib/errors';
import type { ServiceContext } from '@/lib/service';
import { cancellationPolicy } from '@/lib/site-config';
import { notifyBookingConfirmed } from './fulfilment';
import { holdSlot } from './hold';
import { defaultMeetingUrlOf } from './queries';
import { recordPolicyAgreement } from './service';

export type SlotChoice = { sessionTypeSlug: string; startsAt: Date; theme: string | null };

/**
 * The confirm screen's one step for a signed-in client: the slot is held (or her own hold on
 * it resumed, or her hold on another time replaced) and her agreement to the cancellation
 * policy recorded, ready for Stripe Checkout.
 */
export async function holdWithPolicy(ctx: ServiceContext, input: SlotChoice & { clientId: string }) {
  const booking = await holdSlot(ctx, input);
  await recordPolicyAgreement(ctx, { bookingId: booking.id, clientId: input.clientId });
  return booking;
}

/**
 * The confirm screen's other step, for a client with a session package (回数券): the time is
 * booked with one of its credits, no Checkout. In the hold's one transaction (hold.ts: the same
 * locks, the exclusion constraint and the one-live-hold rule), the credit is spent, the booking
 * confirmed as paid by credit with her agreement to the policy, and the same mails as a paid
 * booking queued. A refused credit (none left, expired, not covering the session, not hers)
 * undoes it all: no booking, and the hold she had before is kept.
 */
export async function bookWithCredit(
  ctx: ServiceContext,
  input: SlotChoice & { clientId: string; purchaseId: string },
) {
  const { now } = ctx;
  let queued: string[] = [];
  const booking = await holdSlot(ctx, input, async (tx, held) => {
    await spendCredit(tx, {
      purchaseId: input.purchaseId,
      clientId: input.clientId,
      bookingId: held.id,
      sessionTypeId: held.sessionTypeId,
      now,
    });
    const [confirmed] = await tx
      .update(bookings)
      .set({
        status: 'confirmed',
        holdExpiresAt: null,
        paidWith: 'credit',
        policy: cancellationPolicy.session.map((t) => ({ ...t })) as PolicyTier[],
        policyAgreedAt: now,
        meetingUrl: sql`coalesce(${bookings.meetingUrl}, ${defaultMeetingUrlOf(bookings.sessionTypeId)})`,
        updatedAt: now,
      })
      .where(and(eq(bookings.id, held.id), eq(bookings.status, 'held')))
      .returning();
    if (!confirmed) throw new AppError('hold_expired');
    queued = await notifyBookingConfirmed({ db: tx, now }, confirmed.id);
    return confirmed;
  });
  // She may have opened Stripe Checkout for this hold before choosing the credit: close it, so
  // that it cannot be paid too (a payment that completes anyway is refunded: confirmPaidBooking).
  await expireOpenCheckouts(ctx.db, 'booking', [booking.id]);
  await deliverQueued(ctx.db, queued);
  return booking;
}

/**
 * A new client books before opening any mail (issue #12 item 2): the account is created
 * unverified with its verification mail sent, she is signed in, and the slot is held, all
 * before payment. An address that already has an account creates nothing; the password she
 * typed is then tried as a sign-in (a returning client who chose the wrong tab).
 *
 * `signIn` is the caller's (next-auth, in an action): it throws when the password is refused
 * or a sign-in limit is reached, and then nothing is held.
 */
export async function registerAndHold(
  ctx: ServiceContext & { baseUrl: string },
  input: SlotChoice & Profile & { email: string; password: string },
  signIn: (registered: boolean) => Promise<void>,
) {
  const created = await registerClient(ctx, input, '/portal');
  await signIn(Boolean(created));
  const clientId = created ?? (await findUserIdByEmail(ctx.db, input.email));
  if (!clientId) throw new AppError('invalid_credentials');
  const booking = await holdWithPolicy(ctx, { ...input, clientId });
  return { clientId, registered: Boolean(created), booking };
}
