import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { meetingQuery } from '../../api/meetings';
import { useQuery } from '../../api/useQuery';
import { AgendaTable } from '../../components/meetings/AgendaTable';
import { CancelMeetingSection } from '../../components/meetings/CancelMeetingSection';
import { ChangeArrangementsSection } from '../../components/meetings/ChangeArrangementsSection';
import { mayChange, mayRearrange } from '../../components/meetings/mayChange';
import type { CameFrom } from '../../components/meetings/MeetingsTable';
import { MeetingStatusActions } from '../../components/meetings/MeetingStatusActions';
import { MeetingSummary } from '../../components/meetings/MeetingSummary';
import { PacksSection } from '../../components/meetings/PacksSection';
import { cancelledInWords } from '../../components/meetings/StatusTags';
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

/** A cancelled meeting says so before anything else; it takes focus when the viewer has just cancelled it. */
function CancelledNotice({ cancelledAt, justCancelled }: { cancelledAt: string; justCancelled: boolean }) {
  const notice = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (justCancelled) notice.current?.focus();
  }, [justCancelled]);
  return (
    <div className="nhsuk-warning-callout app-outcome" tabIndex={-1} ref={notice}>
      <h2 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          {cancelledInWords(cancelledAt)}
        </span>
      </h2>
      <p>This meeting has been cancelled and will not take place.</p>
    </div>
  );
}

/** A meeting: when and where, its agenda and papers, and its board packs; for anyone who may see it. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const { viewer } = useSession();
  const cameFrom = (useLocation().state as { cameFrom?: CameFrom } | null)?.cameFrom ?? null;
  const { data, error, loading, reload } = useQuery(meetingQuery, { id });
  const [justCancelled, setJustCancelled] = useState(false);
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
  const manage = mayChange(meeting);
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
      {meeting.cancelledAt && <CancelledNotice cancelledAt={meeting.cancelledAt} justCancelled={justCancelled} />}
      <MeetingSummary meeting={meeting} />
      {viewer && (
        <p>
          <Link to={`/meetings/${encodeURIComponent(meeting.id)}/live`}>The meeting as it runs</Link> (attendance,
          declarations, quorum, votes and decisions) and its{' '}
          <Link to={`/meetings/${encodeURIComponent(meeting.id)}/minutes`}>minutes</Link>.
        </p>
      )}
      {manage && <MeetingStatusActions meeting={meeting} onChanged={reload} />}
      {mayRearrange(meeting) && (
        <>
          <ChangeArrangementsSection meeting={meeting} onChanged={reload} />
          <CancelMeetingSection
            meeting={meeting}
            onCancelled={() => {
              setJustCancelled(true);
              reload();
            }}
          />
        </>
      )}
      <section>
        <h2>Agenda</h2>
        {manage && (
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
      <PacksSection meeting={{ ...meeting, viewerCanManage: manage }} onChanged={reload} />
    </>
  );
}
