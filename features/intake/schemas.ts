import { z } from 'zod';
import { type ThemeId, themeIds } from '@/features/library/themes';
import { messages } from '@/lib/messages';
import { composeIntake } from './domain/definitions';
import { answersSchema, type SchemaMode } from './domain/schema';
import type { Answers } from './domain/types';

/** The theme a client chose for the questionnaire; `none` is the general intake alone. */
export const intakeThemeChoices = [...themeIds, 'none'] as const;
export type IntakeThemeChoice = (typeof intakeThemeChoices)[number];

export function themeOfChoice(choice: IntakeThemeChoice): ThemeId | null {
  return choice === 'none' ? null : choice;
}

/** `basedOn` (drafts only): when the draft on the page was last saved, so an older page cannot overwrite a newer one. */
export type IntakeInput = { bookingId: string; theme: IntakeThemeChoice; answers: Answers; basedOn?: string };

/**
 * The action's input: one branch per theme, each with the answers schema derived from that
 * theme's questionnaire, so a field error lands on `answers.<question id>` in the form.
 */
function intakeInputSchema(mode: SchemaMode) {
  const branches = intakeThemeChoices.map((theme) =>
    z.object({
      bookingId: z.uuid(),
      theme: z.literal(theme),
      answers: answersSchema(composeIntake(themeOfChoice(theme)).sections, mode),
      basedOn: z.iso.datetime().optional(),
    }),
  );
  return z.discriminatedUnion(
    'theme',
    branches as [(typeof branches)[number], ...(typeof branches)[number][]],
  ) as unknown as z.ZodType<IntakeInput, IntakeInput>;
}

export const submitIntakeSchema = intakeInputSchema('submit');
export const saveIntakeDraftSchema = intakeInputSchema('draft');

/** APPI: explicit consent before the first answer (要配慮個人情報) is stored. */
export const intakeConsentSchema = z.object({
  bookingId: z.uuid(),
  consent: z.literal(true, messages.intake.validation.consent),
});
export type IntakeConsentInput = z.input<typeof intakeConsentSchema>;
