import { fireEvent, screen, within } from '@testing-library/react';

/** Types a date ("2026-07-01", or day, month and year as typed) into the NHS.UK date input with this legend. */
export function fillDate(legend: string, date: string | [string, string, string]) {
  const [day, month, year] = Array.isArray(date) ? date : date.split('-').reverse();
  const group = within(screen.getByRole('group', { name: legend }));
  fireEvent.change(group.getByLabelText('Day'), { target: { value: day } });
  fireEvent.change(group.getByLabelText('Month'), { target: { value: month } });
  fireEvent.change(group.getByLabelText('Year'), { target: { value: year } });
}
