import { type ChangeEvent, type ReactNode, useEffect, useRef, useState } from 'react';

export type DatePart = 'day' | 'month' | 'year';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export interface DateReading {
  /** The date as "2026-02-28", or '' when every field is empty or the date is not a real one. */
  value: string;
  /** Why the fields do not make a date, naming the date by its label. */
  error?: string;
  /** The fields that are wrong, for the error styling. */
  fields: DatePart[];
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function listed(parts: DatePart[]): string {
  return parts.length === 1 ? `a ${parts[0]}` : `a ${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Reads a date from its three fields as the NHS.UK date input asks for it, with the error messages the pattern
 * gives: "Date of the meeting must include a month", "… must be a real date", and for a day past the month's
 * end, which month and how many days it has.
 */
export function readDateParts(parts: DateParts, label: string): DateReading {
  const name = capitalised(label);
  const raw = { day: parts.day.trim(), month: parts.month.trim(), year: parts.year.trim() };
  const order: DatePart[] = ['day', 'month', 'year'];
  const missing = order.filter((part) => !raw[part]);
  if (missing.length === 3) return { value: '', fields: [] };
  if (missing.length) return { value: '', error: `${name} must include ${listed(missing)}`, fields: missing };
  const notNumbers = order.filter((part) => !/^\d+$/.test(raw[part]));
  if (notNumbers.length) return { value: '', error: `${name} must be a real date`, fields: notNumbers };
  if (raw.year.length !== 4) return { value: '', error: 'Year must include 4 numbers', fields: ['year'] };
  const day = Number(raw.day);
  const month = Number(raw.month);
  const year = Number(raw.year);
  if (month < 1 || month > 12) {
    return { value: '', error: `${name} must be a real date: the month must be from 1 to 12`, fields: ['month'] };
  }
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) {
    return {
      value: '',
      error: `${name} must be a real date: ${MONTHS[month - 1]} ${year} has ${daysInMonth} days`,
      fields: ['day'],
    };
  }
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return { value: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`, fields: [] };
}

/** The names a DateInput gives its three fields. */
export function datePartNames(name: string): Record<DatePart, string> {
  return { day: `${name}-day`, month: `${name}-month`, year: `${name}-year` };
}

/** Reads a DateInput's fields from a submitted form. */
export function readDate(values: FormData, name: string, label: string): DateReading {
  const names = datePartNames(name);
  const get = (part: DatePart) => String(values.get(names[part]) ?? '');
  return readDateParts({ day: get('day'), month: get('month'), year: get('year') }, label);
}

/**
 * The form errors for a DateInput: the reading's own error, or `missing` when the field is required and empty.
 * Field-specific wording comes from the label given to readDate and from `missing`.
 */
export function dateProblems(reading: DateReading, field: string, missing?: string): { field: string; message: string }[] {
  if (reading.error) return [{ field, message: reading.error }];
  if (!reading.value && missing) return [{ field, message: missing }];
  return [];
}

function partsOf(isoDate: string | null | undefined): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate ?? '');
  if (!match) return { day: '', month: '', year: '' };
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1] };
}

interface DateInputProps {
  /** The day field's id, so an error summary linking to it lands on the first field; the others add -month, -year. */
  id: string;
  /** The fields are named `${name}-day`, `${name}-month` and `${name}-year`; read them with readDate. */
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** "2026-07-01" */
  defaultValue?: string | null;
  /** Told of each change: the date as "2026-07-01", or '' while the fields do not make one. */
  onChange?: (value: string) => void;
}

/**
 * The NHS.UK date input: day, month and year fields in a fieldset, in place of the browser's date picker, which
 * is hard to use on many phones and with assistive technology.
 */
export function DateInput({ id, name, legend, hint, error, defaultValue, onChange }: DateInputProps) {
  const [parts, setParts] = useState<DateParts>(() => partsOf(defaultValue));
  const day = useRef<HTMLInputElement>(null);
  const names = datePartNames(name);
  const ids: Record<DatePart, string> = { day: id, month: `${id}-month`, year: `${id}-year` };

  // The fields are uncontrolled (the form reads them); a form's reset empties them, and so the error styling.
  useEffect(() => {
    const form = day.current?.form;
    if (!form) return;
    const reset = () => setParts(partsOf(defaultValue));
    form.addEventListener('reset', reset);
    return () => form.removeEventListener('reset', reset);
  }, [defaultValue]);

  const wrong = error ? readDateParts(parts, 'date').fields : [];
  const highlighted = (part: DatePart) => !!error && (wrong.length === 0 || wrong.includes(part));

  function changed(part: DatePart) {
    return (event: ChangeEvent<HTMLInputElement>) => {
      const next = { ...parts, [part]: event.currentTarget.value };
      setParts(next);
      onChange?.(readDateParts(next, 'date').value);
    };
  }

  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const defaults = partsOf(defaultValue);
  const field = (part: DatePart, label: string, width: string) => (
    <div className="nhsuk-date-input__item">
      <div className="nhsuk-form-group">
        <label className="nhsuk-label nhsuk-date-input__label" htmlFor={ids[part]}>
          {label}
        </label>
        <input
          ref={part === 'day' ? day : undefined}
          className={[
            'nhsuk-input',
            'nhsuk-date-input__input',
            width,
            highlighted(part) && 'nhsuk-input--error',
          ]
            .filter(Boolean)
            .join(' ')}
          id={ids[part]}
          name={names[part]}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          defaultValue={defaults[part]}
          onChange={changed(part)}
        />
      </div>
    </div>
  );

  return (
    <div className={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      <fieldset className="nhsuk-fieldset" role="group" aria-describedby={described}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {hint && (
          <div className="nhsuk-hint" id={`${id}-hint`}>
            {hint}
          </div>
        )}
        {error && (
          <span className="nhsuk-error-message" id={`${id}-error`}>
            <span className="nhsuk-u-visually-hidden">Error:</span> {error}
          </span>
        )}
        <div className="nhsuk-date-input" id={`${id}-fields`}>
          {field('day', 'Day', 'nhsuk-input--width-2')}
          {field('month', 'Month', 'nhsuk-input--width-2')}
          {field('year', 'Year', 'nhsuk-input--width-4')}
        </div>
      </fieldset>
    </div>
  );
}
