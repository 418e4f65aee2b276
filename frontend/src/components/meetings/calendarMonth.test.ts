import { describe, expect, it } from 'vitest';
import { committeeCalendarUrl, monthGrid, monthInWords, openingMonth, shiftMonth } from './calendarMonth';

describe('monthGrid', () => {
  it('lays a month out in weeks from Monday, padded from the months either side', () => {
    const weeks = monthGrid({ year: 2026, month: 7 });
    expect(weeks).toHaveLength(5);
    expect(weeks[0][0]).toEqual({ date: '2026-06-29', inMonth: false });
    expect(weeks[0][2]).toEqual({ date: '2026-07-01', inMonth: true });
    expect(weeks[4][6]).toEqual({ date: '2026-08-02', inMonth: false });
    expect(weeks.flat().filter((day) => day.inMonth)).toHaveLength(31);
  });

  it('needs no padding week when the month starts on a Monday and ends on a Sunday', () => {
    const weeks = monthGrid({ year: 2027, month: 2 });
    expect(weeks).toHaveLength(4);
    expect(weeks[0][0].date).toBe('2027-02-01');
    expect(weeks[3][6].date).toBe('2027-02-28');
  });

  it('gives six weeks when the month needs them', () => {
    expect(monthGrid({ year: 2026, month: 3 })).toHaveLength(6);
  });
});

describe('months', () => {
  it('moves across years and names the month', () => {
    expect(shiftMonth({ year: 2026, month: 12 }, 1)).toEqual({ year: 2027, month: 1 });
    expect(shiftMonth({ year: 2026, month: 1 }, -1)).toEqual({ year: 2025, month: 12 });
    expect(monthInWords({ year: 2026, month: 7 })).toBe('July 2026');
  });

  it('opens at the next meeting, else the last one, else this month', () => {
    expect(openingMonth(['2026-03-05', '2026-09-10', '2026-07-02'], '2026-06-01')).toEqual({ year: 2026, month: 7 });
    expect(openingMonth(['2025-03-05', '2025-09-10'], '2026-06-01')).toEqual({ year: 2025, month: 9 });
    expect(openingMonth([], '2026-06-01')).toEqual({ year: 2026, month: 6 });
  });
});

describe('committeeCalendarUrl', () => {
  it('finds the committee in its Quorum ID', () => {
    const uuid = '0b6c1a52-7c0e-4a8e-9d55-3f1f4bd0c2a7';
    const id = btoa(`Committee:${uuid}`).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
    expect(committeeCalendarUrl(id)).toBe(`/committees/${uuid}/calendar.ics`);
  });

  it('gives nothing for an ID of something else or none at all', () => {
    expect(committeeCalendarUrl(btoa('Meeting:0b6c1a52-7c0e-4a8e-9d55-3f1f4bd0c2a7'))).toBeNull();
    expect(committeeCalendarUrl('not an id')).toBeNull();
  });
});
