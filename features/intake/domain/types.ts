import type { ThemeId } from '@/features/library/themes';

/**
 * A questionnaire is typed data: sections of questions, and dimensions that scoring turns the
 * answers into. Definitions carry a version; a stored response keeps the version it was
 * answered under, and every published version stays in the registry so old responses read.
 */
export type Option = {
  value: string;
  label: string;
  /** How far this choice speaks for each dimension, 0 (not at all) to 1 (strongly). */
  weights?: Readonly<Record<string, number>>;
};

type Base = {
  id: string;
  label: string;
  description?: string;
  required?: boolean;
  /** Asked in the anonymous self-check on article pages too. */
  selfCheck?: boolean;
};

export type SingleChoiceQuestion = Base & { kind: 'single'; options: readonly Option[] };
export type MultipleChoiceQuestion = Base & { kind: 'multiple'; options: readonly Option[] };
export type ScaleQuestion = Base & {
  kind: 'scale';
  minLabel: string;
  maxLabel: string;
  /** The dimension a higher answer speaks for; `reverse` when a higher answer speaks against it. */
  dimension?: string;
  reverse?: boolean;
};
type TextBase = Base & { maxLength: number };
export type ShortTextQuestion = TextBase & { kind: 'short' };
export type LongTextQuestion = TextBase & { kind: 'long' };
export type TextQuestion = ShortTextQuestion | LongTextQuestion;

export type Question = SingleChoiceQuestion | MultipleChoiceQuestion | ScaleQuestion | TextQuestion;
export type QuestionKind = Question['kind'];

export type Section = { id: string; title: string; description?: string; questions: readonly Question[] };

export type Dimension = {
  id: string;
  /** The counselor's name for it; never shown to the client. */
  label: string;
  /** Gentle words for the client when this dimension stands out (the reflection). */
  reflection: string;
};

export type Definition = {
  id: 'general' | ThemeId;
  version: number;
  theme: ThemeId | null;
  title: string;
  sections: readonly Section[];
  dimensions: readonly Dimension[];
};

export const scaleValues = ['1', '2', '3', '4', '5'] as const;

/** What a client gave: a choice, a list of choices, a scale step ('1'–'5') or text. */
export type AnswerValue = string | string[] | null | undefined;
export type Answers = Record<string, AnswerValue>;
