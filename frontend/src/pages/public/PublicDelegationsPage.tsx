import { useParams } from 'react-router';
import { publicSchemeQuery } from '../../api/delegations';
import { useQuery } from '../../api/useQuery';
import { CellList, DelegationStatusTag } from '../../components/delegations/DelegationStatusTag';
import { BackLink, Loading, QueryProblem } from '../../components/messages';
import { Table } from '../../components/Table';
import { usePageTitle } from '../../components/usePageTitle';
import { formatLondonDate } from '../../dates';

function NoScheme({ odsCode }: { odsCode: string }) {
  usePageTitle('Scheme of delegation not found');
  return (
    <>
      <h1>Scheme of delegation not found</h1>
      <p>No organisation in Quorum has the ODS code “{odsCode}”.</p>
      <p>Check the code: CCGs’ codes look like 00T and NHS England area teams’ like Q46.</p>
    </>
  );
}

/** An organisation's published scheme of reservation and delegation, for anyone to read without signing in. */
export function PublicDelegationsPage() {
  const { ods = '' } = useParams();
  const { data, error, loading } = useQuery(publicSchemeQuery, { odsCode: ods });
  const scheme = data?.publicSchemeOfDelegation;
  usePageTitle(scheme ? `Scheme of delegation: ${scheme.organisationName}` : 'Scheme of delegation');

  if (loading && !data) return <Loading />;
  if (error) {
    return (
      <>
        <h1>Scheme of delegation</h1>
        <QueryProblem error={error} idPrefix="public-scheme" />
      </>
    );
  }
  if (!scheme) return <NoScheme odsCode={ods} />;

  return (
    <>
      <BackLink to={`/public/${encodeURIComponent(scheme.odsCode)}`}>Back to {scheme.organisationName}</BackLink>
      <h1>
        <span className="nhsuk-caption-l">
          Scheme of delegation<span className="nhsuk-u-visually-hidden">: </span>
        </span>
        {scheme.organisationName}
      </h1>
      <p>
        The functions {scheme.organisationName} ({scheme.odsCode}) has delegated to committees, or committees it hosts
        have received, under its scheme of reservation and delegation.
      </p>
      {scheme.delegations.length ? (
        <Table
          caption={`Delegations published by ${scheme.organisationName}`}
          head={['Delegated by', 'Receiving committee', 'Functions', 'Scope', 'Valid from', 'Valid to', 'Status']}
          rows={scheme.delegations.map((delegation, index) => ({
            key: `${index}`,
            cells: [
              delegation.delegatingOrganisation,
              `${delegation.receivingCommittee} (${delegation.receivingHost})`,
              <CellList items={delegation.functions} />,
              <CellList items={delegation.scope.map((ccg) => `Practices of ${ccg}`)} />,
              formatLondonDate(delegation.validFrom),
              formatLondonDate(delegation.validTo),
              <DelegationStatusTag status={delegation.status} />,
            ],
          }))}
        />
      ) : (
        <p>{scheme.organisationName} has published no delegations.</p>
      )}
    </>
  );
}
