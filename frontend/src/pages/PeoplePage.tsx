import { Link, useSearchParams } from 'react-router';
import { organisationQuery, peopleQuery } from '../api/operations';
import { useCursorPages, useQuery } from '../api/useQuery';
import { BackLink, Loading, QueryProblem } from '../components/messages';
import { Pagination } from '../components/Pagination';
import { AddPersonForm } from '../components/people/AddPersonForm';
import { Table } from '../components/Table';
import { usePageTitle } from '../components/usePageTitle';
import { useSession } from '../session';

const pageSize = 25;

/** The organisation named in the address (?organisation=ID), or else the one chosen in the header. */
function useOrganisation() {
  const [searchParams] = useSearchParams();
  const { currentOrganisation, canAdminister } = useSession();
  const requestedId = searchParams.get('organisation');
  const requested = useQuery(organisationQuery, { id: requestedId ?? '' }, { skip: !requestedId });
  if (!requestedId) return { organisation: currentOrganisation, canAdminister, pending: false };
  const node = requested.data?.node;
  return node?.__typename === 'Organisation'
    ? { organisation: node, canAdminister: node.viewerCanAdminister, pending: false }
    : { organisation: null, canAdminister: false, pending: !requested.data && !requested.error };
}

export function PeoplePage() {
  usePageTitle('People');
  const { canAdminister: viewerAdministers } = useSession();
  const { organisation, canAdminister, pending } = useOrganisation();
  const pages = useCursorPages();
  const { data, error, loading, reload } = useQuery(
    peopleQuery,
    { organisationId: organisation?.id ?? null, first: pageSize, after: pages.after },
    { skip: pending },
  );
  const people = data?.people;

  return (
    <>
      <BackLink to="/admin">Back to administration</BackLink>
      <h1>People</h1>
      <p>
        {organisation ? (
          <>
            People registered with{' '}
            <Link to={`/admin/organisations/${encodeURIComponent(organisation.id)}`}>{organisation.name}</Link>.
          </>
        ) : (
          'People registered with your organisations.'
        )}
      </p>
      <QueryProblem error={error} idPrefix="people" />
      {loading && !people && <Loading />}
      {people && (
        <>
          <p>
            {people.totalCount} {people.totalCount === 1 ? 'person' : 'people'}
          </p>
          {people.edges.length > 0 && (
            <Table
              caption="People"
              head={['Name', 'Email']}
              rows={people.edges.map(({ node }) => ({ key: node.id, cells: [node.name, node.email] }))}
            />
          )}
          <Pagination label="people" pages={pages} pageInfo={people.pageInfo} />
        </>
      )}
      {canAdminister && organisation && (
        <AddPersonForm
          key={organisation.id}
          organisation={organisation}
          onAdded={() => {
            pages.reset();
            reload();
          }}
        />
      )}
      {viewerAdministers && !organisation && !pending && (
        <p>
          To add a person, open their organisation from the <Link to="/admin/organisations">list of organisations</Link>{' '}
          and follow “Add a person” under its memberships.
        </p>
      )}
    </>
  );
}
