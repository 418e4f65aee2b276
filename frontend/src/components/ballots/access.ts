import { holdsRole, type Viewer } from '../../session';

/** Whether the viewer runs the organisation's ballots: its board secretary or administrator, of a CCG. */
export function runsBallots(viewer: Viewer | null, organisation: { id: string; kind: string } | null): boolean {
  return (
    !!organisation &&
    organisation.kind === 'CCG' &&
    holdsRole(viewer, organisation.id, 'BOARD_SECRETARY', 'ADMINISTRATOR')
  );
}

/** Whether the viewer votes for a practice (a hint for the interface; the API decides). */
export function votesInBallots(viewer: Viewer | null): boolean {
  return !!viewer && viewer.memberships.some((membership) => membership.role === 'PRACTICE_REPRESENTATIVE');
}
