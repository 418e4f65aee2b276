import { describe, expect, it } from 'vitest';
import { announcementFor, quorumInWords, timeInLondon } from './live';

describe('announcementFor', () => {
  it('says nothing about the first snapshot', () => {
    expect(announcementFor({ kind: 'SNAPSHOT', live: {} })).toBeNull();
  });

  it('names the item the meeting moved to', () => {
    expect(announcementFor({ kind: 'CURRENT_ITEM', live: { currentItem: { number: '5', title: 'Practice merger' } } })).toBe(
      'The meeting has moved to item 5: Practice merger.',
    );
  });

  it('counts the votes cast so far', () => {
    expect(announcementFor({ kind: 'VOTE_CAST', live: { vote: { cast: 2, eligible: 4, isOpen: true } } })).toBe(
      'A vote has been cast: 2 of 4.',
    );
  });

  it('gives the result when a vote closes', () => {
    expect(
      announcementFor({ kind: 'VOTE_CLOSED', live: { vote: { cast: 4, eligible: 4, isOpen: false, result: 'Carried 3 to 1.' } } }),
    ).toBe('The vote has closed. Carried 3 to 1.');
  });
});

describe('quorumInWords', () => {
  it('counts those present and those taking part', () => {
    expect(quorumInWords({ met: true, unmet: [], presentVoting: 5, mayVote: ['A', 'B', 'C', 'D'] })).toBe(
      'Quorate: 5 voting members present, 4 taking part in the decision.',
    );
  });

  it('says what is missing', () => {
    expect(
      quorumInWords({ met: false, unmet: ['At least one GP is needed.'], presentVoting: 1, mayVote: ['A'] }),
    ).toBe('Not quorate: 1 voting member present, 1 taking part in the decision. At least one GP is needed.');
  });
});

describe('timeInLondon', () => {
  it('shows British Summer Time in summer', () => {
    expect(timeInLondon('2026-06-01T09:05:00Z')).toBe('10:05');
  });

  it('shows GMT in winter', () => {
    expect(timeInLondon('2026-01-01T09:05:00Z')).toBe('09:05');
  });
});
