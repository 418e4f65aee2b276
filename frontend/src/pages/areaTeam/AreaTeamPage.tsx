import { Link } from 'react-router';
import { committeesQuery } from '../../api/committees';
import { delegationsQuery } from '../../api/delegations';
import { useQuery } from '../../api/useQuery';
import { DelegationsTable } from '../../components/delegations/DelegationsTable';
import { Loading, QueryProblem } from '../../components/messages';
import { Table } from '../../components/Table';
import { usePageTitle } from '../../components/usePageTitle';
import { useSession, type ViewerOrganisation } from '../../session';
import { coCommissioningLevelInWords } from '../../vocabulary';

function Delegations({ areaTeam }: { areaTeam: ViewerOrganisation }) {
  const { data, error, loading } = useQuery(delegationsQuery, { organisationId: areaTeam.id, first: 100, after: null });
  const delegations = data?.delegations;
  return (
    <section>
      <h2>Delegations</h2>
      <QueryProblem error={error} idPrefix="area-team-delegations" />
      {loading && !delegations && <Loading />}
      {delegations && delegations.totalCount === 0 && <p>{areaTeam.name} has no delegations on record.</p>}
      {delegations && delegations.edges.length > 0 && (
        <DelegationsTable
          caption={`Delegations of ${areaTeam.name}`}
          delegations={delegations.edges.map(({ node }) => node)}
        />
      )}
      <p>
        <Link to="/delegations">Record, evidence or revoke delegations in the register</Link>
      </p>
    </section>
  );
}

function JointCommittees() {
  const { data, error, loading } = useQuery(committeesQuery, { first: 100, after: null });
  const joint = data?.committees.edges.map(({ node }) => node).filter((committee) => committee.isJoint);
  return (
    <section>
      <h2>Joint committees</h2>
      <QueryProblem error={error} idPrefix="area-team-committees" />
      {loading && !joint && <Loading />}
      {joint && joint.length === 0 && <p>You do not sit on any joint committee.</p>}
      {joint && joint.length > 0 && (
        <Table
          caption="Joint committees you sit on"
          head={['Committee', 'Host', 'Parties', 'Co-commissioning']}
          rows={joint.map((committee) => ({
            key: committee.id,
            cells: [
              <Link to={`/committees/${encodeURIComponent(committee.id)}`}>{committee.name}</Link>,
              committee.host?.name ?? '',
              committee.parties.map((party) => party.name).join(', '),
              committee.coCommissioningLevel ? coCommissioningLevelInWords[committee.coCommissioningLevel] : '',
            ],
          }))}
        />
      )}
    </section>
  );
}

/** An area team officer's view: every delegation the area team has made, and the joint committees they sit on. */
export function AreaTeamPage() {
  usePageTitle('Area team');
  const { areaTeams, currentOrganisation } = useSession();
  const areaTeam = areaTeams.find((team) => team.id === currentOrganisation?.id) ?? areaTeams[0];

  if (!areaTeam) {
    return (
      <>
        <h1>Area team</h1>
        <p>You are not a member of an NHS England area team.</p>
      </>
    );
  }
  return (
    <>
      <h1>
        <span className="nhsuk-caption-l">
          Area team<span className="nhsuk-u-visually-hidden">: </span>
        </span>
        {areaTeam.name}
      </h1>
      <Delegations areaTeam={areaTeam} />
      <JointCommittees />
    </>
  );
}
