import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { request } from '../../api/client';
import { areaTeamsQuery, createOrganisationMutation } from '../../api/operations';
import { useQuery } from '../../api/useQuery';
import { useSubmission } from '../../api/useSubmission';
import { ErrorSummary, errorFor } from '../ErrorSummary';
import { SelectField, TextField } from '../fields';
import { Confirmation } from '../messages';
import type { OrganisationKind } from '../../generated/graphql';
import { organisationKindInWords } from '../../vocabulary';

const idPrefix = 'create-organisation';

export function CreateOrganisationForm({ onCreated }: { onCreated: () => void }) {
  const [kind, setKind] = useState<OrganisationKind>('CCG');
  const areaTeams = useQuery(areaTeamsQuery, {}, { skip: kind !== 'CCG' });
  const { errors, submitting, submit } = useSubmission();
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const form = event.currentTarget;
    const values = new FormData(form);
    const payload = await submit(async () => {
      const data = await request(createOrganisationMutation, {
        input: {
          kind,
          odsCode: String(values.get('odsCode') ?? '').trim(),
          name: String(values.get('name') ?? '').trim(),
          areaTeamId: kind === 'CCG' ? String(values.get('areaTeamId') ?? '') || null : null,
        },
      });
      return data.createOrganisation;
    });
    setCreated(payload?.organisation ?? null);
    if (payload) {
      form.reset();
      setKind('CCG');
      onCreated();
    }
  }

  return (
    <section>
      <h2>Create organisation</h2>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} idPrefix={idPrefix} />
        <SelectField
          id={`${idPrefix}-kind`}
          name="kind"
          label="Kind"
          value={kind}
          onChange={(event) => setKind(event.target.value as OrganisationKind)}
          error={errorFor(errors, 'kind')}
        >
          {(Object.keys(organisationKindInWords) as OrganisationKind[]).map((value) => (
            <option key={value} value={value}>
              {organisationKindInWords[value]}
            </option>
          ))}
        </SelectField>
        <TextField
          id={`${idPrefix}-odsCode`}
          name="odsCode"
          label="ODS code"
          hint="For example, 08J for a CCG or Q71 for an area team"
          className="nhsuk-input--width-5"
          autoComplete="off"
          spellCheck={false}
          error={errorFor(errors, 'odsCode')}
        />
        <TextField
          id={`${idPrefix}-name`}
          name="name"
          label="Name"
          autoComplete="off"
          error={errorFor(errors, 'name')}
        />
        {kind === 'CCG' && (
          <SelectField
            id={`${idPrefix}-areaTeamId`}
            name="areaTeamId"
            label="Area team"
            hint="The NHS England area team the CCG belongs to"
            defaultValue=""
            error={errorFor(errors, 'areaTeamId')}
          >
            <option value="">Choose an area team</option>
            {areaTeams.data?.organisations.edges.map(({ node }) => (
              <option key={node.id} value={node.id}>
                {node.name} ({node.odsCode})
              </option>
            ))}
          </SelectField>
        )}
        <button className="nhsuk-button" type="submit">
          Create organisation
        </button>
      </form>
      <Confirmation>
        {created && (
          <>
            Created <Link to={`/admin/organisations/${encodeURIComponent(created.id)}`}>{created.name}</Link>.
          </>
        )}
      </Confirmation>
    </section>
  );
}
