import { type FormEvent, type ReactNode } from 'react';
import type { FormError } from '../api/client';
import { useSubmission } from '../api/useSubmission';
import { ErrorSummary, errorFor } from './ErrorSummary';
import { TextArea } from './fields';

interface ReasonFormProps {
  idPrefix: string;
  /** The field's name, as the mutation's errors name it. */
  name: string;
  label: string;
  hint: string;
  /** The error when no reason is given. */
  missing: string;
  submitLabel: string;
  /** Sends the reason (trimmed, never empty); resolves to the mutation's payload with its field errors. */
  send: (reason: string) => Promise<{ errors: FormError[] }>;
  onDone: (reason: string) => void;
  onCancel: () => void;
  /** A heading inside the form, above its errors; `labelledBy` is its id when it names the form. */
  heading?: ReactNode;
  labelledBy?: string;
  /** What the action does, shown above the field. */
  children?: ReactNode;
}

/** A warning action that needs a reason: revoking, rejecting, withdrawing. Nothing is sent without one. */
export function ReasonForm(props: ReasonFormProps) {
  const { idPrefix, name, label, hint, missing, submitLabel, send, onDone, onCancel, heading, labelledBy, children } = props;
  const { errors, setErrors, submitting, submit } = useSubmission();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const reason = String(new FormData(event.currentTarget).get(name) ?? '').trim();
    if (!reason) {
      setErrors([{ field: name, message: missing }]);
      return;
    }
    if (await submit(() => send(reason))) onDone(reason);
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={labelledBy}>
      {heading}
      <ErrorSummary errors={errors} idPrefix={idPrefix} />
      {children}
      <TextArea
        id={`${idPrefix}-${name}`}
        name={name}
        label={label}
        hint={hint}
        rows={3}
        error={errorFor(errors, name)}
      />
      <div className="app-button-row">
        <button className="nhsuk-button nhsuk-button--warning" type="submit">
          {submitLabel}
        </button>
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
