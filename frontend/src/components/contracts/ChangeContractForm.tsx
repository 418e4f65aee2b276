import { type FormEvent } from 'react';
import { onFields, request } from '../../api/client';
import { updatePrimaryCareContractMutation } from '../../api/contracts';
import { useSubmission } from '../../api/useSubmission';
import type { ContractType } from '../../generated/graphql';
import { contractTypeInWords, contractTypes } from '../../vocabulary';
import { ActionPanel } from '../ActionPanel';
import { DateInput, dateProblems, readDate } from '../DateInput';
import { ErrorSummary, errorFor } from '../ErrorSummary';
import { SelectField, TextArea } from '../fields';
import { enhancedServicesFrom } from './enhancedServices';
import { type ContractRecord, practiceName } from './types';

const idPrefix = 'change-contract';

const apiFields = {
  contractType: 'contractType',
  startDate: 'startDate',
  enhancedServices: 'enhancedServices',
  notes: 'notes',
};

interface ChangeContractFormProps {
  contract: ContractRecord;
  onChanged: (message: string) => void;
  onCancel: () => void;
}

export function ChangeContractForm({ contract, onChanged, onCancel }: ChangeContractFormProps) {
  const { errors, setErrors, submitting, submit } = useSubmission();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const values = new FormData(event.currentTarget);
    const text = (name: string) => String(values.get(name) ?? '');
    const start = readDate(values, 'startDate', 'date the contract started');
    const startDate = start.value;
    const problems = dateProblems(start, 'startDate', 'Enter the date the contract started');
    if (problems.length) {
      setErrors(problems);
      return;
    }
    const payload = await submit(async () => {
      const { updatePrimaryCareContract } = await request(updatePrimaryCareContractMutation, {
        input: {
          id: contract.id,
          contractType: text('contractType') as ContractType,
          startDate,
          enhancedServices: enhancedServicesFrom(text('enhancedServices')),
          notes: text('notes').trim(),
        },
      });
      return { ...updatePrimaryCareContract, errors: onFields(updatePrimaryCareContract.errors, apiFields) };
    });
    if (payload) onChanged(`Saved the contract record of ${practiceName(contract)}.`);
  }

  return (
    <ActionPanel heading={`Change the contract record of ${practiceName(contract)}`}>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} idPrefix={idPrefix} />
        <SelectField
          id={`${idPrefix}-contractType`}
          name="contractType"
          label="Contract type"
          defaultValue={contract.contractType}
          error={errorFor(errors, 'contractType')}
        >
          {contractTypes.map((value) => (
            <option key={value} value={value}>
              {contractTypeInWords[value]}
            </option>
          ))}
        </SelectField>
        <DateInput
          id={`${idPrefix}-startDate`}
          name="startDate"
          legend="Start date"
          hint="For example, 1 4 2019"
          defaultValue={contract.startDate}
          error={errorFor(errors, 'startDate')}
        />
        <TextArea
          id={`${idPrefix}-enhancedServices`}
          name="enhancedServices"
          label="Enhanced services"
          hint="The enhanced services the practice has signed up to, one a line"
          rows={4}
          defaultValue={contract.enhancedServices.join('\n')}
          error={errorFor(errors, 'enhancedServices')}
        />
        <TextArea
          id={`${idPrefix}-notes`}
          name="notes"
          label="Notes"
          rows={3}
          defaultValue={contract.notes}
          error={errorFor(errors, 'notes')}
        />
        <div className="app-button-row">
          <button className="nhsuk-button" type="submit">
            Save contract record
          </button>
          <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </ActionPanel>
  );
}
