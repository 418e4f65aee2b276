import { type FormEvent, useState } from 'react';
import { appointBallotProxyMutation, revokeBallotProxyMutation } from '../../api/ballots';
import { onFields, request } from '../../api/client';
import { useSubmission } from '../../api/useSubmission';
import { formatLondonDateTime } from '../../dates';
import type { BallotQuery } from '../../generated/graphql';
import { ErrorSummary, errorFor } from '../ErrorSummary';
import { SelectField } from '../fields';
import { Confirmation } from '../messages';
import { Table } from '../Table';

type ManagedBallot = NonNullable<BallotQuery['ballot']>;
type Elector = NonNullable<ManagedBallot['allElectors']>['edges'][number]['node'];

const idPrefix = 'appoint-proxy';

/** Representatives of other practices, who may act as this practice's proxy. */
export function proxyChoices(electors: Elector[], practiceId: string): { id: string; label: string }[] {
  const seen = new Set<string>();
  const choices: { id: string; label: string }[] = [];
  for (const elector of electors) {
    if (!elector.practice || elector.practice.id === practiceId) continue;
    for (const person of elector.representatives) {
      if (seen.has(person.id)) continue;
      seen.add(person.id);
      choices.push({ id: person.id, label: `${person.name} (${elector.practice.name})` });
    }
  }
  return choices.sort((a, b) => a.label.localeCompare(b.label));
}

/** The secretary records a practice's proxy for the ballot, and sees and revokes those recorded. */
export function ProxiesSection({ ballot, onChanged }: { ballot: ManagedBallot; onChanged: () => void }) {
  const electors = (ballot.allElectors?.edges ?? []).map(({ node }) => node);
  const [practiceId, setPracticeId] = useState('');
  const { errors, setErrors, submitting, submit } = useSubmission();
  const revoking = useSubmission();
  const [done, setDone] = useState('');
  const live = ballot.proxies.filter((proxy) => !proxy.revokedAt);
  const canAppoint = ballot.status !== 'CLOSED';

  async function appoint(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const values = new FormData(event.currentTarget);
    const proxyPersonId = String(values.get('proxyPersonId') ?? '');
    const problems = [
      ...(practiceId ? [] : [{ field: 'practiceId', message: 'Choose the practice that appoints a proxy' }]),
      ...(proxyPersonId ? [] : [{ field: 'proxyPersonId', message: 'Choose the representative who votes for it' }]),
    ];
    if (problems.length) {
      setErrors(problems);
      return;
    }
    const payload = await submit(async () => {
      const { appointBallotProxy } = await request(appointBallotProxyMutation, {
        input: { ballotId: ballot.id, practiceId, proxyPersonId },
      });
      return {
        ...appointBallotProxy,
        errors: onFields(appointBallotProxy.errors, { practiceId: 'practiceId', proxyPersonId: 'proxyPersonId' }),
      };
    });
    if (payload) {
      setDone('Proxy appointed.');
      setPracticeId('');
      onChanged();
    } else setDone('');
  }

  async function revoke(id: string) {
    const payload = await revoking.submit(async () => (await request(revokeBallotProxyMutation, { input: { id } })).revokeBallotProxy);
    if (payload) {
      setDone('Proxy revoked.');
      onChanged();
    }
  }

  return (
    <section>
      <h2>Proxies</h2>
      <ErrorSummary errors={revoking.errors} idPrefix="revoke-proxy" />
      {ballot.proxies.length === 0 ? (
        <p>No practice has appointed a proxy for this ballot.</p>
      ) : (
        <Table
          caption="Proxies for this ballot"
          compact
          head={['Practice', 'Proxy', 'Appointed', '']}
          rows={ballot.proxies.map((proxy) => ({
            key: proxy.id,
            cells: [
              proxy.practice ? `${proxy.practice.name} (${proxy.practice.odsCode})` : '',
              `${proxy.proxy?.name ?? ''}${proxy.proxyPractice ? `, ${proxy.proxyPractice.name}` : ''}`,
              `${formatLondonDateTime(proxy.appointedAt)}${proxy.appointedBy ? ` by ${proxy.appointedBy.name}` : ''}${
                proxy.revokedAt ? `; revoked ${formatLondonDateTime(proxy.revokedAt)}` : ''
              }`,
              !proxy.revokedAt && canAppoint ? (
                <button
                  className="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-table-button"
                  type="button"
                  onClick={() => revoke(proxy.id)}
                >
                  Revoke<span className="nhsuk-u-visually-hidden"> the proxy of {proxy.practice?.name}</span>
                </button>
              ) : (
                ''
              ),
            ],
          }))}
        />
      )}
      {canAppoint && (
        <form onSubmit={appoint} noValidate>
          <h3>Appoint a proxy</h3>
          <ErrorSummary errors={errors} idPrefix={idPrefix} />
          <SelectField
            id={`${idPrefix}-practiceId`}
            label="Practice"
            value={practiceId}
            onChange={(event) => setPracticeId(event.target.value)}
            error={errorFor(errors, 'practiceId')}
          >
            <option value="">Choose a practice</option>
            {electors
              .filter((elector) => elector.practice && !elector.vote && !live.some((p) => p.practice?.id === elector.practice?.id))
              .map((elector) => (
                <option key={elector.odsCode} value={elector.practice!.id}>
                  {elector.practice!.name} ({elector.odsCode})
                </option>
              ))}
          </SelectField>
          <SelectField
            id={`${idPrefix}-proxyPersonId`}
            name="proxyPersonId"
            label="Representative who votes for it"
            hint="A nominated representative of another member practice"
            defaultValue=""
            key={practiceId}
            error={errorFor(errors, 'proxyPersonId')}
          >
            <option value="">Choose a representative</option>
            {proxyChoices(electors, practiceId).map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.label}
              </option>
            ))}
          </SelectField>
          <button className="nhsuk-button nhsuk-button--secondary" type="submit">
            Appoint proxy
          </button>
        </form>
      )}
      <Confirmation>{done}</Confirmation>
    </section>
  );
}
