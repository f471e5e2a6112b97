import type { UseFormRegister } from 'react-hook-form';
import { TextAreaField, TextField } from '@/components/ui/text-field';
import type { SectionProgress } from '@/features/intake/domain/progress';
import type { Question, Section } from '@/features/intake/domain/types';
import { scaleValues } from '@/features/intake/domain/types';

type Register = UseFormRegister<{ answers: Record<string, unknown> }>;
type Props = { question: Question; register: Register; error?: string; disabled?: boolean; children?: React.ReactNode };

function QuestionTitle({ question }: { question: Question }) {
  return (
    <>
      {question.label}
      {question.required ? <span className="field__required">（必須）</span> : null}
    </>
  );
}

function Description({ id, text }: { id: string; text?: string }) {
  return text ? (
    <p id={id} className="field__description">
      {text}
    </p>
  ) : null;
}

function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={id} className="field__error">
      {error}
    </p>
  ) : null;
}

/** One question of a questionnaire, labelled so that a screen reader reads the question with each choice. */
export function QuestionField({ question: q, register, error, disabled, children }: Props) {
  const id = `q-${q.id}`;
  const name = `answers.${q.id}` as const;
  const errorId = `${id}-error`;
  const descriptionId = `${id}-description`;
  const describedBy =
    [q.description ? descriptionId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const invalid = error ? true : undefined;

  if (q.kind === 'short' || q.kind === 'long') {
    const field = {
      id,
      label: q.label,
      required: q.required,
      description: q.description,
      error,
      registration: register(name),
      maxLength: q.maxLength,
      disabled,
    };
    return q.kind === 'long' ? <TextAreaField rows={5} {...field} /> : <TextField type="text" {...field} />;
  }

  // A scale shows bare numbers with its two ends written underneath; each end's words stay in the radio's name.
  const choices =
    q.kind === 'scale'
      ? scaleValues.map((v) => ({
          value: v,
          label: v,
          hidden: v === '1' ? `（${q.minLabel}）` : v === '5' ? `（${q.maxLabel}）` : '',
        }))
      : q.options.map((o) => ({ value: o.value, label: o.label, hidden: '' }));
  return (
    <fieldset
      className={`field choice-group${q.kind === 'scale' ? ' choice-group--scale' : ''}`}
      aria-describedby={describedBy}
    >
      <legend>
        <QuestionTitle question={q} />
      </legend>
      <Description id={descriptionId} text={q.description} />
      <div className="choice-group__options">
        {choices.map((c) => (
          <label key={c.value} className="choice">
            <input
              type={q.kind === 'multiple' ? 'checkbox' : 'radio'}
              value={c.value}
              disabled={disabled}
              aria-invalid={invalid}
              {...register(name)}
            />
            <span>
              {c.label}
              {c.hidden ? <span className="sr-only">{c.hidden}</span> : null}
            </span>
          </label>
        ))}
      </div>
      {q.kind === 'scale' ? (
        <p className="choice-group__ends" aria-hidden="true">
          <span>{q.minLabel}</span>
          <span>{q.maxLabel}</span>
        </p>
      ) : null}
      <FieldError id={errorId} error={error} />
      {children}
    </fieldset>
  );
}

export function QuestionSections({
  sections,
  register,
  errors,
  disabled,
  after,
  progress,
}: {
  sections: readonly Section[];
  /** Answered / total per section, shown under each section's heading while answering. */
  progress?: readonly SectionProgress[];
  register: Register;
  errors: Record<string, { message?: string } | undefined> | undefined;
  disabled?: boolean;
  after?: Record<string, React.ReactNode>;
}) {
  return sections.map((s) => {
    const p = progress?.find((x) => x.id === s.id);
    return (
      <section key={s.id} className="intake-section" aria-labelledby={`section-${s.id}`}>
        <h2 id={`section-${s.id}`}>{s.title}</h2>
        {p ? (
          <p className="intake-section__progress">
            {p.answered === p.total ? 'すべて回答済み' : `${p.total}問中${p.answered}問に回答`}
          </p>
        ) : null}
        {s.description ? <p>{s.description}</p> : null}
        {s.questions.map((q) => (
          <QuestionField
            key={q.id}
            question={q}
            register={register}
            error={errors?.[q.id]?.message}
            disabled={disabled}
          >
            {after?.[q.id]}
          </QuestionField>
        ))}
      </section>
    );
  });
}
