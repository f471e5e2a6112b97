import type { UseFormRegisterReturn } from 'react-hook-form';

/** A fieldset of radio buttons with a legend, one registration for all. */
export function RadioGroup({
  legend,
  registration,
  options,
}: {
  legend: string;
  registration: UseFormRegisterReturn;
  options: { value: string; label: string }[];
}) {
  return (
    <fieldset className="field">
      <legend>{legend}</legend>
      {options.map((o) => (
        <div className="field--checkbox" key={o.value}>
          <input id={`${registration.name}-${o.value}`} type="radio" value={o.value} {...registration} />
          <label htmlFor={`${registration.name}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
