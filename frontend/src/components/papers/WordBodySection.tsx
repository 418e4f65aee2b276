import { type FormEvent, useState } from 'react';
import { onFields, request } from '../../api/client';
import { removePaperBodyMutation, uploadPaperBodyMutation } from '../../api/papers';
import { useSubmission } from '../../api/useSubmission';
import { chosenFile, describeFile, readAsBase64 } from '../../files';
import { ErrorSummary, errorFor } from '../ErrorSummary';
import { FileField } from '../fields';
import { Confirmation } from '../messages';
import { ConversionStatus } from './ConversionStatus';
import type { PaperDetail, PaperVersionDetail } from './types';

const idPrefix = 'word-body';
const apiFields = { contentBase64: 'file', filename: 'file', paperId: 'file' };
const accepted = ['.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'].join(',');

interface WordBodySectionProps {
  paper: PaperDetail;
  version: PaperVersionDetail;
  canChange: boolean;
  onChanged: () => void;
}

/** A paper written in Word: its document is the body, shown on screen as HTML and printed in the pack as pages. */
export function WordBodySection({ paper, version, canChange, onChanged }: WordBodySectionProps) {
  const { errors, setErrors, submitting, submit } = useSubmission();
  const [done, setDone] = useState<string | null>(null);
  const document = version.bodyDocument;
  if (!document && !canChange) return null;

  async function onUpload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const form = event.currentTarget;
    const file = chosenFile(new FormData(form), 'file');
    if (!file) {
      setErrors([{ field: 'file', message: 'Select the Word document' }]);
      return;
    }
    const payload = await submit(async () => {
      const { uploadPaperBody } = await request(uploadPaperBodyMutation, {
        input: { paperId: paper.id, filename: file.name, contentBase64: await readAsBase64(file) },
      });
      return { ...uploadPaperBody, errors: onFields(uploadPaperBody.errors, apiFields) };
    });
    if (payload?.version) {
      form.reset();
      setDone(`“${file.name}” is now the paper’s body. It is being converted to pages for the pack.`);
      onChanged();
    }
  }

  async function onRemove() {
    if (submitting) return;
    const payload = await submit(async () => {
      const { removePaperBody } = await request(removePaperBodyMutation, { input: { paperId: paper.id } });
      return { ...removePaperBody, errors: onFields(removePaperBody.errors, apiFields) };
    });
    if (payload?.version) {
      setDone('The Word document is no longer the paper’s body; write the body in the form above.');
      onChanged();
    }
  }

  return (
    <section>
      <h2>Body written in Word</h2>
      {document ? (
        <>
          <p>
            The paper’s body is the Word document{' '}
            <a href={document.url}>
              {document.filename}
              <span className="nhsuk-u-visually-hidden"> (the paper’s body)</span>
            </a>{' '}
            ({describeFile(document.contentType, document.sizeBytes)}). The pack prints the document itself after the
            cover sheet; below is its text as shown on screen.
          </p>
          <ConversionStatus conversion={document.conversion} what="The Word body" />
        </>
      ) : (
        <p>Authors who write in Word can upload the document as the body instead of writing it above.</p>
      )}
      <Confirmation>{done}</Confirmation>
      {canChange && (
        <form onSubmit={onUpload} noValidate>
          <ErrorSummary errors={errors} idPrefix={idPrefix} />
          <FileField
            id={`${idPrefix}-file`}
            name="file"
            label={document ? 'Upload a new version of the Word document' : 'Word document (.docx)'}
            hint="Macros and embedded programs are refused. The document replaces any body written above."
            accept={accepted}
            error={errorFor(errors, 'file')}
          />
          <div className="app-button-group">
            <button className="nhsuk-button nhsuk-button--secondary" type="submit">
              Upload Word body
            </button>
            {document && (
              <button className="nhsuk-button nhsuk-button--warning" type="button" onClick={onRemove}>
                Write the body here instead
              </button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
