import type { AnswerSection } from '@/features/intake/domain/present';

/** Every question and its answer, read-only. */
export function IntakeAnswers({ sections, headingLevel = 2 }: { sections: AnswerSection[]; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return sections.map((s) => (
    <section key={s.title} className="intake-answers" aria-label={s.title}>
      <H>{s.title}</H>
      <dl className="facts">
        {s.lines.map((l) => (
          <div key={l.id}>
            <dt>{l.label}</dt>
            <dd className="intake-answers__text">{l.text ?? '（未回答）'}</dd>
          </div>
        ))}
      </dl>
    </section>
  ));
}
