import { formatDate, formatLondonDate, formatMeetingTime } from '../../dates';
import { SummaryList, SummaryRow } from '../SummaryList';
import { MeetingStateTag } from './StatusTags';
import type { MeetingDetail } from './types';

export function MeetingSummary({ meeting }: { meeting: MeetingDetail }) {
  return (
    <>
      <SummaryList>
        {meeting.committee && <SummaryRow label="Committee">{meeting.committee.name}</SummaryRow>}
        <SummaryRow label="When">{formatMeetingTime(meeting.startsAt, meeting.endsAt)} (UK time)</SummaryRow>
        {meeting.location && <SummaryRow label="Where">{meeting.location}</SummaryRow>}
        {meeting.callLink && (
          <SummaryRow label="Join online">
            <a href={meeting.callLink} className="app-break-anywhere" rel="noreferrer">
              {meeting.callLink}
            </a>
          </SummaryRow>
        )}
        {meeting.papersDue && <SummaryRow label="Papers due">{formatDate(meeting.papersDue)}</SummaryRow>}
        <SummaryRow label="Status">
          <MeetingStateTag status={meeting.status} cancelledAt={meeting.cancelledAt} />
        </SummaryRow>
        {meeting.noticeSentAt && <SummaryRow label="Notice given">{formatLondonDate(meeting.noticeSentAt)}</SummaryRow>}
      </SummaryList>
      <p>
        <a href={meeting.calendarUrl}>Add this meeting to your calendar</a> (.ics file)
      </p>
    </>
  );
}
