import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { type FormError, onFields, request } from '../../api/client';
import { createCommitteeMutation, partyChoicesQuery } from '../../api/committees';
import { useQuery } from '../../api/useQuery';
import { useSubmission } from '../../api/useSubmission';
import type { CoCommissioningLevel, CommitteeKind } from '../../generated/graphql';
import { coCommissioningLevelInWords, committeeKindInWords, creatableCommitteeKinds } from '../../vocabulary';
import { ErrorSummary, errorFor } from '../ErrorSummary';
import { Checkboxes, SelectField, TextArea, TextField } from '../fields';
import { Confirmation, QueryProblem } from '../messages';
import { quorumDraftFrom, toQuorumRuleInput } from './quorumRule';
import { QuorumRuleFields } from './QuorumRuleFields';

const idPrefix = 'create-committee';

const apiFields = {
  kind: 'kind',
  name: 'name',
  termsSummary: 'termsSummary',
  quorumRule: 'quorumRule',
  partyIds: 'partyIds',
  coCommissioningLevel: 'coCommissioningLevel',
};

function level(value: string): CoCommissioningLevel | null {
  return value === 'JOINT' || value === 'DELEGATED' ? value : null;
}

interface CreateCommitteeFormProps {
  organisation: { id: string; name: string };
  onCreated: () => void;
}

export function CreateCommitteeForm({ organisation, onCreated }: CreateCommitteeFormProps) {
  const [kind, setKind] = useState<CommitteeKind | ''>('');
  const joint = kind === 'JOINT_COMMITTEE';
  const hasLevel = joint || kind === 'PRIMARY_CARE_COMMISSIONING';
  const parties = useQuery(partyChoicesQuery, {}, { skip: !joint });
  const { errors, setErrors, submitting, submit } = useSubmission();
  const [created, setCreated] = useState<{ id: string; name: string; quorumRule: { inWords: string } } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const form = event.currentTarget;
    const values = new FormData(form);
    const text = (name: string) => String(values.get(name) ?? '').trim();
    const { rule, errors: ruleErrors } = toQuorumRuleInput(quorumDraftFrom(values), { joint });
    const problems: FormError[] = [
      ...(kind ? [] : [{ field: 'kind', message: 'Choose the kind of committee' }]),
      ...ruleErrors,
    ];
    if (!kind || problems.length) {
      setErrors(problems);
      setCreated(null);
      return;
    }
    const payload = await submit(async () => {
      const { createCommittee } = await request(createCommitteeMutation, {
        input: {
          organisationId: organisation.id,
          kind,
          name: text('name'),
          termsSummary: text('termsSummary'),
          quorumRule: rule,
          partyIds: joint ? values.getAll('partyIds').map(String) : [],
          coCommissioningLevel: hasLevel ? level(text('coCommissioningLevel')) : null,
        },
      });
      return { ...createCommittee, errors: onFields(createCommittee.errors, apiFields) };
    });
    setCreated(payload?.committee ?? null);
    if (payload) {
      form.reset();
      setKind('');
      onCreated();
    }
  }

  const partyChoices = (parties.data?.organisations.edges ?? [])
    .map(({ node }) => node)
    .filter((node) => node.id !== organisation.id)
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));

  return (
    <section>
      <h2>Create committee</h2>
      <p>The committee will be hosted by {organisation.name}.</p>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} idPrefix={idPrefix} />
        <SelectField
          id={`${idPrefix}-kind`}
          name="kind"
          label="Kind of committee"
          value={kind}
          onChange={(event) => setKind(event.target.value as CommitteeKind | '')}
          error={errorFor(errors, 'kind')}
        >
          <option value="">Choose a kind</option>
          {creatableCommitteeKinds.map((value) => (
            <option key={value} value={value}>
              {committeeKindInWords[value]}
            </option>
          ))}
        </SelectField>
        <TextField
          id={`${idPrefix}-name`}
          name="name"
          label="Name"
          hint="For example, Quality and safety committee"
          autoComplete="off"
          error={errorFor(errors, 'name')}
        />
        <TextArea
          id={`${idPrefix}-termsSummary`}
          name="termsSummary"
          label="Summary of its terms of reference"
          hint={
            'What the committee is for and what it may decide. ' +
            'You can upload the full terms of reference once it is created.'
          }
          error={errorFor(errors, 'termsSummary')}
        />
        {joint && (
          <>
            <QueryProblem error={parties.error} idPrefix={`${idPrefix}-parties`} />
            <Checkboxes
              id={`${idPrefix}-partyIds`}
              name="partyIds"
              legend="Parties"
              hint={
                `${organisation.name} hosts the committee and is one of its parties. ` +
                'Choose its area team and any other CCGs that join it.'
              }
              error={errorFor(errors, 'partyIds')}
              items={partyChoices.map((party) => ({ value: party.id, label: `${party.name} (${party.odsCode})` }))}
            />
          </>
        )}
        {hasLevel && (
          <SelectField
            id={`${idPrefix}-coCommissioningLevel`}
            name="coCommissioningLevel"
            label="Co-commissioning level"
            defaultValue=""
            error={errorFor(errors, 'coCommissioningLevel')}
          >
            <option value="">{joint ? 'Choose a level' : 'None'}</option>
            {(Object.keys(coCommissioningLevelInWords) as CoCommissioningLevel[]).map((value) => (
              <option key={value} value={value}>
                {coCommissioningLevelInWords[value]}
              </option>
            ))}
          </SelectField>
        )}
        <QuorumRuleFields idPrefix={idPrefix} errors={errors} joint={joint} />
        <button className="nhsuk-button" type="submit">
          Create committee
        </button>
      </form>
      <Confirmation>
        {created && (
          <>
            Created <Link to={`/committees/${encodeURIComponent(created.id)}`}>{created.name}</Link>.{' '}
            {created.quorumRule.inWords} Add its members from its page.
          </>
        )}
      </Confirmation>
    </section>
  );
}
