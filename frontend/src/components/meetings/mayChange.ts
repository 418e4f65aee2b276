import type { MeetingStatus } from '../../generated/graphql';

interface MeetingState {
  status: MeetingStatus;
  cancelledAt?: string | null;
  viewerCanManage: boolean;
}

/** The viewer runs the meeting and it can still change: a cancelled meeting stays as it was. */
export function mayChange(meeting: MeetingState): boolean {
  return meeting.viewerCanManage && !meeting.cancelledAt;
}

/** Its date, time and place may still move, or it may be called off: it has not yet been held. */
export function mayRearrange(meeting: MeetingState): boolean {
  return mayChange(meeting) && meeting.status !== 'HELD' && meeting.status !== 'MINUTES_APPROVED';
}
