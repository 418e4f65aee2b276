import type { FormError } from '../api/client';
import { londonDateTime } from '../dates';
import { DateInput, datePartNames, readDate } from './DateInput';
import { errorFor } from './ErrorSummary';
import { TextField } from './fields';

export interface DateTimeWords {
  /** The date's name in messages, for example "opening date": "Opening date must include a month". */
  date: string;
  /** The time's name in messages, for example "opening time": "Enter the opening time, for example 09:00". */
  time: string;
}

export interface DateTimeReading {
  /** The instant as ISO with London's offset, or null when the fields do not make one. */
  value: string | null;
  /** Errors on the date (field `name`) and the time (field `${name}Time`). */
  problems: FormError[];
}

/** The time field that goes with a DateTimeInput's date. */
export function timeFieldName(name: string): string {
  return `${name}Time`;
}

/** Reads a DateTimeInput from a submitted form: its date fields and its time field, as London's clocks show them. */
export function readDateTime(values: FormData, name: string, words: DateTimeWords): DateTimeReading {
  const day = readDate(values, name, words.date);
  const time = String(values.get(timeFieldName(name)) ?? '').trim();
  const problems: FormError[] = [];
  if (day.error) problems.push({ field: name, message: day.error });
  else if (!day.value) problems.push({ field: name, message: `Enter the ${words.date}` });
  const value = day.value && time ? londonDateTime(day.value, time) : null;
  if (!time || (day.value && !value)) {
    problems.push({ field: timeFieldName(name), message: `Enter the ${words.time}, for example 09:00` });
  }
  return { value: problems.length ? null : value, problems };
}

/** As readDateTime, for a date and time that may be left out: no value and no problem when every field is empty. */
export function readOptionalDateTime(values: FormData, name: string, words: DateTimeWords): DateTimeReading {
  const fields = [...Object.values(datePartNames(name)), timeFieldName(name)];
  if (fields.every((field) => !String(values.get(field) ?? '').trim())) return { value: null, problems: [] };
  return readDateTime(values, name, words);
}

interface DateTimeInputProps {
  id: string;
  /** The date fields are named as DateInput names them; the time field `${name}Time`. */
  name: string;
  legend: string;
  timeLabel: string;
  errors: FormError[];
  /** "2026-07-01T09:30", as London's clocks show it. */
  defaultValue?: string;
}

/** A date (the NHS.UK date input) and a time of day in London, as the arrange-meeting form asks for them. */
export function DateTimeInput({ id, name, legend, timeLabel, errors, defaultValue }: DateTimeInputProps) {
  const [date, time] = defaultValue ? defaultValue.split('T') : [undefined, undefined];
  return (
    <>
      <DateInput id={id} name={name} legend={legend} hint="For example, 15 3 2027" defaultValue={date} error={errorFor(errors, name)} />
      <TextField
        id={`${id}Time`}
        name={timeFieldName(name)}
        type="time"
        label={timeLabel}
        hint="UK time, for example 09:00"
        className="nhsuk-input--width-5"
        defaultValue={time}
        error={errorFor(errors, timeFieldName(name))}
      />
    </>
  );
}
