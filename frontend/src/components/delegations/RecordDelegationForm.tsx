import { type FormEvent } from 'react';
import { type FormError, onFields, request } from '../../api/client';
import { delegationChoicesQuery, recordDelegationMutation } from '../../api/delegations';
import { useQuery } from '../../api/useQuery';
import { useSubmission } from '../../api/useSubmission';
import { londonMidnight, today } from '../../dates';
import { chosenFile, readAsBase64 } from '../../files';
import { DateInput, dateProblems, readDate } from '../DateInput';
import { ErrorSummary, errorFor } from '../ErrorSummary';
import { Checkboxes, FileField, SelectField } from '../fields';
import { QueryProblem } from '../messages';

const idPrefix = 'record-delegation';

const apiFields = {
  committeeId: 'committeeId',
  functions: 'functions',
  scopeIds: 'scopeIds',
  validFrom: 'validFrom',
  validTo: 'validTo',
  agreement: 'agreement',
};

interface RecordDelegationFormProps {
  organisation: { id: string; name: string };
  onRecorded: (message: string) => void;
}

export function RecordDelegationForm({ organisation, onRecorded }: RecordDelegationFormProps) {
  const choices = useQuery(delegationChoicesQuery, { organisationId: organisation.id });
  const { errors, setErrors, submitting, submit } = useSubmission();
  const targets = choices.data?.delegationTargets ?? [];
  const ccgs = (choices.data?.organisations.edges ?? [])
    .map(({ node }) => node)
    .sort((a, b) => a.name.localeCompare(b.name));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const form = event.currentTarget;
    const values = new FormData(form);
    const text = (name: string) => String(values.get(name) ?? '').trim();
    const committeeId = text('committeeId');
    const from = readDate(values, 'validFrom', 'date the delegation starts');
    const to = readDate(values, 'validTo', 'date the delegation ends');
    const validFrom = londonMidnight(from.value);
    const validTo = londonMidnight(to.value);
    const problems: FormError[] = [
      ...(committeeId ? [] : [{ field: 'committeeId', message: 'Choose the committee receiving the delegation' }]),
      ...dateProblems(from, 'validFrom', 'Enter the date the delegation starts'),
      ...dateProblems(to, 'validTo', 'Enter the date the delegation ends'),
    ];
    if (!validFrom || !validTo || problems.length) {
      setErrors(problems);
      return;
    }
    const file = chosenFile(values, 'agreement');
    const payload = await submit(async () => {
      const { recordDelegation } = await request(recordDelegationMutation, {
        input: {
          organisationId: organisation.id,
          committeeId,
          functions: values.getAll('functions').map(String),
          scopeIds: values.getAll('scopeIds').map(String),
          validFrom,
          validTo,
          agreement: file ? { filename: file.name, contentBase64: await readAsBase64(file) } : null,
        },
      });
      return { ...recordDelegation, errors: onFields(recordDelegation.errors, apiFields) };
    });
    if (payload) {
      const committee = payload.delegation?.receivingCommittee?.name;
      const note = payload.delegation?.agreement?.inspectionNote;
      form.reset();
      onRecorded(`Recorded the delegation${committee ? ` to ${committee}` : ''}.${note ? ` ${note}` : ''}`);
    }
  }

  return (
    <section>
      <h2>Record a delegation</h2>
      <p>
        What {organisation.name} delegates, to which committee, over which CCGs’ practices and for how long. Its
        members gain what it gives them from the start date, and lose it at once when it ends or is revoked.
      </p>
      <QueryProblem error={choices.error} idPrefix={`${idPrefix}-choices`} />
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} idPrefix={idPrefix} />
        <SelectField
          id={`${idPrefix}-committeeId`}
          name="committeeId"
          label="Receiving committee"
          defaultValue=""
          error={errorFor(errors, 'committeeId')}
        >
          <option value="">Choose a committee</option>
          {targets.map((target) => (
            <option key={target.committeeId} value={target.committeeId}>
              {target.name} ({target.hostName})
            </option>
          ))}
        </SelectField>
        <Checkboxes
          id={`${idPrefix}-functions`}
          name="functions"
          legend="Functions"
          hint="Select all that apply"
          error={errorFor(errors, 'functions')}
          items={(choices.data?.delegableFunctions ?? []).map((fn) => ({
            value: fn.code,
            label: fn.description,
            disabled: fn.retainedByNhsEngland,
            hint: fn.retainedByNhsEngland ? 'NHS England keeps this function' : undefined,
          }))}
        />
        <Checkboxes
          id={`${idPrefix}-scopeIds`}
          name="scopeIds"
          legend="Scope"
          hint="The CCGs whose practices the delegation covers"
          error={errorFor(errors, 'scopeIds')}
          items={ccgs.map((ccg) => ({ value: ccg.id, label: `${ccg.name} (${ccg.odsCode})` }))}
        />
        <DateInput
          id={`${idPrefix}-validFrom`}
          name="validFrom"
          legend="Valid from"
          hint="The delegation starts at midnight at the start of this day. For example, 1 4 2027"
          defaultValue={today()}
          error={errorFor(errors, 'validFrom')}
        />
        <DateInput
          id={`${idPrefix}-validTo`}
          name="validTo"
          legend="Valid to"
          hint="The delegation ends at midnight at the start of this day. For example, 31 3 2028"
          error={errorFor(errors, 'validTo')}
        />
        <FileField
          id={`${idPrefix}-agreement`}
          name="agreement"
          label="Signed agreement (optional)"
          hint="A PDF, up to 10 MB. You can attach it later."
          accept=".pdf,application/pdf"
          error={errorFor(errors, 'agreement')}
        />
        <button className="nhsuk-button" type="submit">
          Record delegation
        </button>
      </form>
    </section>
  );
}
