import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DateInput, readDate, readDateParts } from './DateInput';

afterEach(cleanup);

describe('readDateParts', () => {
  const read = (day: string, month: string, year: string) => readDateParts({ day, month, year }, 'date of the meeting');

  it('reads a real date as an ISO date', () => {
    expect(read('1', '7', '2026')).toEqual({ value: '2026-07-01', fields: [] });
    expect(read(' 09 ', '02', '2028')).toEqual({ value: '2028-02-09', fields: [] });
    expect(read('29', '2', '2028').value).toBe('2028-02-29');
  });

  it('reads three empty fields as no date, leaving "required" to the form', () => {
    expect(read('', ' ', '')).toEqual({ value: '', fields: [] });
  });

  it('says which parts are missing', () => {
    expect(read('1', '', '2026')).toEqual({
      value: '',
      error: 'Date of the meeting must include a month',
      fields: ['month'],
    });
    expect(read('', '', '2026').error).toBe('Date of the meeting must include a day and month');
  });

  it('refuses a day past the end of its month, saying how long the month is', () => {
    expect(read('31', '2', '2026')).toEqual({
      value: '',
      error: 'Date of the meeting must be a real date: February 2026 has 28 days',
      fields: ['day'],
    });
    expect(read('29', '2', '2027').error).toBe('Date of the meeting must be a real date: February 2027 has 28 days');
    expect(read('31', '4', '2026').error).toMatch(/April 2026 has 30 days/);
    expect(read('0', '4', '2026').fields).toEqual(['day']);
  });

  it('refuses a month that is not one, letters, and a short year', () => {
    expect(read('1', '13', '2026')).toMatchObject({ value: '', fields: ['month'] });
    expect(read('1', 'July', '2026')).toMatchObject({ error: 'Date of the meeting must be a real date', fields: ['month'] });
    expect(read('1', '7', '26')).toMatchObject({ error: 'Year must include 4 numbers', fields: ['year'] });
  });
});

describe('DateInput', () => {
  it('draws the NHS.UK date input with labelled day, month and year fields in a group', () => {
    render(<DateInput id="meeting-date" name="date" legend="Date of the meeting" hint="For example, 15 3 2027" />);
    const group = screen.getByRole('group', { name: 'Date of the meeting' });
    expect(group.getAttribute('aria-describedby')).toBe('meeting-date-hint');
    expect(screen.getByLabelText('Day').getAttribute('id')).toBe('meeting-date');
    expect(screen.getByLabelText('Month').getAttribute('name')).toBe('date-month');
    expect(screen.getByLabelText('Year').getAttribute('inputmode')).toBe('numeric');
    expect(document.querySelector('input[type="date"]')).toBeNull();
  });

  it('shows its starting value, and the form reads it back', () => {
    render(
      <form data-testid="form">
        <DateInput id="d" name="due" legend="Due" defaultValue="2026-03-09" />
      </form>,
    );
    expect((screen.getByLabelText('Day') as HTMLInputElement).value).toBe('9');
    expect((screen.getByLabelText('Month') as HTMLInputElement).value).toBe('3');
    const values = new FormData(screen.getByTestId('form') as HTMLFormElement);
    expect(readDate(values, 'due', 'due date')).toEqual({ value: '2026-03-09', fields: [] });
  });

  it('marks only the wrong field when told of an error', () => {
    const { rerender } = render(<DateInput id="d" name="due" legend="Due" />);
    fireEvent.change(screen.getByLabelText('Day'), { target: { value: '31' } });
    fireEvent.change(screen.getByLabelText('Month'), { target: { value: '2' } });
    fireEvent.change(screen.getByLabelText('Year'), { target: { value: '2026' } });
    const error = readDateParts({ day: '31', month: '2', year: '2026' }, 'due date').error;
    rerender(<DateInput id="d" name="due" legend="Due" error={error} />);
    expect(screen.getByText(/must be a real date/).getAttribute('id')).toBe('d-error');
    expect(screen.getByRole('group').getAttribute('aria-describedby')).toBe('d-error');
    expect(screen.getByLabelText('Day').className).toContain('nhsuk-input--error');
    expect(screen.getByLabelText('Month').className).not.toContain('nhsuk-input--error');
    expect(screen.getByLabelText('Year').className).not.toContain('nhsuk-input--error');
  });

  it('marks every field for an error about the whole date', () => {
    render(<DateInput id="d" name="due" legend="Due" error="Enter the due date" />);
    for (const label of ['Day', 'Month', 'Year']) expect(screen.getByLabelText(label).className).toContain('nhsuk-input--error');
  });
});
