import type { BallotStatus } from '../../generated/graphql';
import { ballotStatusColour, ballotStatusInWords } from './words';

export function BallotStatusTag({ status }: { status: BallotStatus }) {
  return <strong className={`nhsuk-tag nhsuk-tag--${ballotStatusColour[status]}`}>{ballotStatusInWords[status]}</strong>;
}
