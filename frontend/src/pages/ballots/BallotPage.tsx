import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { ballotQuery } from '../../api/ballots';
import { useQuery } from '../../api/useQuery';
import { BallotPaperForm, type VoteOutcome } from '../../components/ballots/BallotPaperForm';
import type { Choices } from '../../components/ballots/ballotPaper';
import { BallotStatusTag } from '../../components/ballots/BallotStatusTag';
import { CloseBallotSection, ReminderList, refreshSeconds, useEvery } from '../../components/ballots/ManageBallotSection';
import { ProxiesSection } from '../../components/ballots/ProxiesSection';
import { NamedVotesSection, ResultsSection } from '../../components/ballots/ResultsSection';
import { TurnoutSummary } from '../../components/ballots/TurnoutSummary';
import { BackLink, Loading, QueryProblem } from '../../components/messages';
import { SummaryList, SummaryRow } from '../../components/SummaryList';
import { usePageTitle } from '../../components/usePageTitle';
import { formatLondonDateTime } from '../../dates';
import { describeFile } from '../../files';
import { NotFoundPage } from '../NotFoundPage';

const outcomeTitle: Record<VoteOutcome['outcome'], string> = {
  RECORDED: 'Vote recorded',
  ALREADY_RECORDED: 'Vote already recorded',
  CHANGED: 'Vote changed',
};

/** The panel that confirms a vote; the live region is always there so the news is announced. */
function VoteConfirmation({ outcome }: { outcome: VoteOutcome | null }) {
  const title = useRef<HTMLHeadingElement>(null);
  // The paper may go once the vote is in: keyboard users land on the news rather than at the top of the page.
  useEffect(() => {
    if (outcome) title.current?.focus();
  }, [outcome]);
  return (
    <div className="app-vote-confirmation" role="status" aria-live="polite">
      {outcome && (
        <div className="nhsuk-panel">
          <h2 className="nhsuk-panel__title" tabIndex={-1} ref={title}>
            {outcomeTitle[outcome.outcome]}
          </h2>
          <div className="nhsuk-panel__body">
            <p>{outcome.message || `The vote of ${outcome.practiceName} is recorded.`}</p>
          </div>
        </div>
      )}
    </div>
  );
}

export function BallotPage() {
  const { id = '' } = useParams();
  const { data, error, loading, reload } = useQuery(ballotQuery, { id });
  const [outcome, setOutcome] = useState<VoteOutcome | null>(null);
  const ballot = data?.ballot ?? null;
  usePageTitle(ballot?.title ?? 'Ballot');
  useEvery(refreshSeconds, !!ballot?.viewerCanManage && ballot.status === 'OPEN', reload);

  if (loading && !data) return <Loading />;
  if (error && !ballot) {
    return (
      <>
        <BackLink to="/ballots">Back to ballots</BackLink>
        <h1>Ballot</h1>
        <QueryProblem error={error} idPrefix="ballot" />
      </>
    );
  }
  if (!ballot) return <NotFoundPage />;

  const closed = ballot.status === 'CLOSED';
  const rights = ballot.viewerVotingRights;
  const open = rights.filter((right) => right.canVote && right.practice);

  return (
    <>
      <BackLink to="/ballots">Back to ballots</BackLink>
      <span className="nhsuk-caption-l">{ballot.organisation?.name}</span>
      <h1>{ballot.title}</h1>
      <p>
        <BallotStatusTag status={ballot.status} /> {ballot.secret ? 'Secret ballot' : 'Named ballot'}
      </p>
      {ballot.description && <p className="app-preserve-lines">{ballot.description}</p>}
      {ballot.document && (
        <p>
          <a href={ballot.document.url}>
            Read the explanatory document
            <span className="nhsuk-u-visually-hidden"> ({ballot.document.filename})</span>
          </a>{' '}
          ({describeFile(ballot.document.contentType, ballot.document.sizeBytes)})
        </p>
      )}
      {ballot.document?.inspectionNote && ballot.viewerCanManage && (
        <p className="nhsuk-body-s app-inspection-note">{ballot.document.inspectionNote}</p>
      )}
      <SummaryList>
        <SummaryRow label="Opens">{formatLondonDateTime(ballot.opensAt)}</SummaryRow>
        <SummaryRow label={closed ? 'Closed' : 'Closes'}>
          {formatLondonDateTime(closed ? (ballot.closedAt ?? ballot.closesAt) : ballot.closesAt)}
        </SummaryRow>
        <SummaryRow label="Voting rules">
          <ul className="nhsuk-list app-cell-list">
            {ballot.rules.inWords.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </SummaryRow>
      </SummaryList>

      <VoteConfirmation outcome={outcome} />
      {rights.map((right) => {
        if (!right.practice || !right.vote) return null;
        return (
          <p key={right.practice.id}>
            {right.practice.name} voted on {formatLondonDateTime(right.vote.changedAt ?? right.vote.recordedAt)}
            {right.vote.castBy ? ` (${right.vote.castBy.name})` : ''}
            {right.canVote ? '. You can change the vote until the ballot closes.' : '.'}
          </p>
        );
      })}
      {open.map((right) => {
        const practice = right.practice!;
        const initialChoices: Choices = {};
        for (const answer of right.vote?.answers ?? []) {
          initialChoices[answer.question.id] = answer.options.map((option) => option.id);
        }
        return (
          <BallotPaperForm
            key={`${practice.id}-${right.vote?.changedAt ?? right.vote?.recordedAt ?? 'new'}`}
            ballotId={ballot.id}
            questions={ballot.questions}
            practice={practice}
            namePractice={rights.length > 1}
            asProxy={right.asProxy}
            initialChoices={initialChoices}
            changing={!!right.vote}
            onVoted={(result) => {
              setOutcome(result);
              reload();
            }}
          />
        );
      })}
      {ballot.status === 'SCHEDULED' && rights.length > 0 && (
        <p>Voting opens on {formatLondonDateTime(ballot.opensAt)}.</p>
      )}

      {ballot.turnout && (ballot.viewerCanManage || closed) && (
        <section>
          <h2>Turnout</h2>
          <TurnoutSummary turnout={ballot.turnout} closed={closed} />
          {ballot.viewerCanManage && !closed && (
            <>
              <p>The turnout refreshes every {refreshSeconds} seconds.</p>
              <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={reload}>
                Refresh turnout
              </button>
            </>
          )}
        </section>
      )}
      {ballot.viewerCanManage && !closed && <ReminderList ballot={ballot} />}
      {ballot.viewerCanManage && <ProxiesSection ballot={ballot} onChanged={reload} />}
      {ballot.viewerCanManage && ballot.status === 'OPEN' && <CloseBallotSection ballot={ballot} onClosed={reload} />}

      {ballot.results && <ResultsSection results={ballot.results} />}
      {ballot.namedVotes && <NamedVotesSection namedVotes={ballot.namedVotes} />}
      {ballot.exportUrl && (
        <p>
          <a href={ballot.exportUrl} download>
            Download the result (Excel workbook)
          </a>
        </p>
      )}
    </>
  );
}
