import type { Answers, Question, Section } from './types';

export type AnswerLine = { id: string; label: string; text: string | null };
export type AnswerSection = { title: string; lines: AnswerLine[] };

function answerText(q: Question, answer: unknown): string | null {
  if (answer === undefined || answer === null || answer === '') return null;
  switch (q.kind) {
    case 'single':
      return q.options.find((o) => o.value === answer)?.label ?? String(answer);
    case 'multiple':
      return Array.isArray(answer)
        ? answer.length === 0
          ? '（当てはまるものなし）'
          : answer.map((v) => q.options.find((o) => o.value === v)?.label ?? String(v)).join('、')
        : null;
    case 'scale':
      return `${String(answer)}（1：${q.minLabel} 〜 5：${q.maxLabel}）`;
    case 'short':
    case 'long':
      return String(answer);
  }
}

/** Every question with its answer in words, in the order asked; answers to questions no longer asked come last. */
export function presentAnswers(sections: readonly Section[], answers: Answers): AnswerSection[] {
  const known = new Set(sections.flatMap((s) => s.questions.map((q) => q.id)));
  const out = sections.map((s) => ({
    title: s.title,
    lines: s.questions.map((q) => ({ id: q.id, label: q.label, text: answerText(q, answers[q.id]) })),
  }));
  const extra = Object.entries(answers).filter(
    ([id, v]) => !known.has(id) && v !== undefined && v !== null && v !== '',
  );
  if (extra.length > 0)
    out.push({
      title: 'その他の回答',
      lines: extra.map(([id, v]) => ({ id, label: id, text: Array.isArray(v) ? v.join('、') : String(v) })),
    });
  return out;
}
