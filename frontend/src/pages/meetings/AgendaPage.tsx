import { Link, useParams } from 'react-router';
import { meetingQuery } from '../../api/meetings';
import { useQuery } from '../../api/useQuery';
import { AgendaBuilder } from '../../components/meetings/AgendaBuilder';
import { mayChange } from '../../components/meetings/mayChange';
import { meetingPath } from '../../components/meetings/MeetingsTable';
import { BackLink, Loading, QueryProblem } from '../../components/messages';
import { usePageTitle } from '../../components/usePageTitle';
import { NotFoundPage } from '../NotFoundPage';
import { meetingTitle } from './MeetingPage';

/** The agenda builder, for the secretary of the meeting's committee. */
export function AgendaPage() {
  const { id = '' } = useParams();
  const { data, error, loading, reload } = useQuery(meetingQuery, { id });
  const meeting = data?.node?.__typename === 'Meeting' ? data.node : null;
  usePageTitle(meeting ? `Agenda: ${meetingTitle(meeting)}` : 'Agenda');

  if (loading && !data) return <Loading />;
  if (error && !meeting) {
    return (
      <>
        <h1>Agenda</h1>
        <QueryProblem error={error} idPrefix="agenda" />
      </>
    );
  }
  if (!meeting) return <NotFoundPage />;

  return (
    <>
      <BackLink to={meetingPath(meeting.id)}>Back to the meeting</BackLink>
      <h1>
        <span className="nhsuk-caption-l">
          {meetingTitle(meeting)}
          <span className="nhsuk-u-visually-hidden">: </span>
        </span>
        Agenda
      </h1>
      {mayChange(meeting) ? (
        <AgendaBuilder meeting={meeting} onChanged={reload} />
      ) : meeting.cancelledAt ? (
        <p>
          The meeting has been cancelled, so its agenda can no longer change.{' '}
          <Link to={meetingPath(meeting.id)}>Read the agenda</Link>.
        </p>
      ) : (
        <p>
          Only the committee’s board secretary can change this agenda.{' '}
          <Link to={meetingPath(meeting.id)}>Read the agenda</Link>.
        </p>
      )}
    </>
  );
}
