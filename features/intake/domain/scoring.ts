import type { Answers, Definition, Question } from './types';

export type DimensionLevel = 'low' | 'middle' | 'high';
export type DimensionScore = {
  id: string;
  label: string;
  reflection: string;
  value: number | null;
  level: DimensionLevel | null;
  answered: number;
};

/** The counselor's words for a level; never shown to the client. */
export const dimensionLevelLabel: Record<DimensionLevel, string> = { low: '低め', middle: '中くらい', high: '高め' };

/** How far one answer speaks for a dimension, 0 to 1; undefined when it does not speak to it. */
function contribution(q: Question, answer: unknown, dimension: string): number | undefined {
  if (q.kind === 'scale') {
    if (q.dimension !== dimension || typeof answer !== 'string') return undefined;
    const step = Number(answer);
    if (!Number.isInteger(step) || step < 1 || step > 5) return undefined;
    const value = (step - 1) / 4;
    return q.reverse ? 1 - value : value;
  }
  if (q.kind === 'single') {
    const option = q.options.find((o) => o.value === answer);
    return option?.weights?.[dimension];
  }
  if (q.kind === 'multiple') {
    const total = q.options.reduce((sum, o) => sum + (o.weights?.[dimension] ?? 0), 0);
    if (total === 0 || !Array.isArray(answer)) return undefined;
    const chosen = q.options
      .filter((o) => answer.includes(o.value))
      .reduce((sum, o) => sum + (o.weights?.[dimension] ?? 0), 0);
    return chosen / total;
  }
  return undefined;
}

export function levelOf(value: number): DimensionLevel {
  if (value < 1 / 3) return 'low';
  if (value < 2 / 3) return 'middle';
  return 'high';
}

/** Each dimension is the mean of the answers that speak to it (unanswered ones do not count). */
export function scoreDefinition(def: Definition, answers: Answers): DimensionScore[] {
  const questions = def.sections.flatMap((s) => s.questions);
  return def.dimensions.map((d) => {
    const parts = questions
      .map((q) => contribution(q, answers[q.id], d.id))
      .filter((v): v is number => v !== undefined);
    const value = parts.length > 0 ? parts.reduce((a, b) => a + b, 0) / parts.length : null;
    return {
      id: d.id,
      label: d.label,
      reflection: d.reflection,
      value,
      level: value === null ? null : levelOf(value),
      answered: parts.length,
    };
  });
}

export function scoreIntake(parts: readonly Definition[], answers: Answers): DimensionScore[] {
  return parts.flatMap((def) => scoreDefinition(def, answers));
}
