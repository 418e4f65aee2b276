import { type FormEvent, useState } from 'react';
import { request } from '../../api/client';
import { importInterestsMutation } from '../../api/registers';
import { useSubmission } from '../../api/useSubmission';
import { readAsBase64 } from '../../files';
import { ErrorSummary, errorFor } from '../ErrorSummary';
import { FileField } from '../fields';
import { Confirmation } from '../messages';

const idPrefix = 'import-interests';

export function ImportInterestsForm({ organisationId, onImported }: { organisationId: string; onImported: () => void }) {
  const { errors, setErrors, submitting, submit } = useSubmission();
  const [outcome, setOutcome] = useState<string | null>(null);
  const [hasRowErrors, setHasRowErrors] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const form = event.currentTarget;
    const file = new FormData(form).get('file');
    setOutcome(null);
    setHasRowErrors(false);
    if (!(file instanceof File) || !file.name) {
      setErrors([{ field: 'file', message: 'Select a spreadsheet of interests to import' }]);
      return;
    }
    const payload = await submit(async () => {
      const { importInterests } = await request(importInterestsMutation, {
        input: { organisationId, filename: file.name, contentBase64: await readAsBase64(file) },
      });
      setHasRowErrors(importInterests.rowErrors.length > 0);
      return {
        ...importInterests,
        errors: [
          ...importInterests.errors.map((error) => ({
            field: error.field === 'contentBase64' || error.field === 'filename' ? 'file' : error.field,
            message: error.message,
          })),
          ...importInterests.rowErrors.map((error) => ({ field: 'file', message: `Row ${error.row}: ${error.message}` })),
        ],
      };
    });
    if (payload) {
      setOutcome(`Imported ${file.name}: ${payload.created} ${payload.created === 1 ? 'interest' : 'interests'} added.`);
      form.reset();
      onImported();
    }
  }

  return (
    <section>
      <h2>Import interests</h2>
      <p>
        Upload a spreadsheet (.xlsx) with the columns of the export. If any row has a problem, nothing is imported and each
        row&rsquo;s problems are listed.
      </p>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} idPrefix={idPrefix}>
          {hasRowErrors && <p>Nothing was imported. Correct these rows and import the file again.</p>}
        </ErrorSummary>
        <FileField
          id={`${idPrefix}-file`}
          name="file"
          label="Spreadsheet of interests"
          accept=".xlsx,.csv"
          error={hasRowErrors ? 'The file has rows with problems; nothing was imported' : errorFor(errors, 'file')}
        />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Import interests
        </button>
      </form>
      <Confirmation>{outcome}</Confirmation>
    </section>
  );
}
