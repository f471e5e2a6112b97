'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/features/accounts/auth/define-action';
import { signIn, signOut } from '@/features/accounts/auth';
import { signInWithPasswordFromAction } from '@/features/accounts/password-sign-in';
import { AppError } from '@/lib/errors';
import { messages } from '@/lib/messages';
import { homeFor, safeCallbackUrl } from './callback-url';
import { findRoleByEmail } from './queries';
import { hitRateLimits, pruneRateLimits, rateLimitRules } from './rate-limit';
import {
  changeEmailSchema,
  changePasswordSchema,
  deleteAccountSchema,
  emailOnlySchema,
  profileSchema,
  registerSchema,
  resetPasswordSchema,
  signInSchema,
  tokenSchema,
} from './schemas';
import * as accounts from './service';
import { revokeAllUserSessions } from './sessions';

const callbackField = { callbackUrl: z.string().max(500).optional() };

async function limitMailRequests(
  ctx: { db: Parameters<typeof hitRateLimits>[0]; ip: string; now: Date },
  email: string,
) {
  const allowed = await hitRateLimits(
    ctx.db,
    [
      { rule: rateLimitRules.mailLinkPerIp, subject: ctx.ip },
      { rule: rateLimitRules.mailLinkPerEmail, subject: email },
    ],
    ctx.now,
  );
  if (!allowed) throw new AppError('rate_limited');
}

export const registerAction = defineAction(
  'public',
  registerSchema.and(z.object(callbackField)),
  async (input, ctx) => {
    if (!(await hitRateLimits(ctx.db, [{ rule: rateLimitRules.signUpPerIp, subject: ctx.ip }], ctx.now)))
      throw new AppError('rate_limited');
    await accounts.registerClient(ctx, input, input.callbackUrl ? safeCallbackUrl(input.callbackUrl) : undefined);
    return { ok: true as const, data: undefined, message: messages.accounts.registered };
  },
);

export const signInAction = defineAction('public', signInSchema.extend(callbackField), async (input, ctx) => {
  await signInWithPasswordFromAction(input);
  if (Math.random() < 0.01) await pruneRateLimits(ctx.db, ctx.now);
  // With no page to return to, the counselor goes to her admin and a client to the portal.
  redirect(
    input.callbackUrl
      ? safeCallbackUrl(input.callbackUrl)
      : homeFor((await findRoleByEmail(ctx.db, input.email)) ?? 'client'),
  );
});

export const requestLoginLinkAction = defineAction('public', emailOnlySchema.extend(callbackField), async (input) => {
  // Rate limits and the no-account case are handled where the mail is sent (auth/index.ts).
  await signIn('nodemailer', { email: input.email, redirectTo: safeCallbackUrl(input.callbackUrl) });
});

export const resendVerificationAction = defineAction('public', emailOnlySchema, async (input, ctx) => {
  await limitMailRequests(ctx, input.email);
  await accounts.resendVerificationMail(ctx, input.email);
  return { ok: true as const, data: undefined, message: messages.accounts.verificationResent };
});

/** A signed-in client asks for the verification link again (the portal's sensitive pages need it). */
export const resendMyVerificationAction = defineAction('user', z.object({}), async (_input, ctx) => {
  await limitMailRequests(ctx, ctx.user.email);
  await accounts.resendVerificationMail(ctx, ctx.user.email);
  return { ok: true as const, data: undefined, message: messages.accounts.verificationResent };
});

export const verifyEmailAction = defineAction('public', tokenSchema.extend(callbackField), async (input, ctx) => {
  await accounts.verifyEmail(ctx, input.token);
  // Signed in already (a new client who booked first): straight back to where she was going.
  if (ctx.user) redirect(input.callbackUrl ? safeCallbackUrl(input.callbackUrl) : '/portal?notice=verified');
  const next = input.callbackUrl ? `&callbackUrl=${encodeURIComponent(safeCallbackUrl(input.callbackUrl))}` : '';
  redirect(`/login?notice=verified${next}`);
});

export const requestPasswordResetAction = defineAction('public', emailOnlySchema, async (input, ctx) => {
  await limitMailRequests(ctx, input.email);
  await accounts.requestPasswordReset(ctx, input.email);
  return { ok: true as const, data: undefined, message: messages.accounts.resetRequested };
});

export const resetPasswordAction = defineAction('public', resetPasswordSchema, async (input, ctx) => {
  await accounts.resetPassword(ctx, input.token, input.password);
  redirect('/login?notice=password-reset');
});

export const confirmEmailChangeAction = defineAction('public', tokenSchema, async (input, ctx) => {
  await accounts.confirmEmailChange(ctx, input.token);
  redirect('/login?notice=email-changed');
});

export const updateProfileAction = defineAction('user', profileSchema, async (input, ctx) => {
  await accounts.updateProfile(ctx, ctx.user.id, input);
  return { ok: true as const, data: undefined, message: messages.accounts.profileSaved };
});

export const changePasswordAction = defineAction('user', changePasswordSchema, async (input, ctx) => {
  await accounts.changePassword(ctx, { userId: ctx.user.id, sessionId: ctx.user.sessionId, ...input });
  return { ok: true as const, data: undefined, message: messages.accounts.passwordChanged };
});

export const changeEmailAction = defineAction('user', changeEmailSchema, async (input, ctx) => {
  await limitMailRequests(ctx, input.email);
  await accounts.requestEmailChange(ctx, { userId: ctx.user.id, ...input });
  return { ok: true as const, data: undefined, message: messages.accounts.emailChangeRequested };
});

export const deleteAccountAction = defineAction('user', deleteAccountSchema, async (input, ctx) => {
  await accounts.deleteAccount(ctx, { userId: ctx.user.id, currentPassword: input.currentPassword });
  await signOut({ redirect: false });
  redirect('/?notice=account-deleted');
});

export const signOutAction = defineAction('user', z.object({}), async () => {
  await signOut({ redirect: false });
  redirect('/login?notice=signed-out');
});

export const signOutEverywhereAction = defineAction('user', z.object({}), async (_input, ctx) => {
  await revokeAllUserSessions(ctx.db, ctx.user.id, ctx.now);
  await signOut({ redirect: false });
  redirect('/login?notice=signed-out-everywhere');
});
