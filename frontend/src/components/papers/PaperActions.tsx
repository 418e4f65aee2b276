import { type MouseEvent, useRef, useState } from 'react';
import { type FormError, onFields, request, toFormErrors } from '../../api/client';
import { movePaperMutation } from '../../api/papers';
import type { PaperStatus } from '../../generated/graphql';
import { ErrorSummary } from '../ErrorSummary';
import { Confirmation } from '../messages';
import { coverSheetTexts } from './CoverSheetForm';
import type { PaperDetail } from './types';

const coverSheetLabels: Record<string, string> = {
  ...Object.fromEntries(coverSheetTexts.map(([field, label]) => [field, label])),
  publicInvolvement: 'Patient and public involvement to date',
};

function focusField(event: MouseEvent<HTMLAnchorElement>) {
  const field = document.getElementById(event.currentTarget.hash.slice(1));
  if (!field) return;
  event.preventDefault();
  field.focus();
}

/** The cover sheet's required fields still blank: the paper cannot be submitted until they are filled in. */
function MissingCoverSheet({ fields }: { fields: readonly string[] }) {
  return (
    <div className="nhsuk-warning-callout">
      <h2 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>Complete the cover sheet before you submit it
        </span>
      </h2>
      <p>These parts of the cover sheet are blank (write “None” where there is nothing to say):</p>
      <ul>
        {fields.map((field) => (
          <li key={field}>
            <a href={`#cover-sheet-${field}`} onClick={focusField}>
              {coverSheetLabels[field] ?? field}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface PaperAction {
  to: PaperStatus;
  label: string;
  done: string;
  warning?: boolean;
}

/** The workflow's next steps open to the viewer: the author submits, the sponsor approves or returns. */
export function paperActions(paper: Pick<PaperDetail, 'status' | 'viewerCanWrite' | 'viewerCanApprove' | 'sponsor'>): PaperAction[] {
  const sponsor = paper.sponsor?.name ?? 'its sponsor';
  const actions: PaperAction[] = [];
  if (paper.status === 'DRAFT' && paper.viewerCanWrite) {
    actions.push({ to: 'SUBMITTED', label: 'Submit to sponsor', done: `Submitted the paper to ${sponsor} for approval.` });
  }
  if (paper.status === 'SUBMITTED' && paper.viewerCanApprove) {
    actions.push(
      { to: 'APPROVED', label: 'Approve the paper', done: 'Approved the paper: it is ready for the pack.' },
      { to: 'DRAFT', label: 'Return for changes', done: 'Returned the paper to its author for changes.', warning: true },
    );
  } else if (paper.status === 'SUBMITTED' && paper.viewerCanWrite) {
    actions.push({ to: 'DRAFT', label: 'Take it back to change it', done: 'The paper is a draft again.', warning: true });
  }
  return actions;
}

export function PaperActions({ paper, onChanged }: { paper: PaperDetail; onChanged: () => void }) {
  const [errors, setErrors] = useState<FormError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const outcome = useRef<HTMLDivElement>(null);
  const actions = paperActions(paper);
  const missing = paper.status === 'DRAFT' && paper.viewerCanWrite ? (paper.currentVersion?.missingCoverSheetFields ?? []) : [];

  async function move(action: PaperAction) {
    if (busy) return;
    setBusy(true);
    setDone(null);
    try {
      const { movePaper } = await request(movePaperMutation, { input: { id: paper.id, status: action.to } });
      setErrors(onFields(movePaper.errors, {}));
      if (!movePaper.errors.length) {
        setDone(action.done);
        onChanged();
        outcome.current?.focus();
      }
    } catch (problem) {
      setErrors(toFormErrors(problem));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <ErrorSummary errors={errors} idPrefix="paper-workflow" />
      {missing.length > 0 && <MissingCoverSheet fields={missing} />}
      {actions.length > 0 && (
        <div className="app-button-row">
          {actions.map((action) => (
            <button
              key={action.to}
              type="button"
              className={action.warning ? 'nhsuk-button nhsuk-button--secondary' : 'nhsuk-button'}
              onClick={() => move(action)}
            >
              {action.label}
            </button>
          ))}
        </div>
      )}
      <div tabIndex={-1} ref={outcome} className="app-outcome">
        <Confirmation>{done}</Confirmation>
      </div>
    </>
  );
}
