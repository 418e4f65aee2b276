import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';

interface FieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
}

function classes(...names: (string | false | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

function describedBy({ id, hint, error }: FieldProps): string | undefined {
  return classes(!!hint && `${id}-hint`, !!error && `${id}-error`) || undefined;
}

function FormGroup({ id, label, hint, error, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className={classes('nhsuk-form-group', !!error && 'nhsuk-form-group--error')}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <span className="nhsuk-error-message" id={`${id}-error`}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      )}
      {children}
    </div>
  );
}

type InputProps = FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;

export function TextField({ id, label, hint, error, className, ...input }: InputProps) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        className={classes('nhsuk-input', !!error && 'nhsuk-input--error', className)}
        aria-describedby={describedBy({ id, label, hint, error })}
        {...input}
      />
    </FormGroup>
  );
}

export function FileField({ id, label, hint, error, ...input }: InputProps) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        type="file"
        className="nhsuk-file-upload__input"
        aria-describedby={describedBy({ id, label, hint, error })}
        {...input}
      />
    </FormGroup>
  );
}

type SelectProps = FieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>;

export function SelectField({ id, label, hint, error, className, children, ...select }: SelectProps) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        className={classes('nhsuk-select', !!error && 'nhsuk-select--error', className)}
        aria-describedby={describedBy({ id, label, hint, error })}
        {...select}
      >
        {children}
      </select>
    </FormGroup>
  );
}
