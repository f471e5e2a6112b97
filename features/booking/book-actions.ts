'use server';

import { redirect } from 'next/navigation';
import { findUserIdByEmail } from '@/features/accounts/queries';
import { hitRateLimits, rateLimitRules } from '@/features/accounts/rate-limit';
import { defineAction } from '@/features/accounts/auth/define-action';
import { signInWithPasswordFromAction } from '@/features/accounts/password-sign-in';
import { AppError } from '@/lib/errors';
import type { ServiceContext } from '@/lib/service';
import { bookWithCredit, holdWithPolicy, registerAndHold, type SlotChoice } from './book';
import { checkCouponForSessionType, setBookingCoupon } from './coupon';
import { startBookingCheckout } from './checkout';
import { bookSignedInSchema, registerAndBookSchema, signInAndBookSchema } from './schemas';

type Choice = { sessionType: string; startsAt: string; theme: string | null; couponCode?: string | null };

const choiceOf = (input: Choice): SlotChoice => ({
  sessionTypeSlug: input.sessionType,
  startsAt: new Date(input.startsAt),
  theme: input.theme,
});

function confirmUrl(input: Choice, notice?: string): string {
  const query = new URLSearchParams({ start: input.startsAt });
  if (input.theme) query.set('theme', input.theme);
  if (notice) query.set('notice', notice);
  return `/book/${input.sessionType}/confirm?${query}`;
}

/**
 * After a sign-in in this same request, a slot that is gone is told on the confirm screen,
 * which now shows her signed in (a returned error would leave the signed-out form on screen).
 */
async function holdAfterSignIn<T>(input: Choice, hold: () => Promise<T>): Promise<T> {
  try {
    return await hold();
  } catch (err) {
    if (err instanceof AppError && (err.code === 'slot_taken' || err.code === 'slot_unavailable'))
      redirect(confirmUrl(input, err.code === 'slot_taken' ? 'taken' : 'unavailable'));
    throw err;
  }
}

/** A typed coupon is checked before anything is held: a refused code holds nothing and says why. */
async function checkTypedCoupon(ctx: ServiceContext, input: Choice): Promise<void> {
  if (input.couponCode)
    await checkCouponForSessionType(ctx.db, {
      sessionTypeSlug: input.sessionType,
      code: input.couponCode,
      now: ctx.now,
    });
}

/**
 * On to Stripe; if Stripe cannot be reached, to the payment page of the held booking to try
 * again. With a coupon, to that page first: she sees the discounted price and the cancellation
 * fees on it before leaving this site.
 */
async function goToPayment(
  ctx: ServiceContext & { baseUrl: string },
  bookingId: string,
  clientId: string,
  couponCode?: string | null,
) {
  if (couponCode) {
    await setBookingCoupon(ctx, { bookingId, clientId, code: couponCode });
    redirect(`/book/checkout/${bookingId}`);
  }
  let url: string;
  try {
    url = await startBookingCheckout(ctx, { bookingId, clientId, baseUrl: ctx.baseUrl });
  } catch (err) {
    if (err instanceof AppError && err.code === 'payment_unavailable') redirect(`/book/checkout/${bookingId}`);
    throw err;
  }
  redirect(url);
}

/**
 * Signed in: hold (or resume her hold), agree, pay; or, with a package's credit, book and
 * confirm in one step (no Checkout, so no coupon) and see the booking.
 */
export const bookSlotAction = defineAction('user', bookSignedInSchema, async (input, ctx) => {
  if (input.purchaseId) {
    const booking = await bookWithCredit(ctx, {
      ...choiceOf(input),
      clientId: ctx.user.id,
      purchaseId: input.purchaseId,
    });
    redirect(`/portal/bookings/${booking.id}?notice=booked`);
  }
  await checkTypedCoupon(ctx, input);
  const booking = await holdWithPolicy(ctx, { ...choiceOf(input), clientId: ctx.user.id });
  await goToPayment(ctx, booking.id, ctx.user.id, input.couponCode);
});

/** New client: create the account, sign in and hold in one step, under the sign-up limits. */
export const registerAndBookAction = defineAction('public', registerAndBookSchema, async (input, ctx) => {
  if (!(await hitRateLimits(ctx.db, [{ rule: rateLimitRules.signUpPerIp, subject: ctx.ip }], ctx.now)))
    throw new AppError('rate_limited');
  await checkTypedCoupon(ctx, input);
  const { booking, clientId } = await holdAfterSignIn(input, () =>
    registerAndHold(ctx, { ...input, ...choiceOf(input) }, async (registered) => {
      try {
        await signInWithPasswordFromAction(input);
      } catch (err) {
        // The address has an account and this is not its password.
        if (!registered && err instanceof AppError && err.code === 'invalid_credentials')
          throw new AppError('email_registered');
        throw err;
      }
    }),
  );
  await goToPayment(ctx, booking.id, clientId, input.couponCode);
});

/** Returning client, signed out: sign in (under the sign-in limits) and hold in one step. */
export const signInAndBookAction = defineAction('public', signInAndBookSchema, async (input, ctx) => {
  await checkTypedCoupon(ctx, input);
  await signInWithPasswordFromAction(input);
  const clientId = await findUserIdByEmail(ctx.db, input.email);
  if (!clientId) throw new AppError('invalid_credentials');
  const booking = await holdAfterSignIn(input, () => holdWithPolicy(ctx, { ...choiceOf(input), clientId }));
  await goToPayment(ctx, booking.id, clientId, input.couponCode);
});
