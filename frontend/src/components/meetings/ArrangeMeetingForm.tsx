import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { type FormError, onFields, request } from '../../api/client';
import { createMeetingMutation } from '../../api/meetings';
import { useSubmission } from '../../api/useSubmission';
import { formatMeetingTime, londonDateTime } from '../../dates';
import { ErrorSummary, errorFor } from '../ErrorSummary';
import { DateInput, readDate } from '../DateInput';
import { TextField } from '../fields';
import { Confirmation } from '../messages';
import { meetingPath } from './MeetingsTable';

const idPrefix = 'arrange-meeting';

const apiFields = {
  title: 'title',
  startsAt: 'date',
  endsAt: 'endTime',
  location: 'location',
  callLink: 'callLink',
  papersDue: 'papersDue',
};

interface ArrangeMeetingFormProps {
  committee: { id: string; name: string };
  onArranged: () => void;
}

/** A board secretary arranges a meeting; its agenda starts from the committee's standard items. */
export function ArrangeMeetingForm({ committee, onArranged }: ArrangeMeetingFormProps) {
  const { errors, setErrors, submitting, submit } = useSubmission();
  const [arranged, setArranged] = useState<{ id: string; title: string; startsAt: string } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const form = event.currentTarget;
    const values = new FormData(form);
    const text = (name: string) => String(values.get(name) ?? '').trim();
    const day = readDate(values, 'date', 'date of the meeting');
    const papersDue = readDate(values, 'papersDue', 'date papers are due');
    const date = day.value;
    const startsAt = date && text('startTime') ? londonDateTime(date, text('startTime')) : null;
    const endsAt = date && text('endTime') ? londonDateTime(date, text('endTime')) : null;
    const problems: FormError[] = [
      ...(text('title') ? [] : [{ field: 'title', message: 'Enter the meeting’s title' }]),
      ...(day.error
        ? [{ field: 'date', message: day.error }]
        : date
          ? []
          : [{ field: 'date', message: 'Enter the date of the meeting' }]),
      ...(date && !startsAt
        ? [{ field: 'startTime', message: 'Enter the time the meeting starts, for example 14:00' }]
        : []),
      ...(text('endTime') && !endsAt
        ? [{ field: 'endTime', message: 'Enter the time the meeting ends, for example 16:00' }]
        : []),
      ...(papersDue.error ? [{ field: 'papersDue', message: papersDue.error }] : []),
    ];
    setArranged(null);
    if (problems.length || !startsAt) {
      setErrors(problems);
      return;
    }
    const payload = await submit(async () => {
      const { createMeeting } = await request(createMeetingMutation, {
        input: {
          committeeId: committee.id,
          title: text('title'),
          startsAt,
          endsAt,
          location: text('location'),
          callLink: text('callLink'),
          papersDue: papersDue.value || null,
        },
      });
      return { ...createMeeting, errors: onFields(createMeeting.errors, apiFields) };
    });
    if (payload?.meeting) {
      setArranged(payload.meeting);
      form.reset();
      onArranged();
    }
  }

  return (
    <section>
      <h3>Arrange a meeting</h3>
      <p>
        The agenda starts with {committee.name}’s standard items: welcome and apologies, quorum, declarations of
        interest, the last meeting’s minutes, the action log and matters arising, with questions from the public at the
        end.
      </p>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} idPrefix={idPrefix} />
        <TextField
          id={`${idPrefix}-title`}
          name="title"
          label="Title"
          hint="For example, Governing body meeting in public"
          autoComplete="off"
          error={errorFor(errors, 'title')}
        />
        <DateInput
          id={`${idPrefix}-date`}
          name="date"
          legend="Date"
          hint="For example, 15 3 2027"
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
            error={errorFor(errors, 'startTime')}
          />
          <TextField
            id={`${idPrefix}-endTime`}
            name="endTime"
            type="time"
            label="Ends at (optional)"
            hint="UK time"
            className="nhsuk-input--width-5"
            error={errorFor(errors, 'endTime')}
          />
        </div>
        <TextField
          id={`${idPrefix}-location`}
          name="location"
          label="Place"
          hint="Leave empty for a meeting held only online"
          autoComplete="off"
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
          error={errorFor(errors, 'callLink')}
        />
        <DateInput
          id={`${idPrefix}-papersDue`}
          name="papersDue"
          legend="Papers due (optional)"
          hint="The day papers must reach the board secretary, usually a week or more before the meeting"
          error={errorFor(errors, 'papersDue')}
        />
        <button className="nhsuk-button" type="submit">
          Arrange meeting
        </button>
      </form>
      <Confirmation>
        {arranged && (
          <>
            Arranged <Link to={meetingPath(arranged.id)}>{arranged.title}</Link> for{' '}
            {formatMeetingTime(arranged.startsAt)}.
          </>
        )}
      </Confirmation>
    </section>
  );
}
