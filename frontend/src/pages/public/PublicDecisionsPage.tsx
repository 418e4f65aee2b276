import { Link, useParams } from 'react-router';
import { publicDecisionsQuery } from '../../api/publicDirectory';
import { useCursorPages, useQuery } from '../../api/useQuery';
import { meetingPath } from '../../components/meetings/MeetingsTable';
import { BackLink, Loading, QueryProblem } from '../../components/messages';
import { Pagination } from '../../components/Pagination';
import { Table } from '../../components/Table';
import { usePageTitle } from '../../components/usePageTitle';
import { formatLondonDate } from '../../dates';
import { decisionRouteInWords } from '../../vocabulary';
import { NoOrganisation } from './PublicOrganisationPage';
import { publicOrganisationPath } from './PublicDirectoryPage';

const pageSize = 50;

/** An organisation's decisions register as the public may read it: decisions taken in public (Part I). */
export function PublicDecisionsPage() {
  const { ods = '' } = useParams();
  const pages = useCursorPages();
  const variables = { odsCode: ods, first: pageSize, after: pages.after };
  const { data, error, loading } = useQuery(publicDecisionsQuery, variables);
  const organisation = data?.publicOrganisation;
  const decisions = data?.decisions;
  usePageTitle(organisation ? `Decisions register: ${organisation.name}` : 'Decisions register');

  if (loading && !data) return <Loading />;
  if (error && !data) {
    return (
      <>
        <h1>Decisions register</h1>
        <QueryProblem error={error} idPrefix="public-decisions" />
      </>
    );
  }
  if (!organisation) return <NoOrganisation odsCode={ods} />;

  return (
    <>
      <BackLink to={publicOrganisationPath(organisation.odsCode)}>Back to {organisation.name}</BackLink>
      <h1>
        <span className="nhsuk-caption-l">
          {organisation.name}
          <span className="nhsuk-u-visually-hidden">: </span>
        </span>
        Decisions register
      </h1>
      <p>
        The decisions {organisation.name}’s committees have taken in public, in the order taken, including those a joint
        committee takes under a delegation.
      </p>
      {decisions && decisions.totalCount === 0 && <p>No decisions have been published.</p>}
      {decisions && decisions.totalCount > 0 && (
        <Table
          caption={`Decisions of ${organisation.name}`}
          compact
          head={['Decided', 'Committee and meeting', 'Item', 'Decision', 'How']}
          rows={decisions.edges.map(({ node }) => ({
            key: node.id,
            cells: [
              formatLondonDate(node.decidedAt),
              <>
                {node.committee?.name}
                {node.meeting && (
                  <span className="app-cell-note">
                    <Link to={meetingPath(node.meeting.id)}>{node.meeting.title}</Link>
                  </span>
                )}
              </>,
              node.item ? `${node.item.number}. ${node.item.title}` : '',
              <>
                {node.text}
                {node.delegationLabel && <> Taken under {node.delegationLabel}.</>}
              </>,
              <>
                {decisionRouteInWords[node.route]}
                {node.vote?.result ? `. ${node.vote.result}` : ''}
                {node.ratifiedAt ? `. Ratified ${formatLondonDate(node.ratifiedAt)}.` : ''}
              </>,
            ],
          }))}
        />
      )}
      {decisions && <Pagination label="decisions" pages={pages} pageInfo={decisions.pageInfo} />}
    </>
  );
}
