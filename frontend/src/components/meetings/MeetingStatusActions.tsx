import { useRef, useState } from 'react';
import { onFields, request, toFormErrors, type FormError } from '../../api/client';
import { changeMeetingStatusMutation } from '../../api/meetings';
import type { MeetingStatus } from '../../generated/graphql';
import { ConfirmStep } from '../ConfirmStep';
import { ErrorSummary } from '../ErrorSummary';
import { Confirmation } from '../messages';
import type { MeetingDetail } from './types';

interface StatusAction {
  to: MeetingStatus;
  label: string;
  done: string;
  hint: string;
  /** Asked before the change, for one that goes out to the public. */
  confirm?: { heading: string; warning: string; button: string };
}

/** What a secretary can do next with a meeting. (Papers are published by publishing a pack.) */
export function nextActions(meeting: Pick<MeetingDetail, 'status' | 'startsAt'>, now: Date = new Date()): StatusAction[] {
  const started = new Date(meeting.startsAt).getTime() <= now.getTime();
  const held: StatusAction = {
    to: 'HELD',
    label: 'Mark the meeting as held',
    done: 'The meeting is marked as held.',
    hint: 'Once it has taken place.',
  };
  switch (meeting.status) {
    case 'DRAFT':
      return [
        {
          to: 'AGENDA_PUBLISHED',
          label: 'Publish the agenda',
          done: 'Published the agenda: members have notice of the meeting and the public can see its Part I agenda.',
          hint: 'Gives members notice of the meeting and shows its Part I agenda to the public.',
          confirm: {
            heading: 'Publish the agenda?',
            warning:
              'Members are sent notice of the meeting, and anyone, without signing in, can read its Part I agenda ' +
              'and see who is to present each item.',
            button: 'Yes, publish the agenda',
          },
        },
      ];
    case 'AGENDA_PUBLISHED':
    case 'PAPERS_PUBLISHED':
      return started ? [held] : [];
    case 'HELD':
      return [
        {
          to: 'MINUTES_APPROVED',
          label: 'Record the minutes as approved',
          done: 'The minutes are recorded as approved.',
          hint: 'When the next meeting has approved them.',
        },
      ];
    case 'MINUTES_APPROVED':
      return [];
  }
}

export function MeetingStatusActions({ meeting, onChanged }: { meeting: MeetingDetail; onChanged: () => void }) {
  const [errors, setErrors] = useState<FormError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<StatusAction | null>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const actions = nextActions(meeting);

  async function change(action: StatusAction) {
    setConfirming(null);
    if (busy) return;
    setBusy(true);
    setDone(null);
    try {
      const { changeMeetingStatus } = await request(changeMeetingStatusMutation, {
        input: { id: meeting.id, status: action.to },
      });
      setErrors(onFields(changeMeetingStatus.errors, {}));
      if (!changeMeetingStatus.errors.length) {
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
      <ErrorSummary errors={errors} idPrefix="meeting-status" />
      {actions.map((action) => (
        <div key={action.to} className="app-status-action">
          <button
            type="button"
            className="nhsuk-button"
            onClick={() => {
              setDone(null);
              if (action.confirm) setConfirming(action);
              else change(action);
            }}
            aria-describedby={`meeting-status-${action.to}-hint`}
          >
            {action.label}
          </button>
          <p className="nhsuk-hint" id={`meeting-status-${action.to}-hint`}>
            {action.hint}
          </p>
        </div>
      ))}
      {confirming?.confirm && (
        <ConfirmStep
          heading={confirming.confirm.heading}
          confirmLabel={confirming.confirm.button}
          onConfirm={() => change(confirming)}
          onCancel={() => setConfirming(null)}
          level={3}
          busy={busy}
        >
          <p>{confirming.confirm.warning}</p>
        </ConfirmStep>
      )}
      <div tabIndex={-1} ref={outcome} className="app-outcome">
        <Confirmation>{done}</Confirmation>
      </div>
    </>
  );
}
