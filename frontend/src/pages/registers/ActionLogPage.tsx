import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { actionLogQuery } from '../../api/registers';
import { useCursorPages, useQuery } from '../../api/useQuery';
import { Loading, QueryProblem } from '../../components/messages';
import { Pagination } from '../../components/Pagination';
import { Table } from '../../components/Table';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate } from '../../dates';
import { actionStatusInWords } from '../../vocabulary';

const pageSize = 50;

/** A committee's action log, carried from meeting to meeting until each action is closed. */
export function ActionLogPage() {
  const { id = '' } = useParams();
  const [includeClosed, setIncludeClosed] = useState(false);
  const pages = useCursorPages();
  const { data, error, loading } = useQuery(actionLogQuery, { committeeId: id, includeClosed, first: pageSize, after: pages.after });
  const actions = data?.actionLog;
  usePageTitle('Action log');

  return (
    <>
      <h1>Action log</h1>
      <p>
        The committee&rsquo;s actions, carried from meeting to meeting until closed.{' '}
        <Link to={`/committees/${encodeURIComponent(id)}`}>Back to the committee</Link>
      </p>
      <div className="nhsuk-checkboxes nhsuk-u-margin-bottom-4">
        <div className="nhsuk-checkboxes__item">
          <input
            className="nhsuk-checkboxes__input"
            id="include-closed"
            type="checkbox"
            checked={includeClosed}
            onChange={(event) => {
              pages.reset();
              setIncludeClosed(event.currentTarget.checked);
            }}
          />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="include-closed">
            Show closed actions too
          </label>
        </div>
      </div>
      <QueryProblem error={error} idPrefix="action-log" />
      {loading && !actions && <Loading />}
      {actions && actions.totalCount === 0 && <p>There are no {includeClosed ? '' : 'open '}actions.</p>}
      {actions && actions.totalCount > 0 && (
        <Table
          caption="Action log"
          compact
          head={['Action', 'Owner', 'Due', 'Status', 'Raised at']}
          rows={actions.edges.map(({ node }) => ({
            key: node.id,
            cells: [
              node.description,
              node.owner?.name ?? '',
              formatDate(node.dueDate),
              actionStatusInWords[node.status],
              node.meeting ? (
                <Link to={`/meetings/${encodeURIComponent(node.meeting.id)}/live`}>{node.meeting.title}</Link>
              ) : (
                ''
              ),
            ],
          }))}
        />
      )}
      {actions && <Pagination label="actions" pages={pages} pageInfo={actions.pageInfo} />}
    </>
  );
}
