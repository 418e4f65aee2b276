import { Link } from 'react-router';
import { organisationsQuery } from '../api/operations';
import { useCursorPages, useQuery } from '../api/useQuery';
import { BackLink, Loading, QueryProblem } from '../components/messages';
import { Pagination } from '../components/Pagination';
import { Table } from '../components/Table';
import { usePageTitle } from '../components/usePageTitle';
import { useSession } from '../session';
import { organisationKindInWords } from '../vocabulary';
import { CreateOrganisationForm } from '../components/organisations/CreateOrganisationForm';

const pageSize = 25;

export function OrganisationsPage() {
  usePageTitle('Organisations');
  const { viewer } = useSession();
  const pages = useCursorPages();
  const { data, error, loading, reload } = useQuery(organisationsQuery, {
    first: pageSize,
    after: pages.after,
  });
  const organisations = data?.organisations;

  return (
    <>
      <BackLink to="/admin">Back to administration</BackLink>
      <h1>Organisations</h1>
      <QueryProblem error={error} idPrefix="organisations" />
      {loading && !organisations && <Loading />}
      {organisations && (
        <>
          <p>
            {organisations.totalCount} {organisations.totalCount === 1 ? 'organisation' : 'organisations'}
          </p>
          <Table
            caption="Organisations"
            head={['Name', 'ODS code', 'Kind', 'Area team']}
            rows={organisations.edges.map(({ node }) => ({
              key: node.id,
              cells: [
                <Link to={`/admin/organisations/${encodeURIComponent(node.id)}`}>{node.name}</Link>,
                node.odsCode,
                organisationKindInWords[node.kind],
                node.areaTeam?.name ?? '',
              ],
            }))}
          />
          <Pagination label="organisations" pages={pages} pageInfo={organisations.pageInfo} />
        </>
      )}
      {viewer?.isPlatformAdmin && (
        <CreateOrganisationForm
          onCreated={() => {
            pages.reset();
            reload();
          }}
        />
      )}
    </>
  );
}
