import { type FormEvent, useState } from 'react';
import { type FormError, onFields, request } from '../../api/client';
import { addSeatMutation, seatChoicesQuery } from '../../api/committees';
import { useQuery } from '../../api/useQuery';
import { useSubmission } from '../../api/useSubmission';
import { today } from '../../dates';
import type { MemberCategory, Office, SeatRole } from '../../generated/graphql';
import { memberCategories, memberCategoryInWords, officeInWords, offices, seatRoleInWords, seatRoles } from '../../vocabulary';
import { DateInput, dateProblems, readDate } from '../DateInput';
import { ErrorSummary, errorFor } from '../ErrorSummary';
import { Checkbox, SelectField } from '../fields';
import { Confirmation, QueryProblem } from '../messages';
import type { CommitteeDetail } from './types';

const idPrefix = 'add-seat';

const apiFields = {
  personId: 'personId',
  partyId: 'partyId',
  role: 'role',
  voting: 'voting',
  category: 'category',
  office: 'office',
  validFrom: 'validFrom',
  validTo: 'validTo',
};

interface AddSeatFormProps {
  committee: CommitteeDetail;
  host: { id: string; name: string };
  onAdded: () => void;
}

export function AddSeatForm({ committee, host, onAdded }: AddSeatFormProps) {
  const choices = useQuery(seatChoicesQuery, { organisationId: host.id });
  const { errors, setErrors, submitting, submit } = useSubmission();
  const [added, setAdded] = useState<string | null>(null);
  const joint = committee.isJoint;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const form = event.currentTarget;
    const values = new FormData(form);
    const text = (name: string) => String(values.get(name) ?? '');
    const [personId, partyId] = [text('personId'), text('partyId')];
    const role = text('role') as SeatRole | '';
    const category = text('category') as MemberCategory | '';
    const from = readDate(values, 'validFrom', 'date the seat starts');
    const to = readDate(values, 'validTo', 'date the seat ends');
    const missing: FormError[] = [
      ...(personId ? [] : [{ field: 'personId', message: 'Choose a person' }]),
      ...(joint && !partyId ? [{ field: 'partyId', message: 'Choose the party they represent' }] : []),
      ...(role ? [] : [{ field: 'role', message: 'Choose their role on the committee' }]),
      ...(category ? [] : [{ field: 'category', message: 'Choose the kind of member they are' }]),
      ...dateProblems(from, 'validFrom'),
      ...dateProblems(to, 'validTo'),
    ];
    if (!role || !category || missing.length) {
      setErrors(missing);
      setAdded(null);
      return;
    }
    const payload = await submit(async () => {
      const { addSeat } = await request(addSeatMutation, {
        input: {
          committeeId: committee.id,
          personId,
          partyId: joint ? partyId : null,
          role,
          voting: values.get('voting') === 'yes',
          category,
          office: (text('office') as Office) || null,
          validFrom: from.value || null,
          validTo: to.value || null,
        },
      });
      return { ...addSeat, errors: onFields(addSeat.errors, apiFields) };
    });
    const person = choices.data?.people.edges.find(({ node }) => node.id === personId)?.node;
    setAdded(payload && person ? `Added ${person.name} as ${seatRoleInWords[role].toLowerCase()}.` : null);
    if (payload) {
      form.reset();
      onAdded();
    }
  }

  return (
    <section>
      <h3>Add seat</h3>
      <QueryProblem error={choices.error} idPrefix={`${idPrefix}-choices`} />
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} idPrefix={idPrefix} />
        <SelectField
          id={`${idPrefix}-personId`}
          name="personId"
          label="Person"
          hint={
            joint
              ? `People registered with ${host.name}. A voting member needs a membership of the party they represent.`
              : `People registered with ${host.name}. A voting member needs a membership of ${host.name}; ` +
                'Healthwatch, LMC and other representatives can sit without a vote and without one.'
          }
          defaultValue=""
          error={errorFor(errors, 'personId')}
        >
          <option value="">Choose a person</option>
          {choices.data?.people.edges.map(({ node }) => (
            <option key={node.id} value={node.id}>
              {node.name} ({node.email})
            </option>
          ))}
        </SelectField>
        {joint && (
          <SelectField
            id={`${idPrefix}-partyId`}
            name="partyId"
            label="Party they represent"
            defaultValue=""
            error={errorFor(errors, 'partyId')}
          >
            <option value="">Choose a party</option>
            {committee.parties.map((party) => (
              <option key={party.id} value={party.id}>
                {party.name}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField
          id={`${idPrefix}-role`}
          name="role"
          label="Role on the committee"
          defaultValue=""
          error={errorFor(errors, 'role')}
        >
          <option value="">Choose a role</option>
          {seatRoles.map((value) => (
            <option key={value} value={value}>
              {seatRoleInWords[value]}
            </option>
          ))}
        </SelectField>
        <Checkbox
          id={`${idPrefix}-voting`}
          name="voting"
          label="Voting member"
          hint="Untick for members who attend without a vote, such as Healthwatch or the LMC"
          defaultChecked
          error={errorFor(errors, 'voting')}
        />
        <SelectField
          id={`${idPrefix}-category`}
          name="category"
          label="Category"
          hint="The kind of member they are, which quorum rules count"
          defaultValue=""
          error={errorFor(errors, 'category')}
        >
          <option value="">Choose a category</option>
          {memberCategories.map((value) => (
            <option key={value} value={value}>
              {memberCategoryInWords[value]}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={`${idPrefix}-office`}
          name="office"
          label="Office"
          hint="The office the terms of reference name, such as accountable officer; minutes and quorum use it"
          defaultValue=""
          error={errorFor(errors, 'office')}
        >
          <option value="">No particular office</option>
          {offices.map((value) => (
            <option key={value} value={value}>
              {officeInWords[value]}
            </option>
          ))}
        </SelectField>
        <DateInput
          id={`${idPrefix}-validFrom`}
          name="validFrom"
          legend="From"
          hint="For example, 1 4 2026"
          defaultValue={today()}
          error={errorFor(errors, 'validFrom')}
        />
        <DateInput
          id={`${idPrefix}-validTo`}
          name="validTo"
          legend="To"
          hint="Leave empty if the seat has no end date"
          error={errorFor(errors, 'validTo')}
        />
        <button className="nhsuk-button" type="submit">
          Add seat
        </button>
      </form>
      <Confirmation>{added}</Confirmation>
    </section>
  );
}
