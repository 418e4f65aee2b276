import { Link } from 'react-router';
import { formatMeetingTime } from '../../dates';
import type { MeetingStatus } from '../../generated/graphql';
import { Table } from '../Table';
import { MeetingStateTag } from './StatusTags';

export interface MeetingRow {
  id: string;
  title: string;
  startsAt: string;
  endsAt?: string | null;
  location: string;
  callLink: string;
  status: MeetingStatus;
  cancelledAt?: string | null;
}

export function meetingPath(id: string): string {
  return `/meetings/${encodeURIComponent(id)}`;
}

/** Where a meeting page's back link goes, when the API does not say (the public cannot see a committee's host). */
export interface CameFrom {
  to: string;
  name: string;
}

interface MeetingsTableProps {
  caption: string;
  meetings: readonly MeetingRow[];
  cameFrom?: CameFrom;
}

export function MeetingsTable({ caption, meetings, cameFrom }: MeetingsTableProps) {
  return (
    <Table
      caption={caption}
      head={['When', 'Meeting', 'Where', 'Status']}
      rows={meetings.map((meeting) => ({
        key: meeting.id,
        cells: [
          formatMeetingTime(meeting.startsAt, meeting.endsAt),
          <Link to={meetingPath(meeting.id)} state={cameFrom && { cameFrom }}>
            {meeting.title}
          </Link>,
          [meeting.location, meeting.callLink && 'Online'].filter(Boolean).join(' and '),
          <MeetingStateTag status={meeting.status} cancelledAt={meeting.cancelledAt} />,
        ],
      }))}
    />
  );
}
