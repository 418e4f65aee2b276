import { describe, expect, it } from 'vitest';
import { formatLondonDate, londonMidnight, yearsAfter } from './dates';

describe('londonMidnight', () => {
  it('gives midnight in England with the offset of the day: GMT in winter, BST in summer', () => {
    expect(londonMidnight('2026-01-15')).toBe('2026-01-15T00:00:00+00:00');
    expect(londonMidnight('2026-04-01')).toBe('2026-04-01T00:00:00+01:00');
  });

  it('is right on the days the clocks change', () => {
    // Clocks go forward at 01:00 GMT on 29 March 2026 and back at 01:00 GMT on 25 October 2026.
    expect(londonMidnight('2026-03-29')).toBe('2026-03-29T00:00:00+00:00');
    expect(londonMidnight('2026-03-30')).toBe('2026-03-30T00:00:00+01:00');
    expect(londonMidnight('2026-10-25')).toBe('2026-10-25T00:00:00+01:00');
    expect(londonMidnight('2026-10-26')).toBe('2026-10-26T00:00:00+00:00');
  });

  it('names the same instant the server reads back', () => {
    const sent = londonMidnight('2026-07-01')!;
    expect(new Date(sent).toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(formatLondonDate(sent)).toBe('1 July 2026');
  });

  it('refuses what is not a date', () => {
    expect(londonMidnight('')).toBeNull();
    expect(londonMidnight('2026-02-30')).toBeNull();
    expect(londonMidnight('1/4/2026')).toBeNull();
  });
});

describe('formatLondonDate', () => {
  it('writes an instant as the day it fell on in England', () => {
    expect(formatLondonDate('2025-04-01T00:00:00+00:00')).toBe('1 April 2025');
    expect(formatLondonDate('2026-05-31T23:30:00+00:00')).toBe('1 June 2026');
    expect(formatLondonDate(null)).toBe('');
  });
});

describe('yearsAfter', () => {
  it('moves a date on by whole years', () => {
    expect(yearsAfter('2026-04-01', 1)).toBe('2027-04-01');
    expect(yearsAfter('2028-02-29', 1)).toBe('2029-02-28');
  });
});
