import { type FormEvent, useRef, useState } from 'react';
import { onFields, request } from '../../api/client';
import { addAppendixMutation, removeAppendixMutation, replaceAppendixMutation } from '../../api/papers';
import { useSubmission } from '../../api/useSubmission';
import { chosenFile, describeFile, readAsBase64 } from '../../files';
import { ErrorSummary, errorFor } from '../ErrorSummary';
import { FileField, TextField } from '../fields';
import { Confirmation } from '../messages';
import { ConversionStatus } from './ConversionStatus';
import type { AppendixDetail, PaperDetail } from './types';

const idPrefix = 'add-appendix';

const apiFields = { title: 'title', contentBase64: 'file', filename: 'file' };

const accepted = [
  '.pdf',
  '.docx',
  '.xlsx',
  '.doc',
  '.odt',
  '.ods',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/msword',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
].join(',');

const kindInWords = { PDF: 'PDF', WORD: 'Word document', EXCEL: 'Excel workbook' } as const;

interface AppendixProps {
  appendix: AppendixDetail;
  index: number;
  canChange: boolean;
  onChanged: (message: string) => void;
}

function Appendix({ appendix, index, canChange, onChanged }: AppendixProps) {
  const { file } = appendix;
  const pages = appendix.pageCount ? `, ${appendix.pageCount} ${appendix.pageCount === 1 ? 'page' : 'pages'}` : '';
  return (
    <li>
      {file ? (
        <a href={file.url}>
          {appendix.title}
          <span className="nhsuk-u-visually-hidden"> (appendix)</span>
        </a>
      ) : (
        appendix.title
      )}{' '}
      ({file ? describeFile(file.contentType, file.sizeBytes) : kindInWords[appendix.kind]}
      {pages})
      {file?.inspectionNote && <p className="nhsuk-body-s app-inspection-note">{file.inspectionNote}</p>}
      {file?.conversion && (
        <div>
          <ConversionStatus conversion={file.conversion} what={`“${appendix.title}”`} />
        </div>
      )}
      {appendix.problem && (
        <div className="nhsuk-warning-callout">
          <h3 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>This appendix cannot go in the pack
            </span>
          </h3>
          <p>{appendix.problem}</p>
          <p>Replace it with a readable copy or remove it. The paper cannot be submitted while this one is attached.</p>
        </div>
      )}
      {canChange && <ChangeAppendix appendix={appendix} index={index} onChanged={onChanged} />}
    </li>
  );
}

const changeFields = { contentBase64: 'file', filename: 'file', title: 'file' };

function noteOf(title: string, problem: string | null | undefined, note: string | null | undefined) {
  return [problem ? `“${title}” cannot go in the pack: ${problem}` : '', note ?? ''].filter(Boolean).join(' ');
}

function ChangeAppendix({ appendix, index, onChanged }: Omit<AppendixProps, 'canChange'>) {
  const { errors, setErrors, submitting, submit } = useSubmission();
  const disclosure = useRef<HTMLDetailsElement>(null);
  const idPrefix = `change-appendix-${index + 1}`;

  async function onReplace(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const form = event.currentTarget;
    const file = chosenFile(new FormData(form), 'file');
    if (!file) {
      setErrors([{ field: 'file', message: 'Select the new file' }]);
      return;
    }
    const payload = await submit(async () => {
      const { replaceAppendix } = await request(replaceAppendixMutation, {
        input: { id: appendix.id, filename: file.name, contentBase64: await readAsBase64(file) },
      });
      return { ...replaceAppendix, errors: onFields(replaceAppendix.errors, changeFields) };
    });
    if (payload?.appendix) {
      form.reset();
      if (disclosure.current) disclosure.current.open = false;
      const { title, problem } = payload.appendix;
      onChanged(`Replaced the file of “${title}”. ${noteOf(title, problem, payload.appendix.file?.inspectionNote)}`.trim());
    }
  }

  async function onRemove() {
    if (submitting) return;
    const payload = await submit(async () => {
      const { removeAppendix } = await request(removeAppendixMutation, { input: { id: appendix.id } });
      return { ...removeAppendix, errors: onFields(removeAppendix.errors, changeFields) };
    });
    if (payload?.paper) onChanged(`Removed “${appendix.title}”.`);
  }

  return (
    <details className="nhsuk-details" ref={disclosure}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">
          Replace or remove<span className="nhsuk-u-visually-hidden"> “{appendix.title}”</span>
        </span>
      </summary>
      <div className="nhsuk-details__text">
        <form onSubmit={onReplace} noValidate>
          <ErrorSummary errors={errors} idPrefix={idPrefix} />
          <FileField
            id={`${idPrefix}-file`}
            name="file"
            label={`New file for “${appendix.title}”`}
            accept={accepted}
            error={errorFor(errors, 'file')}
          />
          <div className="app-button-group">
            <button className="nhsuk-button nhsuk-button--secondary" type="submit">
              Replace file<span className="nhsuk-u-visually-hidden"> of “{appendix.title}”</span>
            </button>
            <button className="nhsuk-button nhsuk-button--warning" type="button" onClick={onRemove}>
              Remove appendix<span className="nhsuk-u-visually-hidden"> “{appendix.title}”</span>
            </button>
          </div>
        </form>
      </div>
    </details>
  );
}

