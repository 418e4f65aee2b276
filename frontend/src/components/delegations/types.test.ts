import { describe, expect, it } from 'vitest';
import { describeDelegation, isOpen } from './types';

describe('describeDelegation', () => {
  it('names the receiving committee and the day the delegation starts in England', () => {
    expect(
      describeDelegation({
        validFrom: '2025-03-31T23:00:00+00:00',
        receivingCommittee: { name: 'Bolton primary care joint committee' },
      }),
    ).toBe('the delegation to Bolton primary care joint committee from 1 April 2025');
    expect(describeDelegation({ validFrom: '2026-01-01T00:00:00+00:00', receivingCommittee: null })).toBe(
      'the delegation from 1 January 2026',
    );
  });
});

describe('isOpen', () => {
  it('is open while active or not yet started', () => {
    expect(['FUTURE', 'ACTIVE', 'EXPIRED', 'REVOKED'].map((status) => isOpen({ status }))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
