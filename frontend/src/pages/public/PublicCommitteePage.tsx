import { useParams } from 'react-router';
import { publicCommitteeQuery } from '../../api/meetings';
import { useCursorPages, useQuery } from '../../api/useQuery';
import { committeeCalendarUrl } from '../../components/meetings/calendarMonth';
import { MeetingCalendar } from '../../components/meetings/MeetingCalendar';
import { meetingPath, MeetingsTable } from '../../components/meetings/MeetingsTable';
import { BackLink, Loading, QueryProblem } from '../../components/messages';
import { Pagination } from '../../components/Pagination';
import { usePageTitle } from '../../components/usePageTitle';
import { NotFoundPage } from '../NotFoundPage';
import { SubscribeForm } from '../notifications/SubscribeForm';
import { NoOrganisation, publicCommitteePath } from './PublicOrganisationPage';

const pageSize = 50;

/** A committee's published meetings, for anyone. */
export function PublicCommitteePage() {
  const { ods = '', committeeId = '' } = useParams();
  const pages = useCursorPages();
  const { data, error, loading } = useQuery(publicCommitteeQuery, {
    odsCode: ods,
    committeeId,
    first: pageSize,
    after: pages.after,
  });
  const organisation = data?.publicOrganisation;
  const committee = organisation?.committees.find((candidate) => candidate.id === committeeId);
  const meetings = data?.meetings.edges.map(({ node }) => node) ?? [];
  usePageTitle(committee && organisation ? `${committee.name}: ${organisation.name}` : 'Committee meetings');

  if (loading && !data) return <Loading />;
  if (error && !data) {
    return (
      <>
        <h1>Committee meetings</h1>
        <QueryProblem error={error} idPrefix="public-committee" />
      </>
    );
  }
  if (data && !organisation) return <NoOrganisation odsCode={ods} />;
  if (!organisation || !committee) return <NotFoundPage />;

  const feed = committeeCalendarUrl(committee.id);
  const cameFrom = { to: publicCommitteePath(organisation.odsCode, committee.id), name: committee.name };
  return (
    <>
      <BackLink to={`/public/${encodeURIComponent(organisation.odsCode)}`}>Back to {organisation.name}</BackLink>
      <h1>
        <span className="nhsuk-caption-l">
          {organisation.name}
          <span className="nhsuk-u-visually-hidden">: </span>
        </span>
        {committee.name}
      </h1>
      <h2>Published meetings</h2>
      {meetings.length ? (
        <>
          <MeetingsTable caption={`Published meetings of ${committee.name}`} meetings={meetings} cameFrom={cameFrom} />
          {data && <Pagination label="meetings" pages={pages} pageInfo={data.meetings.pageInfo} />}
          <h2>Calendar</h2>
          <MeetingCalendar
            meetings={meetings}
            linkTo={(meeting) => meetingPath(meeting.id)}
            label={`Meetings of ${committee.name}`}
            cameFrom={cameFrom}
          />
        </>
      ) : (
        <p>{committee.name} has not published any meetings yet.</p>
      )}
      {feed && (
        <p>
          <a href={feed}>Add {committee.name}’s meetings to your calendar</a> (an iCalendar feed your calendar app can
          subscribe to)
        </p>
      )}
      <SubscribeForm committeeId={committee.id} committeeName={committee.name} />
    </>
  );
}
