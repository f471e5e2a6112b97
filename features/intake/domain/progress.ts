import type { Answers, Section } from './types';

export type SectionProgress = { id: string; title: string; answered: number; total: number };
export type IntakeProgress = { sections: SectionProgress[]; answered: number; total: number };

/**
 * Whether a question counts as answered for the progress shown to the client: a choice made,
 * some text written (not only spaces), or at least one box ticked. An empty multiple choice is
 * not counted: nothing on screen tells it apart from a question not yet read.
 */
export function isAnswered(answer: unknown): boolean {
  if (Array.isArray(answer)) return answer.length > 0;
  if (typeof answer === 'string') return answer.trim() !== '';
  return answer !== undefined && answer !== null && answer !== false;
}

/**
 * Answered / total per section and overall, in the order asked.
 *
 *   sections [goals: 3 questions, safety: 1], answers { goal: '話したい', mood: '4', safety: '' }
 *   → goals 2/3, safety 0/1, overall 2/4
 */
export function intakeProgress(sections: readonly Section[], answers: Answers): IntakeProgress {
  const rows = sections.map((s) => ({
    id: s.id,
    title: s.title,
    answered: s.questions.filter((q) => isAnswered(answers[q.id])).length,
    total: s.questions.length,
  }));
  return {
    sections: rows,
    answered: rows.reduce((n, r) => n + r.answered, 0),
    total: rows.reduce((n, r) => n + r.total, 0),
  };
}
