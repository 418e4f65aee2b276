import { type FormEvent, useState } from 'react';
import { request } from '../../api/client';
import { importIndicatorsMutation } from '../../api/indicators';
import { useSubmission } from '../../api/useSubmission';
import { readAsBase64 } from '../../files';
import { ErrorSummary, errorFor } from '../ErrorSummary';
import { FileField } from '../fields';
import { Confirmation } from '../messages';

const idPrefix = 'import-indicators';

export function ImportIndicatorsForm({ organisationId, onImported }: { organisationId: string; onImported: () => void }) {
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
      setErrors([{ field: 'file', message: 'Select a spreadsheet of indicator values to import' }]);
      return;
    }
    const payload = await submit(async () => {
      const data = await request(importIndicatorsMutation, {
        input: { organisationId, filename: file.name, contentBase64: await readAsBase64(file) },
      });
      const result = data.importIndicators;
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
        `Imported ${file.name}: ${payload.imported} ${payload.imported === 1 ? 'figure' : 'figures'}, ` +
          `${payload.indicatorsCreated} new ${payload.indicatorsCreated === 1 ? 'indicator' : 'indicators'}.`,
      );
      form.reset();
      onImported();
    }
  }

  return (
    <section>
      <h2>Import indicators</h2>
      <p>
        Upload a spreadsheet (.xlsx or .csv) with the columns ods_code, indicator_code, period (2026-03, 2026-Q1 or
        2026) and value; optionally numerator and denominator, and for a new indicator indicator_name, unit and
        higher_is_better. A practice’s figure for a period it already has is replaced. If any row has a problem,
        nothing is imported.
      </p>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} idPrefix={idPrefix}>
          {hasRowErrors && <p>Nothing was imported. Correct these rows and import the file again.</p>}
        </ErrorSummary>
        <FileField
          id={`${idPrefix}-file`}
          name="file"
          label="Spreadsheet of indicator values"
          accept=".xlsx,.csv"
          error={hasRowErrors ? 'The file has rows with problems; nothing was imported' : errorFor(errors, 'file')}
        />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Import indicators
        </button>
      </form>
      <Confirmation>{outcome}</Confirmation>
    </section>
  );
}
