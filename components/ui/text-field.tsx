import type { InputHTMLAttributes, TextareaHTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

type FieldProps = {
  label: string;
  registration: UseFormRegisterReturn;
  error?: string;
  description?: string;
  required?: boolean;
  id?: string;
};

/** Label, description and error around one control, which gets the ids to announce them. */
function Field({
  label,
  registration,
  error,
  description,
  required,
  id,
  control,
}: FieldProps & {
  control: (a11y: {
    id: string;
    'aria-invalid'?: true;
    'aria-describedby'?: string;
    'aria-required'?: true;
  }) => React.ReactNode;
}) {
  const fieldId = id ?? `field-${registration.name}`;
  const describedBy =
    [description ? `${fieldId}-description` : null, error ? `${fieldId}-error` : null].filter(Boolean).join(' ') ||
    undefined;
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
      {control({
        id: fieldId,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
        'aria-required': required || undefined,
      })}
      {error ? (
        <p id={`${fieldId}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input whose description and error are announced with it. */
export function TextField({
  label,
  registration,
  error,
  description,
  required,
  id,
  ...input
}: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'required'>) {
  return (
    <Field
      {...{ label, registration, error, description, required, id }}
      control={(a11y) => <input {...a11y} {...registration} {...input} />}
    />
  );
}

/** The same for a textarea. */
export function TextAreaField({
  label,
  registration,
  error,
  description,
  required,
  id,
  ...textarea
}: FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'required'>) {
  return (
    <Field
      {...{ label, registration, error, description, required, id }}
      control={(a11y) => <textarea {...a11y} {...registration} {...textarea} />}
    />
  );
}
