import { Link, useParams } from 'react-router';
import { publicOrganisationQuery } from '../../api/meetings';
import { useQuery } from '../../api/useQuery';
import { PublicIndicators } from '../../components/indicators/PublicIndicators';
import { BackLink, Loading, QueryProblem } from '../../components/messages';
import { usePageTitle } from '../../components/usePageTitle';

export function publicCommitteePath(odsCode: string, committeeId: string): string {
  return `/public/${encodeURIComponent(odsCode)}/committees/${encodeURIComponent(committeeId)}`;
}

export function NoOrganisation({ odsCode }: { odsCode: string }) {
  usePageTitle('Organisation not found');
  return (
    <>
      <h1>Organisation not found</h1>
      <p>No organisation in Quorum has the ODS code “{odsCode}”.</p>
      <p>Check the code: CCGs’ codes look like 00T and NHS England area teams’ like Q46.</p>
      <p>
        <Link to="/public">Find an organisation by name</Link>
      </p>
    </>
  );
}

/** An organisation's public face: its committees' published meetings, agendas and papers, without signing in. */
export function PublicOrganisationPage() {
  const { ods = '' } = useParams();
  const { data, error, loading } = useQuery(publicOrganisationQuery, { odsCode: ods });
  const organisation = data?.publicOrganisation;
  usePageTitle(organisation ? `Meetings and papers: ${organisation.name}` : 'Meetings and papers');

  if (loading && !data) return <Loading />;
  if (error) {
    return (
      <>
        <h1>Meetings and papers</h1>
        <QueryProblem error={error} idPrefix="public-organisation" />
      </>
    );
  }
  if (!organisation) return <NoOrganisation odsCode={ods} />;

  const base = `/public/${encodeURIComponent(organisation.odsCode)}`;
  return (
    <>
      <BackLink to="/public">Back to all organisations</BackLink>
      <h1>
        <span className="nhsuk-caption-l">
          Meetings and papers<span className="nhsuk-u-visually-hidden">: </span>
        </span>
        {organisation.name}
      </h1>
      <p>
        The agendas, papers and board packs {organisation.name} ({organisation.odsCode}) has published for the parts of
        its committees’ meetings held in public. Business taken in private (Part II) is not published.
      </p>
      <h2>Registers and governance</h2>
      <ul className="nhsuk-list nhsuk-list--border">
        <li>
          <Link to={`${base}/decisions`}>Decisions register</Link>
        </li>
        <li>
          <Link to={`${base}/interests`}>Register of interests</Link>
        </li>
        <li>
          <Link to={`${base}/gifts`}>Register of gifts and hospitality</Link>
        </li>
        <li>
          <Link to={`${base}/delegations`}>Scheme of delegation</Link>
        </li>
      </ul>
      <h2>Committees</h2>
      <p>Each committee’s published meetings, with their agendas, papers and board packs.</p>
      {organisation.committees.length ? (
        <ul className="nhsuk-list nhsuk-list--border">
          {organisation.committees.map((committee) => (
            <li key={committee.id}>
              <Link to={publicCommitteePath(organisation.odsCode, committee.id)}>{committee.name}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <p>{organisation.name} has not published any meetings yet.</p>
      )}
      <PublicIndicators organisationId={organisation.id} />
    </>
  );
}
