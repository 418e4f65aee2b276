import { useEffect, useRef } from 'react';
import { onFields, request } from '../../api/client';
import { reviewPendingInterestMutation } from '../../api/registers';
import { ReasonForm } from '../ReasonForm';

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
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [entry.id]);

  async function send(note: string) {
    const { reviewPendingInterest } = await request(reviewPendingInterestMutation, {
      input: { id: entry.id, confirm: false, note },
    });
    return { ...reviewPendingInterest, errors: onFields(reviewPendingInterest.errors, { note: 'note' }) };
  }

  return (
    <ReasonForm
      idPrefix={idPrefix}
      heading={
        <h2 id={`${idPrefix}-heading`} tabIndex={-1} ref={heading}>
          Reject the entry of {entry.name}
        </h2>
      }
      labelledBy={`${idPrefix}-heading`}
      name="note"
      label="Why is it rejected?"
      hint="For example, declared in error: the member has no such interest. The member and the register keep the reason."
      missing="Say why the entry is rejected"
      submitLabel="Reject the entry"
      send={send}
      onDone={() => onRejected(`Rejected the entry of ${entry.name} declared at a meeting.`)}
      onCancel={onCancel}
    >
      <p>{entry.description}</p>
    </ReasonForm>
  );
}
