import type { UseFormRegisterReturn } from 'react-hook-form';

/** A checkbox with its label and error, the error announced with it. */
export function CheckboxField({
  registration,
  error,
  id: givenId,
  children,
}: {
  registration: UseFormRegisterReturn;
  error?: string;
  id?: string;
  children: React.ReactNode;
}) {
  const id = givenId ?? `field-${registration.name}`;
  return (
    <div className="field field--checkbox">
      <input
        id={id}
        type="checkbox"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...registration}
      />
      <label htmlFor={id}>{children}</label>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
