import { describe, expect, it } from 'vitest';
import { formatDate, today } from './dates';
import { organisationKindInWords, roleInWords, roles } from './vocabulary';

describe('roleInWords', () => {
  it('names each role as people in a CCG say it', () => {
    expect(roleInWords).toEqual({
      ADMINISTRATOR: 'Administrator',
      BOARD_SECRETARY: 'Board secretary',
      GOVERNING_BODY_MEMBER: 'Governing body member',
      STAFF: 'Staff',
      PRACTICE_REPRESENTATIVE: 'Practice representative',
      AREA_TEAM_OFFICER: 'Area team officer',
    });
  });

  it('offers every role, each once', () => {
    expect(new Set(roles).size).toBe(6);
    expect(roles.map((role) => roleInWords[role])).toContain('Board secretary');
  });
});

describe('organisationKindInWords', () => {
  it('names area teams in words and keeps CCG as an acronym', () => {
    expect(organisationKindInWords.AREA_TEAM).toBe('Area team');
    expect(organisationKindInWords.CCG).toBe('CCG');
  });
});

describe('dates', () => {
  it('writes dates the NHS way', () => {
    expect(formatDate('2024-04-01')).toBe('1 April 2024');
    expect(formatDate(null)).toBe('');
  });

  it('gives today on the local calendar as an ISO date', () => {
    expect(today(new Date(2025, 2, 9, 23, 30))).toBe('2025-03-09');
  });
});
