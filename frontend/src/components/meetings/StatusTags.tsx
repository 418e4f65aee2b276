import { formatLondonDate } from '../../dates';
import type { MeetingStatus, PackBuildStatus, PaperStatus } from '../../generated/graphql';
import {
  meetingStatusColour,
  meetingStatusInWords,
  packBuildStatusColour,
  packBuildStatusInWords,
  paperStatusColour,
  paperStatusInWords,
} from '../../vocabulary';

export function MeetingStatusTag({ status }: { status: MeetingStatus }) {
  return <strong className={`nhsuk-tag nhsuk-tag--${meetingStatusColour[status]}`}>{meetingStatusInWords[status]}</strong>;
}

/** "Cancelled on 6 December 2026" for a cancelled meeting; otherwise the stage it has reached. */
export function cancelledInWords(cancelledAt: string): string {
  return `Cancelled on ${formatLondonDate(cancelledAt)}`;
}

export function MeetingStateTag({ status, cancelledAt }: { status: MeetingStatus; cancelledAt?: string | null }) {
  if (cancelledAt) return <strong className="nhsuk-tag nhsuk-tag--red">{cancelledInWords(cancelledAt)}</strong>;
  return <MeetingStatusTag status={status} />;
}

export function PaperStatusTag({ status }: { status: PaperStatus }) {
  return <strong className={`nhsuk-tag nhsuk-tag--${paperStatusColour[status]}`}>{paperStatusInWords[status]}</strong>;
}

export function PackStatusTag({ status }: { status: PackBuildStatus }) {
  return (
    <strong className={`nhsuk-tag nhsuk-tag--${packBuildStatusColour[status]}`}>{packBuildStatusInWords[status]}</strong>
  );
}
