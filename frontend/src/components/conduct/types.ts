import type { MeetingConductQuery } from '../../generated/graphql';

export type Conduct = NonNullable<MeetingConductQuery['meetingConduct']>;
export type ItemConduct = Conduct['items'][number];
export type Attendee = Conduct['attendance'][number];
export type ConductVote = ItemConduct['votes'][number];
export type Suggestion = Conduct['conflictSuggestions'][number];

/** The chair and vice chair run items, votes and outcomes from their own screen, as the secretary does. */
export function runsItems(conduct: Conduct): boolean {
  return conduct.viewerCanConduct || conduct.viewerChairs;
}

/** The people a form may name: those on the attendance list who are people, not guests. */
export function peopleOf(attendance: readonly Attendee[]): { id: string; name: string }[] {
  return attendance.flatMap((attendee) => (attendee.personId ? [{ id: attendee.personId, name: attendee.name }] : []));
}
