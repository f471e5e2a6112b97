'use server';

import { redirect } from 'next/navigation';
import { isEmailVerified } from '@/features/accounts/queries';
import { defineAction } from '@/features/accounts/auth/define-action';
import { AppError } from '@/lib/errors';
import { getIntakeKeyring } from './keys';
import { intakeConsentSchema, saveIntakeDraftSchema, submitIntakeSchema, themeOfChoice } from './schemas';
import { consentToIntake, saveIntakeDraft, submitIntake } from './service';

/** Answers are sensitive (要配慮個人情報): only an address the client has proved receives them. */
async function assertVerified(ctx: { db: Parameters<typeof isEmailVerified>[0]; user: { id: string } }) {
  if (!(await isEmailVerified(ctx.db, ctx.user.id))) throw new AppError('email_not_verified');
}

export const consentToIntakeAction = defineAction('user', intakeConsentSchema, async (input, ctx) => {
  await assertVerified(ctx);
  await consentToIntake({ ...ctx, keyring: getIntakeKeyring() }, { bookingId: input.bookingId, clientId: ctx.user.id });
  redirect(`/portal/intake/${input.bookingId}`);
});

export const saveIntakeDraftAction = defineAction('user', saveIntakeDraftSchema, async (input, ctx) => {
  await assertVerified(ctx);
  const { basedOn, ...draft } = input;
  const { outcome, savedAt } = await saveIntakeDraft(
    { ...ctx, keyring: getIntakeKeyring() },
    {
      ...draft,
      theme: themeOfChoice(input.theme),
      basedOn: basedOn ? new Date(basedOn) : undefined,
      clientId: ctx.user.id,
    },
  );
  return { outcome, savedAt: savedAt?.toISOString() };
});

export const submitIntakeAction = defineAction('user', submitIntakeSchema, async (input, ctx) => {
  await assertVerified(ctx);
  await submitIntake(
    { ...ctx, keyring: getIntakeKeyring() },
    { ...input, theme: themeOfChoice(input.theme), clientId: ctx.user.id },
  );
  redirect(`/portal/intake/${input.bookingId}?notice=submitted`);
});
