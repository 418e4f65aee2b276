import { Link, useParams } from 'react-router';
import { committeeQuery } from '../../api/committees';
import { useQuery } from '../../api/useQuery';
import { ChangeCommitteeForm } from '../../components/committees/ChangeCommitteeForm';
import { CouncilSeatsSection } from '../../components/committees/CouncilSeatsSection';
import { QuorumCannotBeMet } from '../../components/committees/QuorumCannotBeMet';
import { DelegationsHeldSection } from '../../components/committees/DelegationsHeldSection';
import { SeatsSection } from '../../components/committees/SeatsSection';
import { TermsOfReferenceSection } from '../../components/committees/TermsOfReferenceSection';
import type { CommitteeDetail } from '../../components/committees/types';
import { CellList } from '../../components/delegations/DelegationStatusTag';
import { MeetingsSection } from '../../components/meetings/MeetingsSection';
import { BackLink, Loading, QueryProblem } from '../../components/messages';
import { SummaryList, SummaryRow } from '../../components/SummaryList';
import { usePageTitle } from '../../components/usePageTitle';
import { coCommissioningLevelInWords, committeeKindInWords } from '../../vocabulary';
import { NotFoundPage } from '../NotFoundPage';

function CommitteeSummary({ committee }: { committee: CommitteeDetail }) {
  return (
    <SummaryList>
      <SummaryRow label="Kind">{committeeKindInWords[committee.kind]}</SummaryRow>
      {committee.host && <SummaryRow label="Host">{committee.host.name}</SummaryRow>}
      {committee.isJoint && (
        <SummaryRow label="Parties">
          <CellList items={committee.parties.map((party) => party.name)} />
        </SummaryRow>
      )}
      {committee.coCommissioningLevel && (
        <SummaryRow label="Co-commissioning">{coCommissioningLevelInWords[committee.coCommissioningLevel]}</SummaryRow>
      )}
      {committee.meetsInCommonWith.length > 0 && (
        <SummaryRow label="Meets in common with">
          <ul className="nhsuk-list app-cell-list">
            {committee.meetsInCommonWith.map((other) => (
              <li key={other.id}>
                <Link to={`/committees/${encodeURIComponent(other.id)}`}>{other.name}</Link>
                {other.host && ` (${other.host.name})`}
              </li>
            ))}
          </ul>
        </SummaryRow>
      )}
      <SummaryRow label="Quorum">{committee.quorumRule.inWords}</SummaryRow>
    </SummaryList>
  );
}

export function CommitteePage() {
  const { id = '' } = useParams();
  const { data, error, loading, reload } = useQuery(committeeQuery, { id });
  const committee = data?.node?.__typename === 'Committee' ? data.node : null;
  usePageTitle(committee?.name ?? 'Committee');

  if (loading && !data) return <Loading />;
  if (error && !committee) {
    return (
      <>
        <BackLink to="/committees">Back to committees</BackLink>
        <h1>Committee</h1>
        <QueryProblem error={error} idPrefix="committee" />
      </>
    );
  }
  if (!committee) return <NotFoundPage />;

  return (
    <>
      <BackLink to="/committees">Back to committees</BackLink>
      <h1>{committee.name}</h1>
      <CommitteeSummary committee={committee} />
      <QuorumCannotBeMet reasons={committee.quorumCannotBeMet} />
      <MeetingsSection committee={committee} />
      <p>
        <Link to={`/committees/${encodeURIComponent(committee.id)}/decisions`}>Decisions register</Link> and{' '}
        <Link to={`/committees/${encodeURIComponent(committee.id)}/actions`}>action log</Link> of {committee.name}.
      </p>
      <TermsOfReferenceSection committee={committee} onChanged={reload} />
      {committee.kind === 'COUNCIL_OF_MEMBERS' ? (
        <>
          <CouncilSeatsSection committee={committee} />
          {committee.seats.length > 0 && <SeatsSection committee={committee} onChanged={reload} />}
        </>
      ) : (
        <SeatsSection committee={committee} onChanged={reload} />
      )}
      <DelegationsHeldSection committee={committee} />
      {committee.viewerCanManage && <ChangeCommitteeForm committee={committee} onChanged={reload} />}
    </>
  );
}
