import 'server-only';
import type { intakeResponses } from '@/db/schema';
import { findTheme, type ThemeId } from '@/features/library/themes';
import { type Keyring, open, seal, UnreadableCiphertextError } from './crypto';
import { composeIntake } from './domain/definitions';
import { presentAnswers } from './domain/present';
import { isSafetyFlagged } from './domain/reflection';
import { scoreIntake } from './domain/scoring';
import type { Answers } from './domain/types';

export const intakeAad = (responseId: string) => `intake_responses:${responseId}`;

type Row = typeof intakeResponses.$inferSelect;

export function sealAnswers(keyring: Keyring, responseId: string, answers: Answers) {
  const { keyId, payload } = seal(keyring, JSON.stringify({ answers }), intakeAad(responseId));
  return { keyId, answersEncrypted: payload };
}

type AnswersOutcome =
  | { readable: true; answers: Answers }
  | { readable: false; keyId: string; reason: UnreadableCiphertextError['reason'] };

/**
 * The row's answers, or why they cannot be read with this keyring: one questionnaire that
 * cannot be read must not take the page (or the export) that shows it down with it. Each
 * failure is logged once, with the row's id and key id only.
 */
export function readAnswers(keyring: Keyring, row: Pick<Row, 'id' | 'keyId' | 'answersEncrypted'>): AnswersOutcome {
  try {
    const { answers } = JSON.parse(
      open(keyring, { keyId: row.keyId, payload: row.answersEncrypted }, intakeAad(row.id)),
    ) as { answers: Answers };
    return { readable: true, answers };
  } catch (err) {
    if (!(err instanceof UnreadableCiphertextError)) throw err;
    console.error(`[intake] response ${row.id} cannot be read: key ${err.keyId}, ${err.reason}`);
    return { readable: false, keyId: err.keyId, reason: err.reason };
  }
}

/**
 * A stored response read under the definitions (and versions) it was answered with. One that
 * cannot be read keeps what is stored in the clear (state, theme, dates) and says why.
 */
export function describeResponse(keyring: Keyring, row: Row) {
  const theme = (findTheme(row.theme)?.id ?? null) as ThemeId | null;
  const stored = {
    id: row.id,
    bookingId: row.bookingId,
    clientId: row.clientId,
    status: row.status,
    theme,
    themeLabel: theme ? findTheme(theme)!.label : 'テーマを選ばない（共通の質問のみ）',
    consentedAt: row.consentedAt,
    submittedAt: row.submittedAt,
    updatedAt: row.updatedAt,
  };
  const read = readAnswers(keyring, row);
  if (!read.readable) return { ...stored, ...read };
  const { answers } = read;
  const intake = composeIntake(theme, { general: row.generalVersion, themeVersion: row.themeVersion });
  return {
    ...stored,
    readable: true as const,
    answers,
    flagged: isSafetyFlagged(answers),
    scores: scoreIntake(intake.parts, answers),
    sections: presentAnswers(intake.sections, answers),
  };
}
export type IntakeView = ReturnType<typeof describeResponse>;
export type UnreadableIntakeView = Extract<IntakeView, { readable: false }>;
