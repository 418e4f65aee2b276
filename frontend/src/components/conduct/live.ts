import type { MeetingEventKind } from '../../generated/graphql';

/** The parts of a meeting event the page announces. */
export interface LiveEvent {
  kind: MeetingEventKind;
  live: {
    currentItem?: { number: string; title: string } | null;
    vote?: { cast: number; eligible: number; isOpen: boolean; result?: string | null } | null;
  };
}

/**
 * What a screen reader hears when someone else changes the meeting. The first snapshot of a
 * subscription is not news, so it says nothing.
 */
export function announcementFor(event: LiveEvent): string | null {
  const { live } = event;
  switch (event.kind) {
    case 'SNAPSHOT':
      return null;
    case 'OPENED':
      return 'The meeting has been opened.';
    case 'CLOSED':
      return 'The meeting has been closed.';
    case 'ATTENDANCE':
      return 'Attendance has changed.';
    case 'CURRENT_ITEM':
      return live.currentItem
        ? `The meeting has moved to item ${live.currentItem.number}: ${live.currentItem.title}.`
        : 'The meeting has moved on.';
    case 'DECLARATION':
      return 'A declaration of interest has been recorded.';
    case 'VOTE_OPENED':
      return 'A vote has been opened.';
    case 'VOTE_CAST':
      return live.vote ? `A vote has been cast: ${live.vote.cast} of ${live.vote.eligible}.` : 'A vote has been cast.';
    case 'VOTE_CLOSED':
      return live.vote?.result ? `The vote has closed. ${live.vote.result}` : 'The vote has closed.';
    case 'DECISION':
      return 'A decision has been recorded.';
    case 'ACTION':
      return 'An action has been recorded.';
    case 'MINUTES':
      return 'The minutes have changed.';
    default:
      return null;
  }
}

/** Quorum in words for one item, as the minutes put it: met, or what is missing. */
export function quorumInWords(quorum: { met: boolean; unmet: readonly string[]; presentVoting: number; mayVote: readonly string[] }): string {
  const counts =
    `${quorum.presentVoting} voting ${quorum.presentVoting === 1 ? 'member' : 'members'} present, ` +
    `${quorum.mayVote.length} taking part in the decision`;
  if (quorum.met) return `Quorate: ${counts}.`;
  return [`Not quorate: ${counts}.`, ...quorum.unmet].join(' ');
}

/** "10:05" in London, for arrivals and departures. */
export function timeInLondon(isoDateTime: string): string {
  const instant = new Date(isoDateTime);
  if (Number.isNaN(instant.getTime())) return isoDateTime;
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    instant,
  );
}
