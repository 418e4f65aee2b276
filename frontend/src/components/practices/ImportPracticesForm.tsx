import { type FormEvent, useState } from 'react';
import { request } from '../../api/client';
import { importPracticesMutation } from '../../api/operations';
import { useSubmission } from '../../api/useSubmission';
import { readAsBase64 } from '../../files';
import { ErrorSummary, errorFor } from '../ErrorSummary';
import { FileField } from '../fields';
import { Confirmation } from '../messages';

const idPrefix = 'import-practices';

interface ImportPracticesFormProps {
  organisationId: string;
  onImported: () => void;
}

export function ImportPracticesForm({ organisationId, onImported }: ImportPracticesFormProps) {
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
      setErrors([{ field: 'file', message: 'Select a spreadsheet of practices to import' }]);
      return;
    }
    const payload = await submit(async () => {
      const data = await request(importPracticesMutation, {
        input: { organisationId, filename: file.name, contentBase64: await readAsBase64(file) },
      });
      const result = data.importPractices;
      setHasRowErrors(result.rowErrors.length > 0);
      return {
        ...result,
        errors: [
          ...result.errors.map((error) => ({
            field: error.field === 'contentBase64' || error.field === 'filename' ? 'file' : error.field,
            message: error.message,
          })),
          ...result.rowErrors.map((error) => ({ field: 'file', message: `Row ${error.row}: ${error.message}` })),
        ],
      };
    });
    if (payload) {
      setOutcome(
        `Imported ${file.name}: ${payload.created} ${payload.created === 1 ? 'practice' : 'practices'} created, ${payload.updated} updated.`,
      );
      form.reset();
      onImported();
    }
  }

  return (
    <section>
      <h3>Import practices</h3>
      <p>
        Upload a spreadsheet (.xlsx or .csv) with the columns ods_code, name, list_size and locality.
        Practices already in Quorum are updated by their ODS code. If any row has a problem, nothing is
        imported.
      </p>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} idPrefix={idPrefix}>
          {hasRowErrors && <p>Nothing was imported. Correct these rows and import the file again.</p>}
        </ErrorSummary>
        <FileField
          id={`${idPrefix}-file`}
          name="file"
          label="Spreadsheet of practices"
          accept=".xlsx,.csv"
          error={
            hasRowErrors
              ? 'The file has rows with problems; nothing was imported'
              : errorFor(errors, 'file')
          }
        />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Import practices
        </button>
      </form>
      <Confirmation>{outcome}</Confirmation>
    </section>
  );
}
