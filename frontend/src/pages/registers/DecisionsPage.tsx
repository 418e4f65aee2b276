import { Link, useParams } from 'react-router';
import { decisionsRegisterQuery } from '../../api/registers';
import { useCursorPages, useQuery } from '../../api/useQuery';
import { Loading, QueryProblem } from '../../components/messages';
import { Pagination } from '../../components/Pagination';
import { Table } from '../../components/Table';
import { usePageTitle } from '../../components/usePageTitle';
import { formatLondonDate } from '../../dates';
import { useSession } from '../../session';
import { decisionRouteInWords } from '../../vocabulary';

const pageSize = 50;

/** The decisions register of the current organisation, or of one committee (/committees/:id/decisions). */
export function DecisionsPage() {
  const { id } = useParams();
  const { currentOrganisation } = useSession();
  const pages = useCursorPages();
  const variables = id
    ? { committeeId: id, organisationId: null, first: pageSize, after: pages.after }
    : { committeeId: null, organisationId: currentOrganisation?.id ?? null, first: pageSize, after: pages.after };
  const { data, error, loading } = useQuery(decisionsRegisterQuery, variables, {
    skip: !variables.committeeId && !variables.organisationId,
  });
  const decisions = data?.decisions;
  const committeeName = id ? decisions?.edges[0]?.node.committee?.name : undefined;
  usePageTitle('Decisions register');

  return (
    <>
      {committeeName && <span className="nhsuk-caption-l">{committeeName}</span>}
      <h1>Decisions register</h1>
      <p>
        {id
          ? 'The decisions this committee has taken, in the order taken.'
          : `The decisions taken by ${currentOrganisation?.name ?? 'your organisation'}'s committees, including those a joint committee takes under a delegation.`}
      </p>
      <QueryProblem error={error} idPrefix="decisions" />
      {loading && !decisions && <Loading />}
      {decisions && decisions.totalCount === 0 && <p>No decisions have been recorded.</p>}
      {decisions && decisions.totalCount > 0 && (
        <Table
          caption="Decisions register"
          compact
          head={['Decided', 'Committee and meeting', 'Item', 'Decision', 'How']}
          rows={decisions.edges.map(({ node }) => ({
            key: node.id,
            cells: [
              formatLondonDate(node.decidedAt),
              <>
                {node.committee?.name}
                {node.meeting && (
                  <>
                    <br />
                    <Link to={`/meetings/${encodeURIComponent(node.meeting.id)}/minutes`}>{node.meeting.title}</Link>
                  </>
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
