import type { OrganisationKind, Role } from './generated/graphql';

export const roleInWords: Record<Role, string> = {
  ADMINISTRATOR: 'Administrator',
  BOARD_SECRETARY: 'Board secretary',
  GOVERNING_BODY_MEMBER: 'Governing body member',
  STAFF: 'Staff',
  PRACTICE_REPRESENTATIVE: 'Practice representative',
  AREA_TEAM_OFFICER: 'Area team officer',
};

export const roles = Object.keys(roleInWords) as Role[];

export const organisationKindInWords: Record<OrganisationKind, string> = {
  CCG: 'CCG',
  AREA_TEAM: 'Area team',
};
