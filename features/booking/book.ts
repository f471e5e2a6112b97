import 'server-only';
import { findUserIdByEmail } from '@/features/accounts/queries';
import { registerClient } from '@/features/accounts/service';
import type { Profile } from '@/features/accounts/schemas';
import { AppError } from '@/lib/errors';
import type { ServiceContext } from '@/lib/service';
import { holdSlot } from './hold';
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
