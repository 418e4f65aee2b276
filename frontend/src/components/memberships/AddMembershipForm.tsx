import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { request } from '../../api/client';
import { createMembershipMutation, membershipChoicesQuery } from '../../api/operations';
import { useQuery } from '../../api/useQuery';
import { useSubmission } from '../../api/useSubmission';
import { today } from '../../dates';
import type { Role } from '../../generated/graphql';
import { roleInWords, roles } from '../../vocabulary';
import { DateInput, dateProblems, readDate } from '../DateInput';
import { ErrorSummary, errorFor } from '../ErrorSummary';
import { SelectField } from '../fields';
import { Confirmation, QueryProblem } from '../messages';

const idPrefix = 'add-membership';

interface AddMembershipFormProps {
  organisation: { id: string; name: string };
  onAdded: () => void;
}

export function AddMembershipForm({ organisation, onAdded }: AddMembershipFormProps) {
  const organisationId = organisation.id;
  const choices = useQuery(membershipChoicesQuery, { organisationId });
  const [role, setRole] = useState<Role | ''>('');
  const { errors, setErrors, submitting, submit } = useSubmission();
  const [added, setAdded] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const form = event.currentTarget;
    const values = new FormData(form);
    const text = (name: string) => String(values.get(name) ?? '');
    const personId = text('personId');
    const from = readDate(values, 'validFrom', 'date the membership starts');
    const to = readDate(values, 'validTo', 'date the membership ends');
    const missing = [
      ...[
        !personId && { field: 'personId', message: 'Choose a person' },
        !role && { field: 'role', message: 'Choose a role' },
      ].filter((error) => error !== false),
      ...dateProblems(from, 'validFrom'),
      ...dateProblems(to, 'validTo'),
    ];
    if (!role || missing.length) {
      setErrors(missing);
      setAdded(null);
      return;
    }
    const payload = await submit(async () => {
      const data = await request(createMembershipMutation, {
        input: {
          organisationId,
          personId,
          role,
          practiceId: role === 'PRACTICE_REPRESENTATIVE' ? text('practiceId') || null : null,
          validFrom: from.value || null,
          validTo: to.value || null,
        },
      });
      return data.createMembership;
    });
    const person = choices.data?.people.edges.find(({ node }) => node.id === personId)?.node;
    setAdded(payload && person && role ? `Added ${person.name} as ${roleInWords[role]}.` : null);
    if (payload) {
      form.reset();
      setRole('');
      onAdded();
    }
  }

  return (
    <section>
      <h3>Add membership</h3>
      <QueryProblem error={choices.error} idPrefix={`${idPrefix}-choices`} />
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} idPrefix={idPrefix} />
        <SelectField
          id={`${idPrefix}-personId`}
          name="personId"
          label="Person"
          hint={
            <>
              People registered with {organisation.name}.{' '}
              <Link to={`/admin/people?organisation=${encodeURIComponent(organisationId)}`}>
                Add a person to {organisation.name}
              </Link>
            </>
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
        <SelectField
          id={`${idPrefix}-role`}
          name="role"
          label="Role"
          value={role}
          onChange={(event) => setRole(event.target.value as Role | '')}
          error={errorFor(errors, 'role')}
        >
          <option value="">Choose a role</option>
          {roles.map((value) => (
            <option key={value} value={value}>
              {roleInWords[value]}
            </option>
          ))}
        </SelectField>
        {role === 'PRACTICE_REPRESENTATIVE' && (
          <SelectField
            id={`${idPrefix}-practiceId`}
            name="practiceId"
            label="Practice"
            hint="The GP practice this person represents"
            defaultValue=""
            error={errorFor(errors, 'practiceId')}
          >
            <option value="">Choose a practice</option>
            {choices.data?.practices.edges.map(({ node }) => (
              <option key={node.id} value={node.id}>
                {node.name} ({node.odsCode})
              </option>
            ))}
          </SelectField>
        )}
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
          hint="Leave empty if the membership has no end date"
          error={errorFor(errors, 'validTo')}
        />
        <button className="nhsuk-button" type="submit">
          Add membership
        </button>
      </form>
      <Confirmation>{added}</Confirmation>
    </section>
  );
}
