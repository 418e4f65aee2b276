import { Link } from 'react-router';
import { myBallotsQuery, organisationBallotsQuery } from '../../api/ballots';
import { useQuery } from '../../api/useQuery';
import { runsBallots, votesInBallots } from '../../components/ballots/access';
import { BallotStatusTag } from '../../components/ballots/BallotStatusTag';
import { formatPercent } from '../../components/ballots/words';
import { Loading, QueryProblem } from '../../components/messages';
import { Table } from '../../components/Table';
import { usePageTitle } from '../../components/usePageTitle';
import { formatLondonDateTime } from '../../dates';
import type { MyBallotsQuery } from '../../generated/graphql';
import { useSession } from '../../session';

type MyBallot = MyBallotsQuery['myBallots']['edges'][number]['node'];

function ballotLink(ballot: { id: string; title: string }) {
  return <Link to={`/ballots/${encodeURIComponent(ballot.id)}`}>{ballot.title}</Link>;
}

/** Whether any practice the viewer votes for still has to vote (or may change its vote) in the ballot. */
export function awaitsVote(ballot: MyBallot): boolean {
  return ballot.status === 'OPEN' && ballot.viewerVotingRights.some((right) => right.canVote);
}

function MyBallotCard({ ballot }: { ballot: MyBallot }) {
  const voted = ballot.viewerVotingRights.filter((right) => right.vote).map((right) => right.practice?.name);
  return (
    <li className="nhsuk-card nhsuk-card--clickable">
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-m">{ballotLink(ballot)}</h3>
        <p className="nhsuk-card__description">
          <BallotStatusTag status={ballot.status} />{' '}
          {ballot.status === 'CLOSED'
            ? `Closed ${formatLondonDateTime(ballot.closedAt ?? ballot.closesAt)}`
            : ballot.status === 'OPEN'
              ? `Closes ${formatLondonDateTime(ballot.closesAt)}`
              : `Opens ${formatLondonDateTime(ballot.opensAt)}`}
        </p>
        {voted.length > 0 && <p className="nhsuk-card__description">Voted: {voted.join(', ')}</p>}
        {ballot.results && (
          <ul className="nhsuk-list">
            {ballot.results.questions.map((result) => (
              <li key={result.question.id}>{result.summary}</li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}

function MyBallotsSection() {
  const { data, error, loading } = useQuery(myBallotsQuery, {});
  const ballots = data?.myBallots.edges.map(({ node }) => node) ?? [];
  const awaiting = ballots.filter(awaitsVote);
  const others = ballots.filter((ballot) => !awaitsVote(ballot) && ballot.status !== 'CLOSED');
  const closed = ballots.filter((ballot) => ballot.status === 'CLOSED');
  return (
    <section>
      <h2>My ballots</h2>
      <QueryProblem error={error} idPrefix="my-ballots" />
      {loading && !data && <Loading />}
      {data && (
        <>
          <h3>Awaiting your practice's vote</h3>
          {awaiting.length ? (
            <ul className="nhsuk-list">
              {awaiting.map((ballot) => (
                <MyBallotCard key={ballot.id} ballot={ballot} />
              ))}
            </ul>
          ) : (
            <p>No ballot is waiting for your practice's vote.</p>
          )}
          {others.length > 0 && (
            <>
              <h3>Voted or not yet open</h3>
              <ul className="nhsuk-list">
                {others.map((ballot) => (
                  <MyBallotCard key={ballot.id} ballot={ballot} />
                ))}
              </ul>
            </>
          )}
          <h3>Closed</h3>
          {closed.length ? (
            <ul className="nhsuk-list">
              {closed.map((ballot) => (
                <MyBallotCard key={ballot.id} ballot={ballot} />
              ))}
            </ul>
          ) : (
            <p>No ballot has closed yet.</p>
          )}
        </>
      )}
    </section>
  );
}

function OrganisationBallotsSection({ organisation }: { organisation: { id: string; name: string } }) {
  const { data, error, loading } = useQuery(organisationBallotsQuery, { organisationId: organisation.id });
  const ballots = data?.ballots.edges.map(({ node }) => node) ?? [];
  return (
    <section>
      <h2>{organisation.name} ballots</h2>
      <div className="app-button-group">
        <Link className="nhsuk-button" to="/ballots/new">
          Create a ballot
        </Link>
        <Link className="nhsuk-button nhsuk-button--secondary" to="/ballots/rules">
          Voting rules
        </Link>
      </div>
      <QueryProblem error={error} idPrefix="ballots" />
      {loading && !data && <Loading />}
      {data && ballots.length === 0 && <p>{organisation.name} has no ballots yet.</p>}
      {ballots.length > 0 && (
        <Table
          caption={`${organisation.name} ballots`}
          compact
          head={['Ballot', 'Status', 'Closes', 'Turnout']}
          rows={ballots.map((ballot) => ({
            key: ballot.id,
            cells: [
              ballotLink(ballot),
              <BallotStatusTag status={ballot.status} />,
              formatLondonDateTime(ballot.closedAt ?? ballot.closesAt),
              ballot.turnout
                ? `${ballot.turnout.votedPractices} of ${ballot.turnout.electoratePractices} (${formatPercent(ballot.turnout.percent)})`
                : '',
            ],
          }))}
        />
      )}
    </section>
  );
}

export function BallotsPage() {
  usePageTitle('Ballots');
  const { viewer, currentOrganisation } = useSession();
  const manages = runsBallots(viewer, currentOrganisation);
  const votes = votesInBallots(viewer);
  return (
    <>
      <h1>Ballots</h1>
      <p>Council of members ballots: each member practice votes once, through its nominated representative.</p>
      {votes && <MyBallotsSection />}
      {manages && currentOrganisation && <OrganisationBallotsSection organisation={currentOrganisation} />}
      {!votes && !manages && <p>You do not vote in or run any ballots.</p>}
    </>
  );
}
