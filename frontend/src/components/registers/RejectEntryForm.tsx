import { type FormEvent, useEffect, useRef } from 'react';
import { onFields, request } from '../../api/client';
import { reviewPendingInterestMutation } from '../../api/registers';
import { useSubmission } from '../../api/useSubmission';
import { ErrorSummary, errorFor } from '../ErrorSummary';
import { TextArea } from '../fields';

export interface PendingEntry {
  id: string;
  name: string;
  description: string;
}

/** The register's keeper rejects an entry declared at a meeting, saying why; it is then never published. */
export function RejectEntryForm({ entry, onRejected, onCancel }: {
  entry: PendingEntry;
  onRejected: (message: string) => void;
  onCancel: () => void;
}) {
  const idPrefix = 'reject-entry';
  const { errors, setErrors, submitting, submit } = useSubmission();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [entry.id]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const note = String(new FormData(event.currentTarget).get('note') ?? '');
    if (!note.trim()) {
      setErrors([{ field: 'note', message: 'Say why the entry is rejected' }]);
      return;
    }
    const payload = await submit(async () => {
      const { reviewPendingInterest } = await request(reviewPendingInterestMutation, {
        input: { id: entry.id, confirm: false, note },
      });
      return { ...reviewPendingInterest, errors: onFields(reviewPendingInterest.errors, { note: 'note' }) };
    });
    if (payload) onRejected(`Rejected the entry of ${entry.name} declared at a meeting.`);
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${idPrefix}-heading`}>
      <h2 id={`${idPrefix}-heading`} tabIndex={-1} ref={heading}>
        Reject the entry of {entry.name}
      </h2>
      <p>{entry.description}</p>
      <ErrorSummary errors={errors} idPrefix={idPrefix} />
      <TextArea
        id={`${idPrefix}-note`}
        name="note"
        label="Why is it rejected?"
        hint="For example, declared in error: the member has no such interest. The member and the register keep the reason."
        rows={3}
        error={errorFor(errors, 'note')}
      />
      <div className="app-button-row">
        <button className="nhsuk-button nhsuk-button--warning" type="submit">
          Reject the entry
        </button>
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
