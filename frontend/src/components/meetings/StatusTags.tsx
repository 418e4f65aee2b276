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

export function PaperStatusTag({ status }: { status: PaperStatus }) {
  return <strong className={`nhsuk-tag nhsuk-tag--${paperStatusColour[status]}`}>{paperStatusInWords[status]}</strong>;
}

export function PackStatusTag({ status }: { status: PackBuildStatus }) {
  return (
    <strong className={`nhsuk-tag nhsuk-tag--${packBuildStatusColour[status]}`}>{packBuildStatusInWords[status]}</strong>
  );
}
