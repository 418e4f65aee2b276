import { type FormEvent, useState } from 'react';
import { onFields, request } from '../../api/client';
import { attachTermsOfReferenceMutation } from '../../api/committees';
import { useSubmission } from '../../api/useSubmission';
import { chosenFile, describeFile, readAsBase64 } from '../../files';
import { ErrorSummary, errorFor } from '../ErrorSummary';
import { FileField } from '../fields';
import { Confirmation } from '../messages';
import type { CommitteeDetail } from './types';

const idPrefix = 'terms-of-reference';

function UploadTermsOfReference({ committee, onUploaded }: { committee: CommitteeDetail; onUploaded: () => void }) {
  const { errors, setErrors, submitting, submit } = useSubmission();
  const [uploaded, setUploaded] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const form = event.currentTarget;
    const file = chosenFile(new FormData(form), 'file');
    setUploaded(null);
    if (!file) {
      setErrors([{ field: 'file', message: 'Select the terms of reference to upload' }]);
      return;
    }
    const payload = await submit(async () => {
      const { attachTermsOfReference } = await request(attachTermsOfReferenceMutation, {
        input: { committeeId: committee.id, filename: file.name, contentBase64: await readAsBase64(file) },
      });
      return {
        ...attachTermsOfReference,
        errors: onFields(attachTermsOfReference.errors, { contentBase64: 'file', filename: 'file' }),
      };
    });
    if (payload) {
      const note = payload.committee?.termsOfReference?.inspectionNote;
      setUploaded(`Uploaded ${file.name} as the terms of reference.${note ? ` ${note}` : ''}`);
      form.reset();
      onUploaded();
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors} idPrefix={idPrefix} />
      <FileField
        id={`${idPrefix}-file`}
        name="file"
        label={committee.termsOfReference ? 'Replace the terms of reference' : 'Upload the terms of reference'}
        hint="A PDF or Word document (.docx), up to 10 MB"
        accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        error={errorFor(errors, 'file')}
      />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Upload terms of reference
      </button>
      <Confirmation>{uploaded}</Confirmation>
    </form>
  );
}

interface TermsOfReferenceSectionProps {
  committee: CommitteeDetail;
  onChanged: () => void;
}

export function TermsOfReferenceSection({ committee, onChanged }: TermsOfReferenceSectionProps) {
  const stored = committee.termsOfReference;
  return (
    <section>
      <h2>Terms of reference</h2>
      {committee.termsSummary ? (
        <p className="app-preserve-lines">{committee.termsSummary}</p>
      ) : (
        <p>There is no summary of the terms of reference yet.</p>
      )}
      {stored ? (
        <p>
          <a href={stored.url}>
            Download the terms of reference<span className="nhsuk-u-visually-hidden"> of {committee.name}</span>
          </a>{' '}
          ({stored.filename}, {describeFile(stored.contentType, stored.sizeBytes)})
        </p>
      ) : (
        <p>The full terms of reference have not been uploaded.</p>
      )}
      {stored?.inspectionNote && committee.viewerCanManage && (
        <p className="nhsuk-body-s app-inspection-note">{stored.inspectionNote}</p>
      )}
      {committee.viewerCanManage && <UploadTermsOfReference committee={committee} onUploaded={onChanged} />}
    </section>
  );
}
