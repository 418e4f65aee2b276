import { type FormEvent, useRef, useState } from 'react';
import { type FormError, onFields, request } from '../../api/client';
import { changeMeetingArrangementsMutation } from '../../api/meetings';
import { useSubmission } from '../../api/useSubmission';
import { formatMeetingTime, londonDateTime, londonWallClock } from '../../dates';
import { ActionPanel } from '../ActionPanel';
import { ErrorSummary, errorFor } from '../ErrorSummary';
import { DateInput, readDate } from '../DateInput';
import { TextField } from '../fields';
import { Confirmation } from '../messages';
import type { MeetingDetail } from './types';

const idPrefix = 'change-arrangements';

/** Where the form shows each of the API's fields. */
const apiFields = {
  id: 'date',
  startsAt: 'date',
  endsAt: 'endTime',
  location: 'location',
  callLink: 'callLink',
};

/** What members are told of a change, and when. */
export function changeNews(status: MeetingDetail['status']): string {
  return status === 'DRAFT'
    ? 'Members and attendees will be told by email, with a calendar entry, once the agenda has been published.'
    : 'Members and attendees will be told by email, with an updated calendar entry.';
}

type Meeting = Pick<MeetingDetail, 'id' | 'title' | 'status' | 'startsAt' | 'endsAt' | 'location' | 'callLink'>;

/** The secretary moves a meeting to another date, time or place, or changes its call link. */
export function ChangeArrangementsSection({ meeting, onChanged }: { meeting: Meeting; onChanged: () => void }) {
  const [open, setOpen] = useState(false);
  const [changed, setChanged] = useState<string | null>(null);
  const { errors, setErrors, submitting, submit } = useSubmission();
  const outcome = useRef<HTMLDivElement>(null);
  const start = londonWallClock(meeting.startsAt);
  const end = meeting.endsAt ? londonWallClock(meeting.endsAt) : null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const values = new FormData(event.currentTarget);
    const text = (name: string) => String(values.get(name) ?? '').trim();
    const day = readDate(values, 'date', 'date of the meeting');
    const date = day.value;
    const startsAt = date && text('startTime') ? londonDateTime(date, text('startTime')) : null;
    const endsAt = date && text('endTime') ? londonDateTime(date, text('endTime')) : null;
    const problems: FormError[] = [
      ...(day.error
        ? [{ field: 'date', message: day.error }]
        : date
          ? []
          : [{ field: 'date', message: 'Enter the date of the meeting' }]),
      ...(date && !startsAt ? [{ field: 'startTime', message: 'Enter the time the meeting starts, for example 14:00' }] : []),
      ...(text('endTime') && !endsAt
        ? [{ field: 'endTime', message: 'Enter the time the meeting ends, for example 16:00' }]
        : []),
    ];
    setChanged(null);
    if (problems.length || !startsAt) {
      setErrors(problems);
      return;
    }
    const payload = await submit(async () => {
      const { changeMeetingArrangements } = await request(changeMeetingArrangementsMutation, {
        input: { id: meeting.id, startsAt, endsAt, location: text('location'), callLink: text('callLink') },
      });
      return { ...changeMeetingArrangements, errors: onFields(changeMeetingArrangements.errors, apiFields) };
    });
    if (payload?.meeting) {
      setChanged(
        `Changed the arrangements: the meeting is now on ${formatMeetingTime(payload.meeting.startsAt, payload.meeting.endsAt)}. ${changeNews(meeting.status)}`,
      );
      setOpen(false);
      onChanged();
      outcome.current?.focus();
    }
  }

  return (
    <div className="app-status-action">
      {open ? (
        <ActionPanel heading="Change date, time or place">
          <p>{changeNews(meeting.status)}</p>
          <form onSubmit={onSubmit} noValidate>
            <ErrorSummary errors={errors} idPrefix={idPrefix} />
            <DateInput
              id={`${idPrefix}-date`}
              name="date"
              legend="Date"
              hint="For example, 15 3 2027"
              defaultValue={start?.date}
              error={errorFor(errors, 'date')}
            />
            <div className="app-field-row">
              <TextField
                id={`${idPrefix}-startTime`}
                name="startTime"
                type="time"
                label="Starts at"
                hint="UK time"
                className="nhsuk-input--width-5"
                defaultValue={start?.time}
                error={errorFor(errors, 'startTime')}
              />
              <TextField
                id={`${idPrefix}-endTime`}
                name="endTime"
                type="time"
                label="Ends at (optional)"
                hint="UK time"
                className="nhsuk-input--width-5"
                defaultValue={end?.time}
                error={errorFor(errors, 'endTime')}
              />
            </div>
            <TextField
              id={`${idPrefix}-location`}
              name="location"
              label="Place"
              hint="Leave empty for a meeting held only online"
              autoComplete="off"
              defaultValue={meeting.location}
              error={errorFor(errors, 'location')}
            />
            <TextField
              id={`${idPrefix}-callLink`}
              name="callLink"
              type="url"
              label="Call link (optional)"
              hint="The https:// link members use to join online"
              autoComplete="off"
              spellCheck={false}
              defaultValue={meeting.callLink}
              error={errorFor(errors, 'callLink')}
            />
            <div className="app-button-group">
              <button className="nhsuk-button" type="submit">
                Save the new arrangements
              </button>
              <button
                className="nhsuk-button nhsuk-button--secondary"
                type="button"
                onClick={() => {
                  setErrors([]);
                  setOpen(false);
                }}
              >
                Keep them as they are
              </button>
            </div>
          </form>
        </ActionPanel>
      ) : (
        <button
          className="nhsuk-button nhsuk-button--secondary"
          type="button"
          onClick={() => {
            setChanged(null);
            setOpen(true);
          }}
        >
          Change date, time or place
        </button>
      )}
      <div tabIndex={-1} ref={outcome} className="app-outcome">
        <Confirmation>{changed}</Confirmation>
      </div>
    </div>
  );
}
