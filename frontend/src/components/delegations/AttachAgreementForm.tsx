import { type FormEvent } from 'react';
import { onFields, request } from '../../api/client';
import { attachDelegationAgreementMutation } from '../../api/delegations';
import { useSubmission } from '../../api/useSubmission';
import { chosenFile, readAsBase64 } from '../../files';
import { ErrorSummary, errorFor } from '../ErrorSummary';
import { FileField } from '../fields';
import { ActionPanel } from '../ActionPanel';
import { describeDelegation, type RegisteredDelegation } from './types';

const idPrefix = 'attach-agreement';

interface AttachAgreementFormProps {
  delegation: RegisteredDelegation;
  onAttached: (message: string) => void;
  onCancel: () => void;
}

export function AttachAgreementForm({ delegation, onAttached, onCancel }: AttachAgreementFormProps) {
  const { errors, setErrors, submitting, submit } = useSubmission();
  const description = describeDelegation(delegation);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const file = chosenFile(new FormData(event.currentTarget), 'file');
    if (!file) {
      setErrors([{ field: 'file', message: 'Select the signed agreement to attach' }]);
      return;
    }
    const payload = await submit(async () => {
      const { attachDelegationAgreement } = await request(attachDelegationAgreementMutation, {
        input: { delegationId: delegation.id, filename: file.name, contentBase64: await readAsBase64(file) },
      });
      return {
        ...attachDelegationAgreement,
        errors: onFields(attachDelegationAgreement.errors, { contentBase64: 'file', filename: 'file' }),
      };
    });
    if (payload) {
      const note = payload.delegation?.agreement?.inspectionNote;
      onAttached(`Attached ${file.name} to ${description}.${note ? ` ${note}` : ''}`);
    }
  }

  return (
    <ActionPanel heading="Attach the signed agreement">
      <p>
        For {description}.
        {delegation.agreement && ' It replaces the agreement on file.'}
      </p>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} idPrefix={idPrefix} />
        <FileField
          id={`${idPrefix}-file`}
          name="file"
          label="Signed agreement"
          hint="A PDF, up to 10 MB"
          accept=".pdf,application/pdf"
          error={errorFor(errors, 'file')}
        />
        <div className="app-button-row">
          <button className="nhsuk-button" type="submit">
            Attach agreement
          </button>
          <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </ActionPanel>
  );
}
