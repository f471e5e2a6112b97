import type { UseFormRegisterReturn } from 'react-hook-form';

/** A labelled textarea whose description and error are announced with it. */
export function TextAreaField({ id, label, rows, registration, error, description }: { id: string; label: string; rows: number; registration: UseFormRegisterReturn; error?: string; description?: string }) {
  const describedBy = [description ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {description ? (
        <p id={`${id}-description`} className="field__description">
          {description}
        </p>
      ) : null}
      <textarea id={id} rows={rows} aria-describedby={describedBy} aria-invalid={error ? true : undefined} {...registration} />
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
