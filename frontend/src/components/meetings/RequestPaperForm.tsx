import type { FormEvent } from 'react';
import { type FormError, onFields, request } from '../../api/client';
import { paperPeopleQuery, requestPaperMutation } from '../../api/meetings';
import { useQuery } from '../../api/useQuery';
import { useSubmission } from '../../api/useSubmission';
import { ActionPanel } from '../ActionPanel';
import { ErrorSummary, errorFor } from '../ErrorSummary';
import { DateInput, readDate } from '../DateInput';
import { SelectField, TextField } from '../fields';
import { QueryProblem } from '../messages';
import type { AgendaItemDetail, MeetingDetail } from './types';

const idPrefix = 'request-paper';

const apiFields = { title: 'title', authorId: 'authorId', sponsorId: 'sponsorId', dueDate: 'dueDate', itemId: 'title' };

interface RequestPaperFormProps {
  meeting: MeetingDetail;
  item: AgendaItemDetail;
  onRequested: (message: string) => void;
  onCancel: () => void;
}

/** Asks an author for an item's paper by a date; the author finds the request under "My papers". */
export function RequestPaperForm({ meeting, item, onRequested, onCancel }: RequestPaperFormProps) {
  const host = meeting.committee?.host;
  const people = useQuery(paperPeopleQuery, { organisationId: host?.id ?? '' }, { skip: !host });
  const { errors, setErrors, submitting, submit } = useSubmission();
  const choices = people.data?.people.edges.map(({ node }) => node) ?? [];

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const values = new FormData(event.currentTarget);
    const text = (name: string) => String(values.get(name) ?? '').trim();
    const due = readDate(values, 'dueDate', 'due date');
    const problems: FormError[] = [
      ...(text('title') ? [] : [{ field: 'title', message: 'Enter the paper’s title' }]),
      ...(text('authorId') ? [] : [{ field: 'authorId', message: 'Choose who writes the paper' }]),
      ...(text('sponsorId') ? [] : [{ field: 'sponsorId', message: 'Choose the executive sponsor who approves it' }]),
      ...(due.error
        ? [{ field: 'dueDate', message: due.error }]
        : due.value
          ? []
          : [{ field: 'dueDate', message: 'Enter the date the paper is due' }]),
    ];
    if (problems.length) {
      setErrors(problems);
      return;
    }
    const payload = await submit(async () => {
      const { requestPaper } = await request(requestPaperMutation, {
        input: {
          meetingId: meeting.id,
          itemId: item.id,
          title: text('title'),
          authorId: text('authorId'),
          sponsorId: text('sponsorId'),
          dueDate: due.value,
        },
      });
      return { ...requestPaper, errors: onFields(requestPaper.errors, apiFields) };
    });
    if (payload?.paper) {
      const author = payload.paper.author?.name ?? 'its author';
      onRequested(`Requested “${payload.paper.title}” from ${author} for item ${item.number}.`);
    }
  }

  const person = (field: string, label: string, hint: string) => (
    <SelectField
      id={`${idPrefix}-${field}`}
      name={field}
      label={label}
      hint={hint}
      defaultValue=""
      error={errorFor(errors, field)}
    >
      <option value="">Choose a person</option>
      {choices.map((choice) => (
        <option key={choice.id} value={choice.id}>
          {choice.name} ({choice.email})
        </option>
      ))}
    </SelectField>
  );

  return (
    <ActionPanel level={4} heading={`Request a paper for item ${item.number}`}>
      <p>
        Item {item.number}: {item.title}
      </p>
      <QueryProblem error={people.error} idPrefix={`${idPrefix}-people`} />
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} idPrefix={idPrefix} />
        <TextField
          id={`${idPrefix}-title`}
          name="title"
          label="Title of the paper"
          defaultValue={item.title}
          autoComplete="off"
          error={errorFor(errors, 'title')}
        />
        {person('authorId', 'Author', `Who writes it: people registered with ${host?.name ?? 'the host organisation'}`)}
        {person('sponsorId', 'Executive sponsor', 'Who approves it before it goes in the pack')}
        <DateInput
          id={`${idPrefix}-dueDate`}
          name="dueDate"
          legend="Due date"
          hint="Before the meeting, and usually by the day papers are due"
          defaultValue={meeting.papersDue}
          error={errorFor(errors, 'dueDate')}
        />
        <div className="app-button-row">
          <button className="nhsuk-button" type="submit">
            Request paper
          </button>
          <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </ActionPanel>
  );
}
