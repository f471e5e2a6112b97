import type { InputHTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

type Props = {
  label: string;
  registration: UseFormRegisterReturn;
  error?: string;
  description?: string;
  required?: boolean;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'required'>;

/** A labelled input whose description and error are announced with it. */
export function TextField({ label, registration, error, description, required, id, ...input }: Props) {
  const fieldId = id ?? `field-${registration.name}`;
  const describedBy = [description ? `${fieldId}-description` : null, error ? `${fieldId}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={fieldId}>
        {label}
        {required ? <span className="field__required">（必須）</span> : null}
      </label>
      {description ? (
        <p id={`${fieldId}-description`} className="field__description">
          {description}
        </p>
      ) : null}
      <input id={fieldId} aria-invalid={error ? true : undefined} aria-describedby={describedBy} aria-required={required || undefined} {...registration} {...input} />
      {error ? (
        <p id={`${fieldId}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
