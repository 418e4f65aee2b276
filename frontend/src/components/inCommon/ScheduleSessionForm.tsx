import { type FormEvent, useState } from 'react';
import { onFields, request } from '../../api/client';
import { scheduleInCommonSessionMutation } from '../../api/inCommon';
import { useSubmission } from '../../api/useSubmission';
import type { Part, Purpose } from '../../generated/graphql';
import { purposeInWords, purposes } from '../../vocabulary';
import { DateTimeInput, readDateTime } from '../DateTimeInput';
import { ErrorSummary, errorFor } from '../ErrorSummary';
import { Checkboxes, SelectField, TextField } from '../fields';

interface Committee {
  id: string;
  name: string;
}

const partInWords: Record<Part, string> = { PUBLIC: 'Part I (in public)', PRIVATE: 'Part II (in private)' };

/** The convener schedules a session: one date, place and agenda; each item common to all committees or to some. */
export function ScheduleSessionForm({
  arrangementId,
  committees,
  onScheduled,
}: {
  arrangementId: string;
  committees: Committee[];
  onScheduled: (sessionId: string) => void;
}) {
  const idPrefix = `schedule-${arrangementId}`;
  const { errors, setErrors, submitting, submit } = useSubmission();
  const [rows, setRows] = useState(1);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const data = new FormData(event.currentTarget);
    const starts = readDateTime(data, 'startsAt', { date: 'date of the session', time: 'time the session starts' });
    const startsAt = starts.value;
    if (!startsAt) {
      setErrors(starts.problems);
      return;
    }
    const items = Array.from({ length: rows }, (_, index) => ({
      title: String(data.get(`title-${index}`) ?? ''),
      purpose: String(data.get(`purpose-${index}`) ?? 'DECISION') as Purpose,
      part: String(data.get(`part-${index}`) ?? 'PUBLIC') as Part,
      committeeIds: data.getAll(`committees-${index}`).map(String),
    }));
    const payload = await submit(async () => {
      const { scheduleInCommonSession } = await request(scheduleInCommonSessionMutation, {
        input: {
          arrangementId,
          title: String(data.get('title') ?? ''),
          startsAt,
          location: String(data.get('location') ?? ''),
          items,
        },
      });
      return {
        ...scheduleInCommonSession,
        errors: onFields(scheduleInCommonSession.errors, { title: 'title', startsAt: 'startsAt', location: 'location', items: 'title-0' }),
      };
    });
    if (payload?.session) onScheduled(payload.session.id);
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <h3>Schedule a session</h3>
      <ErrorSummary errors={errors} idPrefix={idPrefix} />
      <TextField id={`${idPrefix}-title`} name="title" label="Title" error={errorFor(errors, 'title')} />
      <DateTimeInput id={`${idPrefix}-startsAt`} name="startsAt" legend="Date" timeLabel="Starts at" errors={errors} />
      <TextField id={`${idPrefix}-location`} name="location" label="Place" error={errorFor(errors, 'location')} />
      {Array.from({ length: rows }, (_, index) => (
        <fieldset key={index} className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Item {index + 1}</legend>
          <TextField
            id={`${idPrefix}-title-${index}`}
            name={`title-${index}`}
            label={`Item ${index + 1} title`}
            error={index === 0 ? errorFor(errors, 'title-0') : undefined}
          />
          <SelectField id={`${idPrefix}-purpose-${index}`} name={`purpose-${index}`} label={`Item ${index + 1} purpose`} defaultValue="DECISION">
            {purposes.map((purpose) => (
              <option key={purpose} value={purpose}>
                {purposeInWords[purpose]}
              </option>
            ))}
          </SelectField>
          <SelectField id={`${idPrefix}-part-${index}`} name={`part-${index}`} label={`Item ${index + 1} part`} defaultValue="PUBLIC">
            {(Object.keys(partInWords) as Part[]).map((part) => (
              <option key={part} value={part}>
                {partInWords[part]}
              </option>
            ))}
          </SelectField>
          <Checkboxes
            id={`${idPrefix}-committees-${index}`}
            name={`committees-${index}`}
            legend={`Item ${index + 1} taken by`}
            hint="Leave every box empty for an item common to all the committees."
            items={committees.map((committee) => ({ value: committee.id, label: committee.name }))}
          />
        </fieldset>
      ))}
      <div className="app-button-row">
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setRows(rows + 1)}>
          Add another item
        </button>
        <button type="submit" className="nhsuk-button">
          Schedule the session
        </button>
      </div>
    </form>
  );
}
