import { useId, type ReactNode } from 'react';

/** A labelled form control with its own error beside it (server or client). */
export function Field({ label, error, hint, children, errorTestId }: { label: string; error?: string | undefined; hint?: string | undefined; children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode; errorTestId?: string }) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const described = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': described })}
      {hint ? <small id={hintId} className="field-hint">{hint}</small> : null}
      {error ? (
        <small id={errorId} className="field-error" role="alert" data-testid={errorTestId}>
          {error}
        </small>
      ) : null}
    </div>
  );
}

/** A group of checkboxes or radios with a legend and an error. */
export function FieldSet({ legend, error, children, errorTestId }: { legend: string; error?: string | undefined; children: ReactNode; errorTestId?: string }) {
  return (
    <fieldset className={error ? 'field fieldset field-invalid' : 'field fieldset'}>
      <legend>{legend}</legend>
      <div className="choices">{children}</div>
      {error ? (
        <small className="field-error" role="alert" data-testid={errorTestId}>
          {error}
        </small>
      ) : null}
    </fieldset>
  );
}
