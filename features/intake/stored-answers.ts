import type { intakeResponses } from '@/db/schema';
import { findTheme, type ThemeId } from '@/features/library/themes';
import { type Keyring, open, seal } from './crypto';
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

export function decryptAnswers(keyring: Keyring, row: Pick<Row, 'id' | 'keyId' | 'answersEncrypted'>): Answers {
  return (JSON.parse(open(keyring, { keyId: row.keyId, payload: row.answersEncrypted }, intakeAad(row.id))) as { answers: Answers }).answers;
}

/** A stored response read under the definitions (and versions) it was answered with. */
export function describeResponse(keyring: Keyring, row: Row) {
  const answers = decryptAnswers(keyring, row);
  const theme = (findTheme(row.theme)?.id ?? null) as ThemeId | null;
  const intake = composeIntake(theme, { general: row.generalVersion, themeVersion: row.themeVersion });
  return {
    id: row.id,
    bookingId: row.bookingId,
    clientId: row.clientId,
    status: row.status,
    theme,
    themeLabel: theme ? findTheme(theme)!.label : 'テーマを選ばない（共通の質問のみ）',
    answers,
    flagged: isSafetyFlagged(answers),
    scores: scoreIntake(intake.parts, answers),
    sections: presentAnswers(intake.sections, answers),
    consentedAt: row.consentedAt,
    submittedAt: row.submittedAt,
    updatedAt: row.updatedAt,
  };
}
export type IntakeView = ReturnType<typeof describeResponse>;
