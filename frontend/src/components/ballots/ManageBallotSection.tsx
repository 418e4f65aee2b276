import { useEffect, useState } from 'react';
import { closeBallotMutation } from '../../api/ballots';
import { request } from '../../api/client';
import { useSubmission } from '../../api/useSubmission';
import type { BallotQuery } from '../../generated/graphql';
import { ConfirmStep } from '../ConfirmStep';
import { ErrorSummary } from '../ErrorSummary';
import { Table } from '../Table';
import { formatCount } from './words';

type ManagedBallot = NonNullable<BallotQuery['ballot']>;

/** How often the secretary's view of an open ballot asks for the turnout again. */
export const refreshSeconds = 5;

/** Calls refresh every few seconds while on. */
export function useEvery(seconds: number, on: boolean, refresh: () => void) {
  useEffect(() => {
    if (!on) return;
    const timer = window.setInterval(refresh, seconds * 1000);
    return () => window.clearInterval(timer);
  }, [seconds, on, refresh]);
}

export function ReminderList({ ballot }: { ballot: ManagedBallot }) {
  const notVoted = ballot.notVoted;
  if (!notVoted) return null;
  return (
    <section>
      <h2>Practices that have not voted</h2>
      {notVoted.totalCount === 0 ? (
        <p>Every practice has voted.</p>
      ) : (
        <>
          <p>
            {formatCount(notVoted.totalCount)} {notVoted.totalCount === 1 ? 'practice has' : 'practices have'} not voted.
            Remind their representatives.
          </p>
          <Table
            caption="Practices that have not voted"
            compact
            head={['Practice', 'Patients', 'Representatives']}
            rows={notVoted.edges.map(({ node }) => ({
              key: node.odsCode,
              cells: [
                `${node.practice?.name ?? node.odsCode} (${node.odsCode})`,
                formatCount(node.listSize),
                <ul className="nhsuk-list app-cell-list">
                  {node.representatives.map((person) => (
                    <li key={person.id}>
                      <a href={`mailto:${person.email}`}>{person.name}</a>
                    </li>
                  ))}
                </ul>,
              ],
            }))}
          />
          {notVoted.totalCount > notVoted.edges.length && (
            <p>
              The first {formatCount(notVoted.edges.length)} are shown; the export lists every practice once the ballot
              closes.
            </p>
          )}
        </>
      )}
    </section>
  );
}

export function CloseBallotSection({ ballot, onClosed }: { ballot: ManagedBallot; onClosed: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const { errors, submitting, submit } = useSubmission();

  async function close() {
    if (submitting) return;
    const payload = await submit(async () => (await request(closeBallotMutation, { input: { id: ballot.id } })).closeBallot);
    if (payload) {
      setConfirming(false);
      onClosed();
    }
  }

  return (
    <section>
      <h2>Close the ballot</h2>
      <p>Voting ends at the closing time. You can close it sooner; results show as soon as it closes.</p>
      <ErrorSummary errors={errors} idPrefix="close-ballot" />
      {confirming ? (
        <ConfirmStep
          heading="Close the ballot now?"
          confirmLabel="Yes, close the ballot"
          onConfirm={close}
          onCancel={() => setConfirming(false)}
          busy={submitting}
        >
          <p>No practice will be able to vote once it is closed. This cannot be undone.</p>
        </ConfirmStep>
      ) : (
        <button className="nhsuk-button nhsuk-button--warning" type="button" onClick={() => setConfirming(true)}>
          Close the ballot now
        </button>
      )}
    </section>
  );
}