function AddAppendixForm({ paper, onAdded }: { paper: PaperDetail; onAdded: (message: string) => void }) {
  const { errors, setErrors, submitting, submit } = useSubmission();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const form = event.currentTarget;
    const values = new FormData(form);
    const title = String(values.get('title') ?? '').trim();
    const file = chosenFile(values, 'file');
    const problems = [
      ...(title ? [] : [{ field: 'title', message: 'Give the appendix a title' }]),
      ...(file ? [] : [{ field: 'file', message: 'Select the file to attach' }]),
    ];
    if (problems.length || !file) {
      setErrors(problems);
      return;
    }
    const payload = await submit(async () => {
      const { addAppendix } = await request(addAppendixMutation, {
        input: { paperId: paper.id, title, filename: file.name, contentBase64: await readAsBase64(file) },
      });
      return { ...addAppendix, errors: onFields(addAppendix.errors, apiFields) };
    });
    if (payload?.appendix) {
      form.reset();
      const note = payload.appendix.file?.inspectionNote;
      onAdded(
        (payload.appendix.problem
          ? `Attached “${payload.appendix.title}”, but it cannot go in the pack: ${payload.appendix.problem}`
          : `Attached “${payload.appendix.title}”.`) + (note ? ` ${note}` : ''),
      );
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <h3>Attach an appendix</h3>
      <ErrorSummary errors={errors} idPrefix={idPrefix} />
      <TextField
        id={`${idPrefix}-title`}
        name="title"
        label="Title of the appendix"
        autoComplete="off"
        error={errorFor(errors, 'title')}
      />
      <FileField
        id={`${idPrefix}-file`}
        name="file"
        label="File"
        hint={
          'A PDF, Word document (.docx or .doc), Excel workbook (.xlsx) or OpenDocument file (.odt or .ods). ' +
          'Each goes into the pack as pages: all but PDFs are converted to PDF first.'
        }
        accept={accepted}
        error={errorFor(errors, 'file')}
      />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Attach appendix
      </button>
    </form>
  );
}

interface AppendicesSectionProps {
  paper: PaperDetail;
  appendices: readonly AppendixDetail[];
  canAdd: boolean;
  onChanged: () => void;
}

export function AppendicesSection({ paper, appendices, canAdd, onChanged }: AppendicesSectionProps) {
  const [added, setAdded] = useState<string | null>(null);
  return (
    <section>
      <h2>Appendices</h2>
      {appendices.length ? (
        <ol className="nhsuk-list nhsuk-list--number app-appendices">
          {appendices.map((appendix, index) => (
            <Appendix
              key={appendix.id}
              appendix={appendix}
              index={index}
              canChange={canAdd}
              onChanged={(message) => {
                setAdded(message);
                onChanged();
              }}
            />
          ))}
        </ol>
      ) : (
        <p>The paper has no appendices.</p>
      )}
      <Confirmation>{added}</Confirmation>
      {canAdd && (
        <AddAppendixForm
          paper={paper}
          onAdded={(message) => {
            setAdded(message);
            onChanged();
          }}
        />
      )}
    </section>
  );
}
