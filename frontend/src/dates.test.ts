import { describe, expect, it } from 'vitest';
import {
  formatClockTime,
  formatLondonDate,
  formatMeetingTime,
  londonDateTime,
  londonMidnight,
  londonWallClock,
  yearsAfter,
} from './dates';

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

describe('londonDateTime', () => {
  it('reads a date and time as English clocks show them, with the offset in force then', () => {
    expect(londonDateTime('2026-01-15', '9:30')).toBe('2026-01-15T09:30:00+00:00');
    expect(londonDateTime('2026-07-01', '14:00')).toBe('2026-07-01T14:00:00+01:00');
    expect(new Date(londonDateTime('2026-07-01', '14:00')!).toISOString()).toBe('2026-07-01T13:00:00.000Z');
  });

  it('is right either side of the clocks changing', () => {
    // Forward at 01:00 GMT on 29 March 2026; back at 01:00 GMT (02:00 BST) on 25 October 2026.
    expect(londonDateTime('2026-03-29', '00:30')).toBe('2026-03-29T00:30:00+00:00');
    expect(londonDateTime('2026-03-29', '14:00')).toBe('2026-03-29T14:00:00+01:00');
    expect(londonDateTime('2026-10-25', '00:30')).toBe('2026-10-25T00:30:00+01:00');
    expect(londonDateTime('2026-10-25', '14:00')).toBe('2026-10-25T14:00:00+00:00');
  });

  it('reads a time the clocks skip as GMT', () => {
    expect(londonDateTime('2026-03-29', '01:30')).toBe('2026-03-29T01:30:00+00:00');
  });

  it('refuses what is not a date and time', () => {
    expect(londonDateTime('2026-02-30', '14:00')).toBeNull();
    expect(londonDateTime('2026-07-01', '')).toBeNull();
    expect(londonDateTime('2026-07-01', '25:00')).toBeNull();
    expect(londonDateTime('2026-07-01', '2pm')).toBeNull();
  });
});

describe('londonWallClock', () => {
  it('gives back the date and time that were sent, whatever the season', () => {
    for (const [date, time] of [
      ['2026-01-15', '09:30'],
      ['2026-07-01', '14:00'],
      ['2026-10-25', '23:45'],
      ['2026-03-29', '00:15'],
    ]) {
      expect(londonWallClock(londonDateTime(date, time)!)).toEqual({ date, time });
    }
  });

  it('names the English day of a late evening in summer, which is the next day in UTC terms', () => {
    expect(londonWallClock('2026-06-30T23:30:00Z')).toEqual({ date: '2026-07-01', time: '00:30' });
  });
});

describe('formatClockTime and formatMeetingTime', () => {
  it('writes times as the NHS style guide does', () => {
    expect(formatClockTime('14:00')).toBe('2pm');
    expect(formatClockTime('09:30')).toBe('9:30am');
    expect(formatClockTime('12:00')).toBe('midday');
    expect(formatClockTime('00:00')).toBe('midnight');
    expect(formatClockTime('12:15')).toBe('12:15pm');
  });

  it('says when a meeting is on English clocks', () => {
    expect(formatMeetingTime('2026-07-01T13:00:00Z', '2026-07-01T15:30:00Z')).toBe('Wednesday 1 July 2026, 2pm to 4:30pm');
    expect(formatMeetingTime('2026-01-15T09:30:00+00:00')).toBe('Thursday 15 January 2026, 9:30am');
  });
});
