import { Link, useLocation, useParams } from 'react-router';
import { meetingQuery } from '../../api/meetings';
import { useQuery } from '../../api/useQuery';
import { AgendaTable } from '../../components/meetings/AgendaTable';
import type { CameFrom } from '../../components/meetings/MeetingsTable';
import { MeetingStatusActions } from '../../components/meetings/MeetingStatusActions';
import { MeetingSummary } from '../../components/meetings/MeetingSummary';
import { PacksSection } from '../../components/meetings/PacksSection';
import type { MeetingDetail } from '../../components/meetings/types';
import { BackLink, Loading, QueryProblem } from '../../components/messages';
import { usePageTitle } from '../../components/usePageTitle';
import { formatLondonDate } from '../../dates';
import { useSession } from '../../session';
import { NotFoundPage } from '../NotFoundPage';

/** Where the meeting's committee is: its page for members, its public page for everyone else. */
export function committeeBackLink(meeting: MeetingDetail, signedIn: boolean): { to: string; name: string } | null {
  const committee = meeting.committee;
  if (!committee) return null;
  if (signedIn) return { to: `/committees/${encodeURIComponent(committee.id)}`, name: committee.name };
  if (committee.host) {
    return {
      to: `/public/${encodeURIComponent(committee.host.odsCode)}/committees/${encodeURIComponent(committee.id)}`,
      name: committee.name,
    };
  }
  return null;
}

export function meetingTitle(meeting: Pick<MeetingDetail, 'title' | 'startsAt'>): string {
  return `${meeting.title}, ${formatLondonDate(meeting.startsAt)}`;
}

/** A meeting: when and where, its agenda and papers, and its board packs; for anyone who may see it. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const { viewer } = useSession();
  const cameFrom = (useLocation().state as { cameFrom?: CameFrom } | null)?.cameFrom ?? null;
  const { data, error, loading, reload } = useQuery(meetingQuery, { id });
  const meeting = data?.node?.__typename === 'Meeting' ? data.node : null;
  usePageTitle(meeting ? meetingTitle(meeting) : 'Meeting');

  if (loading && !data) return <Loading />;
  if (error && !meeting) {
    return (
      <>
        <h1>Meeting</h1>
        <QueryProblem error={error} idPrefix="meeting" />
      </>
    );
  }
  if (!meeting) return <NotFoundPage />;

  const back = committeeBackLink(meeting, !!viewer) ?? cameFrom;
  const publicItems = meeting.agenda.filter((item) => item.part === 'PUBLIC').length;
  return (
    <>
      {back && <BackLink to={back.to}>Back to {back.name}</BackLink>}
      <h1>
        <span className="nhsuk-caption-l">
          {meeting.committee?.name}
          <span className="nhsuk-u-visually-hidden">: </span>
        </span>
        {meeting.title}
      </h1>
      <MeetingSummary meeting={meeting} />
      {viewer && (
        <p>
          <Link to={`/meetings/${encodeURIComponent(meeting.id)}/live`}>The meeting as it runs</Link> (attendance,
          declarations, quorum, votes and decisions) and its{' '}
          <Link to={`/meetings/${encodeURIComponent(meeting.id)}/minutes`}>minutes</Link>.
        </p>
      )}
      {meeting.viewerCanManage && <MeetingStatusActions meeting={meeting} onChanged={reload} />}
      <section>
        <h2>Agenda</h2>
        {meeting.viewerCanManage && (
          <p>
            <Link to={`/meetings/${encodeURIComponent(meeting.id)}/agenda`}>Change the agenda and request papers</Link>
          </p>
        )}
        {meeting.agenda.length ? (
          <>
            {!viewer && publicItems === meeting.agenda.length && (
              <p>This is the agenda of the part of the meeting held in public (Part I).</p>
            )}
            <AgendaTable
              caption={`Agenda of ${meeting.title}`}
              agenda={meeting.agenda}
              canManage={meeting.viewerCanManage}
            />
          </>
        ) : (
          <p>The agenda has no items yet.</p>
        )}
      </section>
      <PacksSection meeting={meeting} onChanged={reload} />
    </>
  );
}
