import { Link } from 'react-router';
import { myPapersQuery } from '../../api/papers';
import { useCursorPages, useQuery } from '../../api/useQuery';
import { paperPath } from '../../components/meetings/AgendaTable';
import { meetingPath } from '../../components/meetings/MeetingsTable';
import { cancelledInWords, PaperStatusTag } from '../../components/meetings/StatusTags';
import { Loading, QueryProblem } from '../../components/messages';
import { Pagination } from '../../components/Pagination';
import { Table } from '../../components/Table';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, formatLondonDate } from '../../dates';
import { useSession } from '../../session';

const pageSize = 50;

/** The papers the viewer writes or sponsors, soonest due first. */
export function MyPapersPage() {
  usePageTitle('My papers');
  const { viewer } = useSession();
  const pages = useCursorPages();
  const { data, error, loading } = useQuery(myPapersQuery, { first: pageSize, after: pages.after });
  const papers = data?.myPapers;
  const me = viewer?.person.id;

  return (
    <>
      <h1>My papers</h1>
      <p>The board papers you have been asked to write, and those you sponsor and approve.</p>
      <QueryProblem error={error} idPrefix="my-papers" />
      {loading && !papers && <Loading />}
      {papers && papers.totalCount === 0 && <p>Nobody has asked you for a paper yet.</p>}
      {papers && papers.edges.length > 0 && (
        <Table
          caption="Papers you write or sponsor"
          head={['Paper', 'Meeting', 'Your part', 'Due', 'Status']}
          rows={papers.edges.map(({ node: paper }) => {
            const roles = [paper.author?.id === me && 'Author', paper.sponsor?.id === me && 'Sponsor'].filter(Boolean);
            return {
              key: paper.id,
              cells: [
                <Link to={paperPath(paper.id)}>{paper.title}</Link>,
                paper.meeting ? (
                  <>
                    <Link to={meetingPath(paper.meeting.id)}>
                      {paper.meeting.committee ? `${paper.meeting.committee.name}: ` : ''}
                      {paper.meeting.title}
                    </Link>
                    <span className="app-cell-note">
                      {paper.meeting.cancelledAt
                        ? `${formatLondonDate(paper.meeting.startsAt)}, ${cancelledInWords(paper.meeting.cancelledAt).toLowerCase()}`
                        : formatLondonDate(paper.meeting.startsAt)}
                    </span>
                  </>
                ) : (
                  ''
                ),
                roles.join(' and '),
                <span className="app-nowrap">{formatDate(paper.dueDate)}</span>,
                <PaperStatusTag status={paper.status} />,
              ],
            };
          })}
        />
      )}
      {papers && <Pagination label="papers" pages={pages} pageInfo={papers.pageInfo} />}
    </>
  );
}
