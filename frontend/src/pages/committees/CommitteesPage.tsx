import { Link } from 'react-router';
import { committeesQuery } from '../../api/committees';
import { useCursorPages, useQuery } from '../../api/useQuery';
import { CreateCommitteeForm } from '../../components/committees/CreateCommitteeForm';
import { groupByHost } from '../../components/committees/groupByHost';
import { Loading, QueryProblem } from '../../components/messages';
import { Pagination } from '../../components/Pagination';
import { Table } from '../../components/Table';
import { usePageTitle } from '../../components/usePageTitle';
import { holdsRole, useSession } from '../../session';
import { coCommissioningLevelInWords, committeeKindInWords } from '../../vocabulary';

const pageSize = 100;

export function CommitteesPage() {
  usePageTitle('Committees');
  const { viewer, currentOrganisation } = useSession();
  const pages = useCursorPages();
  const { data, error, loading, reload } = useQuery(committeesQuery, { first: pageSize, after: pages.after });
  const committees = data?.committees;
  const mayCreate = holdsRole(viewer, currentOrganisation?.id, 'ADMINISTRATOR', 'BOARD_SECRETARY');

  return (
    <>
      <h1>Committees</h1>
      <p>The committees you can see, with their members, quorum rules, terms of reference and delegations.</p>
      <p>
        <Link to="/in-common">Committees in common</Link>: sessions your committees hold with other organisations' committees,
        and invitations to them.
      </p>
      <QueryProblem error={error} idPrefix="committees" />
      {loading && !committees && <Loading />}
      {committees && committees.totalCount === 0 && <p>You cannot see any committees yet.</p>}
      {committees &&
        groupByHost(committees.edges.map(({ node }) => node)).map(({ host, committees: hosted }) => {
          const hostName = host?.name ?? 'Other organisations';
          return (
            <section key={host?.id ?? 'unseen'}>
              <h2>{hostName}</h2>
              <Table
                caption={`Committees hosted by ${hostName}`}
                head={['Committee', 'Kind', 'Parties', 'Co-commissioning']}
                rows={hosted.map((committee) => ({
                  key: committee.id,
                  cells: [
                    <Link to={`/committees/${encodeURIComponent(committee.id)}`}>{committee.name}</Link>,
                    committeeKindInWords[committee.kind],
                    committee.isJoint ? committee.parties.map((party) => party.name).join(', ') : '',
                    committee.coCommissioningLevel ? coCommissioningLevelInWords[committee.coCommissioningLevel] : '',
                  ],
                }))}
              />
            </section>
          );
        })}
      {committees && <Pagination label="committees" pages={pages} pageInfo={committees.pageInfo} />}
      {mayCreate && currentOrganisation && (
        <CreateCommitteeForm
          key={currentOrganisation.id}
          organisation={currentOrganisation}
          onCreated={() => {
            pages.reset();
            reload();
          }}
        />
      )}
    </>
  );
}
