import { onFields, request } from '../../api/client';
import { revokeDelegationMutation } from '../../api/delegations';
import { ActionPanel } from '../ActionPanel';
import { ReasonForm } from '../ReasonForm';
import { describeDelegation, type RegisteredDelegation } from './types';

interface RevokeDelegationFormProps {
  delegation: RegisteredDelegation;
  onRevoked: (message: string) => void;
  onCancel: () => void;
}

export function RevokeDelegationForm({ delegation, onRevoked, onCancel }: RevokeDelegationFormProps) {
  const description = describeDelegation(delegation);
  const members = delegation.receivingCommittee ? `Members of ${delegation.receivingCommittee.name}` : 'Its members';

  async function send(reason: string) {
    const { revokeDelegation } = await request(revokeDelegationMutation, { input: { id: delegation.id, reason } });
    return { ...revokeDelegation, errors: onFields(revokeDelegation.errors, { reason: 'reason' }) };
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
      <ReasonForm
        idPrefix="revoke-delegation"
        name="reason"
        label="Reason for revoking"
        hint="This is kept in the register with the delegation"
        missing="Say why the delegation is revoked"
        submitLabel="Revoke delegation"
        send={send}
        onDone={() => onRevoked(`Revoked ${description}.`)}
        onCancel={onCancel}
      />
    </ActionPanel>
  );
}
