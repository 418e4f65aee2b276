import { committeeMeetingsQuery } from '../../api/meetings';
import { useCursorPages, useQuery } from '../../api/useQuery';
import { Loading, QueryProblem } from '../messages';
import { Pagination } from '../Pagination';
import { ArrangeMeetingForm } from './ArrangeMeetingForm';
import { committeeCalendarUrl } from './calendarMonth';
import { MeetingCalendar } from './MeetingCalendar';
import { meetingPath, MeetingsTable } from './MeetingsTable';

const pageSize = 50;

interface MeetingsSectionProps {
  committee: { id: string; name: string; viewerCanManage: boolean };
}

/** A committee's meetings as a list and a month calendar, the feed to follow them, and for its secretary a new one. */
export function MeetingsSection({ committee }: MeetingsSectionProps) {
  const pages = useCursorPages();
  const { data, error, loading, reload } = useQuery(committeeMeetingsQuery, {
    committeeId: committee.id,
    first: pageSize,
    after: pages.after,
  });
  const meetings = data?.meetings.edges.map(({ node }) => node) ?? [];
  const feed = committeeCalendarUrl(committee.id);

  return (
    <section>
      <h2>Meetings</h2>
      <QueryProblem error={error} idPrefix="meetings" />
      {loading && !data && <Loading />}
      {data && meetings.length === 0 && <p>{committee.name} has no meetings arranged yet.</p>}
      {meetings.length > 0 && (
        <>
          <MeetingsTable caption={`Meetings of ${committee.name}`} meetings={meetings} />
          {data && <Pagination label="meetings" pages={pages} pageInfo={data.meetings.pageInfo} />}
          <h3>Calendar</h3>
          <MeetingCalendar
            meetings={meetings}
            linkTo={(meeting) => meetingPath(meeting.id)}
            label={`Meetings of ${committee.name}`}
          />
        </>
      )}
      {feed && (
        <p>
          <a href={feed}>Add {committee.name}’s meetings to your calendar</a> (an iCalendar feed your calendar app can
          subscribe to)
        </p>
      )}
      {committee.viewerCanManage && (
        <ArrangeMeetingForm
          committee={committee}
          onArranged={() => {
            pages.reset();
            reload();
          }}
        />
      )}
    </section>
  );
}
