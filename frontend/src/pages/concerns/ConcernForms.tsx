import { type FormEvent, useState } from 'react';
import { type FormError, onFields, request } from '../../api/client';
import {
  addConcernEvidenceMutation,
  closeConcernMutation,
  concernOwnersQuery,
  updateConcernMutation,
} from '../../api/concerns';
import { useQuery } from '../../api/useQuery';
import { useSubmission } from '../../api/useSubmission';
import { ActionPanel } from '../../components/ActionPanel';
import { DateInput, dateProblems, readDate } from '../../components/DateInput';
import { ErrorSummary, errorFor } from '../../components/ErrorSummary';
import { Checkbox, FileField, SelectField, TextField } from '../../components/fields';
import { chosenFile, readAsBase64 } from '../../files';

interface ConcernSummary {
  id: string;
  title: string;
  reviewDate: string;
  escalatedToNhsEngland: boolean;
  organisation?: { id: string; name: string } | null;
  owner?: { id: string; name: string } | null;
}

interface FormProps {
  concern: ConcernSummary;
  onCancel: () => void;
  onDone: (message: string) => void;
}

const updateFields = { ownerId: 'ownerId', reviewDate: 'reviewDate', escalatedToNhsEngland: 'escalatedToNhsEngland' };

/** The concern's owner, next review date and whether NHS England has been told. */
export function UpdateConcernForm({ concern, onCancel, onDone }: FormProps) {
  const idPrefix = 'update-concern';
  const organisationId = concern.organisation?.id ?? '';
  const people = useQuery(concernOwnersQuery, { organisationId }, { skip: !organisationId });
  const { errors, setErrors, submitting, submit } = useSubmission();
  const choices = people.data?.people.edges.map(({ node }) => node) ?? [];
  if (concern.owner && !choices.some((person) => person.id === concern.owner?.id)) choices.unshift(concern.owner);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const values = new FormData(event.currentTarget);
    const text = (name: string) => String(values.get(name) ?? '').trim();
    const review = readDate(values, 'reviewDate', 'date of the next review');
    const problems: FormError[] = [
      ...(text('ownerId') ? [] : [{ field: 'ownerId', message: 'Choose the concern’s owner' }]),
      ...dateProblems(review, 'reviewDate', 'Enter the date of the next review'),
    ];
    if (problems.length) {
      setErrors(problems);
      return;
    }
    const payload = await submit(async () => {
      const { updateConcern } = await request(updateConcernMutation, {
        input: {
          id: concern.id,
          ownerId: text('ownerId'),
          reviewDate: review.value,
          escalatedToNhsEngland: values.get('escalatedToNhsEngland') === 'yes',
        },
      });
      return { ...updateConcern, errors: onFields(updateConcern.errors, updateFields) };
    });
    if (payload) onDone('Saved the owner, review date and escalation to NHS England.');
  }

  return (
    <ActionPanel heading="Change the owner or review date">
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} idPrefix={idPrefix} />
        <SelectField
          id={`${idPrefix}-ownerId`}
          name="ownerId"
          label="Owner"
          hint="One of the CCG’s officers, staff or governing body"
          defaultValue={concern.owner?.id ?? ''}
          key={choices.length}
          error={errorFor(errors, 'ownerId')}
        >
          {choices.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </SelectField>
        <DateInput
          id={`${idPrefix}-reviewDate`}
          name="reviewDate"
          legend="Next review"
          hint="For example, 15 3 2027"
          defaultValue={concern.reviewDate}
          error={errorFor(errors, 'reviewDate')}
        />
        <Checkbox
          id={`${idPrefix}-escalatedToNhsEngland`}
          name="escalatedToNhsEngland"
          label="Escalated to NHS England"
          defaultChecked={concern.escalatedToNhsEngland}
          error={errorFor(errors, 'escalatedToNhsEngland')}
        />
        <div className="app-button-row">
          <button className="nhsuk-button" type="submit">
            Save changes
          </button>
          <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </ActionPanel>
  );
}

const evidenceFields = { contentBase64: 'file', filename: 'file', description: 'description' };

/** A PDF, Word or Excel file kept with the concern; the server inspects it as every upload. */
export function AddEvidenceForm({ concern, onCancel, onDone }: FormProps) {
  const idPrefix = 'concern-evidence';
  const { errors, setErrors, submitting, submit } = useSubmission();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const values = new FormData(event.currentTarget);
    const file = chosenFile(values, 'file');
    if (!file) {
      setErrors([{ field: 'file', message: 'Select the file to add' }]);
      return;
    }
    const description = String(values.get('description') ?? '').trim();
    const payload = await submit(async () => {
      const { addConcernEvidence } = await request(addConcernEvidenceMutation, {
        input: { concernId: concern.id, filename: file.name, contentBase64: await readAsBase64(file), description },
      });
      return { ...addConcernEvidence, errors: onFields(addConcernEvidence.errors, evidenceFields) };
    });
    if (payload) onDone(`Added ${file.name} to the evidence.`);
  }

  return (
    <ActionPanel heading="Add evidence">
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} idPrefix={idPrefix} />
        <FileField
          id={`${idPrefix}-file`}
          name="file"
          label="File"
          hint="A PDF, Word document or Excel workbook, up to 10 MB"
          accept=".pdf,.docx,.xlsx,application/pdf"
          error={errorFor(errors, 'file')}
        />
        <TextField
          id={`${idPrefix}-description`}
          name="description"
          label="Description (optional)"
          autoComplete="off"
          error={errorFor(errors, 'description')}
        />
        <div className="app-button-row">
          <button className="nhsuk-button" type="submit">
            Add evidence
          </button>
          <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </ActionPanel>
  );
}

/** Closing takes a second step that names the concern; a closed concern cannot be changed again. */
export function CloseConcernForm({ concern, onCancel, onDone }: FormProps) {
  const { errors, submitting, submit } = useSubmission();
  const [closing, setClosing] = useState(false);

  async function close() {
    if (submitting || closing) return;
    setClosing(true);
    const payload = await submit(async () => {
      const { closeConcern } = await request(closeConcernMutation, { input: { id: concern.id } });
      return { ...closeConcern, errors: onFields(closeConcern.errors, {}) };
    });
    setClosing(false);
    if (payload) onDone('Closed the concern.');
  }

  return (
    <ActionPanel heading={`Close ${concern.title}?`}>
      <ErrorSummary errors={errors} idPrefix="close-concern" />
      <p>
        The concern stays on the register as closed, with its history and evidence. It cannot be moved on the ladder,
        changed or given more evidence afterwards.
      </p>
      <div className="app-button-row">
        <button className="nhsuk-button nhsuk-button--warning" type="button" onClick={close}>
          Yes, close the concern
        </button>
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onCancel}>
          No, keep it open
        </button>
      </div>
    </ActionPanel>
  );
}
