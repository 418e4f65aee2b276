import { type FormEvent, useState } from 'react';
import { ballotSettingsQuery, setBallotSettingsMutation } from '../../api/ballots';
import { type FormError, onFields, request } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { useSubmission } from '../../api/useSubmission';
import { runsBallots } from '../../components/ballots/access';
import { ErrorSummary, errorFor } from '../../components/ErrorSummary';
import { Checkbox, SelectField, TextField } from '../../components/fields';
import { BackLink, Confirmation, Loading, QueryProblem } from '../../components/messages';
import { usePageTitle } from '../../components/usePageTitle';
import type { Majority, TurnoutBasis, Weighting } from '../../generated/graphql';
import { useSession } from '../../session';
import { parsePercent } from '../../components/ballots/ballotForm';

const idPrefix = 'voting-rules';
const apiFields = {
  weighting: 'weighting',
  turnoutBasis: 'turnoutBasis',
  turnoutThresholdPercent: 'turnoutThresholdPercent',
  majority: 'majority',
  majorityPercent: 'majorityPercent',
  votesMayBeChanged: 'votesMayBeChanged',
};

export function VotingRulesPage() {
  usePageTitle('Voting rules');
  const { viewer, currentOrganisation } = useSession();
  const organisation = runsBallots(viewer, currentOrganisation) ? currentOrganisation : null;
  const settings = useQuery(ballotSettingsQuery, { organisationId: organisation?.id ?? '' }, { skip: !organisation });
  const { errors, setErrors, submitting, submit } = useSubmission();
  const [saved, setSaved] = useState<string[] | null>(null);
  const [majority, setMajority] = useState<Majority | null>(null);
  const rules = settings.data?.ballotSettings?.rules;
  const chosenMajority = majority ?? rules?.majority ?? 'SIMPLE';

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting || !organisation) return;
    const values = new FormData(event.currentTarget);
    const text = (name: string) => String(values.get(name) ?? '').trim();
    const problems: FormError[] = [];
    const threshold = parsePercent(text('turnoutThresholdPercent'));
    if (threshold === null) {
      problems.push({ field: 'turnoutThresholdPercent', message: 'Enter the turnout threshold as a number from 0 to 100' });
    }
    const share = chosenMajority === 'STATED_SHARE' ? parsePercent(text('majorityPercent')) : null;
    if (chosenMajority === 'STATED_SHARE' && share === null) {
      problems.push({ field: 'majorityPercent', message: 'Enter the share that carries a question as a number from 0 to 100' });
    }
    if (problems.length || threshold === null) {
      setErrors(problems);
      setSaved(null);
      return;
    }
    const payload = await submit(async () => {
      const { setBallotSettings } = await request(setBallotSettingsMutation, {
        input: {
          organisationId: organisation.id,
          weighting: text('weighting') as Weighting,
          turnoutBasis: text('turnoutBasis') as TurnoutBasis,
          turnoutThresholdPercent: threshold,
          majority: chosenMajority,
          majorityPercent: share,
          votesMayBeChanged: values.get('votesMayBeChanged') === 'yes',
        },
      });
      return { ...setBallotSettings, errors: onFields(setBallotSettings.errors, apiFields) };
    });
    setSaved(payload?.settings?.rules.inWords ?? null);
    if (payload) settings.reload();
  }

  return (
    <>
      <BackLink to="/ballots">Back to ballots</BackLink>
      <h1>Voting rules</h1>
      {!organisation ? (
        <p>Only a CCG's board secretary or administrator can set its voting rules.</p>
      ) : (
        <>
          <p>
            How {organisation.name}'s council of members votes, from its constitution. A ballot keeps the rules it was
            created under.
          </p>
          <QueryProblem error={settings.error} idPrefix={`${idPrefix}-query`} />
          {settings.loading && !settings.data && <Loading />}
          {settings.data && (
            <form key={settings.data.ballotSettings?.updatedAt ?? 'none'} onSubmit={onSubmit} noValidate>
              <ErrorSummary errors={errors} idPrefix={idPrefix} />
              {!rules && <p>No voting rules are set yet: set them before creating a ballot.</p>}
              <SelectField
                id={`${idPrefix}-weighting`}
                name="weighting"
                label="Votes"
                defaultValue={rules?.weighting ?? 'EQUAL'}
                error={errorFor(errors, 'weighting')}
              >
                <option value="EQUAL">One practice, one vote</option>
                <option value="LIST_SIZE">Weighted by registered list size</option>
              </SelectField>
              <SelectField
                id={`${idPrefix}-turnoutBasis`}
                name="turnoutBasis"
                label="Turnout is measured as a share of"
                defaultValue={rules?.turnoutBasis ?? 'PRACTICES'}
                error={errorFor(errors, 'turnoutBasis')}
              >
                <option value="PRACTICES">Member practices</option>
                <option value="LIST_SIZE">Registered patients</option>
              </SelectField>
              <TextField
                id={`${idPrefix}-turnoutThresholdPercent`}
                name="turnoutThresholdPercent"
                label="Turnout that makes a ballot valid (%)"
                inputMode="decimal"
                className="nhsuk-input--width-4"
                defaultValue={rules ? String(rules.turnoutThresholdPercent) : '50'}
                error={errorFor(errors, 'turnoutThresholdPercent')}
              />
              <SelectField
                id={`${idPrefix}-majority`}
                name="majority"
                label="Majority that carries a question"
                value={chosenMajority}
                onChange={(event) => setMajority(event.target.value as Majority)}
                error={errorFor(errors, 'majority')}
              >
                <option value="SIMPLE">Simple majority</option>
                <option value="TWO_THIRDS">Two-thirds</option>
                <option value="STATED_SHARE">A stated share of those voting</option>
              </SelectField>
              {chosenMajority === 'STATED_SHARE' && (
                <TextField
                  id={`${idPrefix}-majorityPercent`}
                  name="majorityPercent"
                  label="Share of those voting that carries a question (%)"
                  hint="More than 50, at most 100"
                  inputMode="decimal"
                  className="nhsuk-input--width-4"
                  defaultValue={rules?.majorityPercent != null ? String(rules.majorityPercent) : ''}
                  error={errorFor(errors, 'majorityPercent')}
                />
              )}
              <Checkbox
                id={`${idPrefix}-votesMayBeChanged`}
                name="votesMayBeChanged"
                label="A representative may change the practice's vote before the ballot closes"
                hint="Never in a secret ballot"
                defaultChecked={rules?.votesMayBeChanged ?? false}
                error={errorFor(errors, 'votesMayBeChanged')}
              />
              <button className="nhsuk-button" type="submit">
                Save voting rules
              </button>
            </form>
          )}
          <Confirmation>
            {saved && (
              <>
                Voting rules saved: {saved.join(' ')}
              </>
            )}
          </Confirmation>
          {rules && (
            <section>
              <h2>The rules now</h2>
              <ul>
                {rules.inWords.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </>
  );
}
