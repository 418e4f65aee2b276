import { type FormEvent } from 'react';
import { onFields, request } from '../../api/client';
import { revokeDelegationMutation } from '../../api/delegations';
import { useSubmission } from '../../api/useSubmission';
import { ErrorSummary, errorFor } from '../ErrorSummary';
import { TextArea } from '../fields';
import { ActionPanel } from '../ActionPanel';
import { describeDelegation, type RegisteredDelegation } from './types';

const idPrefix = 'revoke-delegation';

interface RevokeDelegationFormProps {
  delegation: RegisteredDelegation;
  onRevoked: (message: string) => void;
  onCancel: () => void;
}

export function RevokeDelegationForm({ delegation, onRevoked, onCancel }: RevokeDelegationFormProps) {
  const { errors, setErrors, submitting, submit } = useSubmission();
  const description = describeDelegation(delegation);
  const members = delegation.receivingCommittee ? `Members of ${delegation.receivingCommittee.name}` : 'Its members';

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    if (!reason) {
      setErrors([{ field: 'reason', message: 'Say why the delegation is revoked' }]);
      return;
    }
    const payload = await submit(async () => {
      const { revokeDelegation } = await request(revokeDelegationMutation, { input: { id: delegation.id, reason } });
      return { ...revokeDelegation, errors: onFields(revokeDelegation.errors, { reason: 'reason' }) };
    });
    if (payload) onRevoked(`Revoked ${description}.`);
  }

  return (
    <ActionPanel heading="Revoke a delegation">
      <p>You are revoking {description}.</p>
      <div className="nhsuk-card nhsuk-card--warning">
        <div className="nhsuk-card__content">
          <h3 className="nhsuk-card__heading">
            <span className="nhsuk-u-visually-hidden">Important: </span>This takes effect at once
          </h3>
          <p className="nhsuk-card__description">
            {members} lose what this delegation gives them as soon as you revoke it. It cannot be undone.
          </p>
        </div>
      </div>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} idPrefix={idPrefix} />
        <TextArea
          id={`${idPrefix}-reason`}
          name="reason"
          label="Reason for revoking"
          hint="This is kept in the register with the delegation"
          rows={3}
          error={errorFor(errors, 'reason')}
        />
        <div className="app-button-row">
          <button className="nhsuk-button nhsuk-button--warning" type="submit">
            Revoke delegation
          </button>
          <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </ActionPanel>
  );
}
