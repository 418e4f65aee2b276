import { useRef, useState } from 'react';
import { onFields, request, toFormErrors, type FormError } from '../../api/client';
import { changeMeetingStatusMutation } from '../../api/meetings';
import type { MeetingStatus } from '../../generated/graphql';
import { ErrorSummary } from '../ErrorSummary';
import { Confirmation } from '../messages';
import type { MeetingDetail } from './types';

interface StatusAction {
  to: MeetingStatus;
  label: string;
  done: string;
  hint: string;
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
  const outcome = useRef<HTMLDivElement>(null);
  const actions = nextActions(meeting);

  async function change(action: StatusAction) {
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
            onClick={() => change(action)}
            aria-describedby={`meeting-status-${action.to}-hint`}
          >
            {action.label}
          </button>
          <p className="nhsuk-hint" id={`meeting-status-${action.to}-hint`}>
            {action.hint}
          </p>
        </div>
      ))}
      <div tabIndex={-1} ref={outcome} className="app-outcome">
        <Confirmation>{done}</Confirmation>
      </div>
    </>
  );
}
