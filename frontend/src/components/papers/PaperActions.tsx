import { useRef, useState } from 'react';
import { type FormError, onFields, request, toFormErrors } from '../../api/client';
import { movePaperMutation } from '../../api/papers';
import type { PaperStatus } from '../../generated/graphql';
import { ErrorSummary } from '../ErrorSummary';
import { Confirmation } from '../messages';
import type { PaperDetail } from './types';

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
