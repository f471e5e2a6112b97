'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions';
import { getIntakeKeyring } from './keys';
import { intakeConsentSchema, saveIntakeDraftSchema, submitIntakeSchema, themeOfChoice } from './schemas';
import { consentToIntake, saveIntakeDraft, submitIntake } from './service';

export const consentToIntakeAction = defineAction('user', intakeConsentSchema, async (input, ctx) => {
  await consentToIntake({ ...ctx, keyring: getIntakeKeyring() }, { bookingId: input.bookingId, clientId: ctx.user.id });
  redirect(`/portal/intake/${input.bookingId}`);
});

export const saveIntakeDraftAction = defineAction('user', saveIntakeDraftSchema, async (input, ctx) => {
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
  await submitIntake(
    { ...ctx, keyring: getIntakeKeyring() },
    { ...input, theme: themeOfChoice(input.theme), clientId: ctx.user.id },
  );
  redirect(`/portal/intake/${input.bookingId}?notice=submitted`);
});
