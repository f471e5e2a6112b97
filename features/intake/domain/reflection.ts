import { safetyPositiveValues, safetyQuestionId } from './definitions';
import { type DimensionScore, scoreIntake } from './scoring';
import type { Answers, Definition } from './types';

/** Dimensions above the middle may be reflected back to the client. */
const standsOut = 0.5;

/**
 * A short, gentle reflection drawn from the answers: the words of the (at most two)
 * dimensions that stand out most. Never a score, a level or a diagnosis.
 */
export function reflectionFor(parts: readonly Definition[], answers: Answers): string[] {
  return reflectionFromScores(scoreIntake(parts, answers));
}

export function reflectionFromScores(scores: readonly DimensionScore[]): string[] {
  const notable = scores
    .filter((s) => s.value !== null && s.value > standsOut)
    .sort((a, b) => b.value! - a.value!)
    .slice(0, 2);
  if (notable.length === 0) {
    return [
      'いまの気持ちを丁寧に見つめてくださって、ありがとうございます。大きく揺れているところは少ないようですが、小さな引っかかりも大切なテーマです。',
    ];
  }
  return notable.map((s) => s.reflection);
}

/** A positive answer to the safety question: crisis lines at once, and a flag for the counselor. */
export function isSafetyFlagged(answers: Answers): boolean {
  const answer = answers[safetyQuestionId];
  return typeof answer === 'string' && safetyPositiveValues.includes(answer);
}
