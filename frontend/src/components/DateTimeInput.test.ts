import { describe, expect, it } from 'vitest';
import { readDateTime } from './DateTimeInput';

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const words = { date: 'opening date', time: 'opening time' };

describe('readDateTime', () => {
  it('reads the day, month, year and time as London clocks show them', () => {
    const summer = form({ 'opensAt-day': '1', 'opensAt-month': '7', 'opensAt-year': '2026', opensAtTime: '09:00' });
    expect(readDateTime(summer, 'opensAt', words)).toEqual({ value: '2026-07-01T09:00:00+01:00', problems: [] });
    const winter = form({ 'opensAt-day': '1', 'opensAt-month': '12', 'opensAt-year': '2026', opensAtTime: '17:30' });
    expect(readDateTime(winter, 'opensAt', words).value).toBe('2026-12-01T17:30:00+00:00');
  });

  it('names the field in each error: the date on the date fields, the time on the time field', () => {
    expect(readDateTime(form({}), 'opensAt', words).problems).toEqual([
      { field: 'opensAt', message: 'Enter the opening date' },
      { field: 'opensAtTime', message: 'Enter the opening time, for example 09:00' },
    ]);
    const unreal = form({ 'opensAt-day': '30', 'opensAt-month': '2', 'opensAt-year': '2027', opensAtTime: '09:00' });
    expect(readDateTime(unreal, 'opensAt', words)).toEqual({
      value: null,
      problems: [{ field: 'opensAt', message: 'Opening date must be a real date: February 2027 has 28 days' }],
    });
    const noTime = form({ 'opensAt-day': '3', 'opensAt-month': '2', 'opensAt-year': '2027' });
    expect(readDateTime(noTime, 'opensAt', words).problems).toEqual([
      { field: 'opensAtTime', message: 'Enter the opening time, for example 09:00' },
    ]);
  });
});
