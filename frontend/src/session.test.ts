import { describe, expect, it } from 'vitest';
import { areaTeamsOf, holdsRole, type Viewer } from './session';

const bolton = { id: 'org-00t', kind: 'CCG' as const, odsCode: '00T', name: 'NHS Bolton CCG' };
const areaTeam = { id: 'org-q46', kind: 'AREA_TEAM' as const, odsCode: 'Q46', name: 'Greater Manchester Area Team' };

const viewer: Viewer = {
  isPlatformAdmin: false,
  person: { id: 'p1', name: 'Janet Whitworth', email: 'janet@nhs.net' },
  memberships: [
    { id: 'm1', role: 'AREA_TEAM_OFFICER', validFrom: '2025-04-01', validTo: null, organisation: areaTeam, practice: null },
    { id: 'm2', role: 'STAFF', validFrom: '2025-04-01', validTo: null, organisation: bolton, practice: null },
  ],
};

describe('holdsRole', () => {
  it('is true only for a role held in that organisation', () => {
    expect(holdsRole(viewer, 'org-q46', 'AREA_TEAM_OFFICER', 'ADMINISTRATOR')).toBe(true);
    expect(holdsRole(viewer, 'org-00t', 'AREA_TEAM_OFFICER', 'BOARD_SECRETARY')).toBe(false);
    expect(holdsRole(viewer, null, 'STAFF')).toBe(false);
    expect(holdsRole(null, 'org-00t', 'STAFF')).toBe(false);
  });
});

describe('areaTeamsOf', () => {
  it('lists the area teams among the viewer’s organisations', () => {
    expect(areaTeamsOf(viewer)).toEqual([areaTeam]);
    expect(areaTeamsOf(null)).toEqual([]);
  });
});
