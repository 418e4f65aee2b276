import { useState } from 'react';
import { onFields, request } from '../../api/client';
import { cancelMeetingMutation } from '../../api/meetings';
import { useSubmission } from '../../api/useSubmission';
import { formatMeetingTime } from '../../dates';
import { ActionPanel } from '../ActionPanel';
import { ErrorSummary } from '../ErrorSummary';
import type { MeetingDetail } from './types';

/** What members are told when the meeting is called off. */
export function cancelNews(status: MeetingDetail['status']): string {
  return status === 'DRAFT'
    ? 'Nobody has had notice of it yet, so nobody is emailed.'
    : 'Members and attendees will be told by email, and the meeting will be taken off their calendars.';
}

type Meeting = Pick<MeetingDetail, 'id' | 'title' | 'status' | 'startsAt' | 'endsAt'>;

/** The secretary calls a meeting off, after a second step that names it; the meeting stays on record. */
export function CancelMeetingSection({ meeting, onCancelled }: { meeting: Meeting; onCancelled: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const { errors, setErrors, submitting, submit } = useSubmission();

  async function cancel() {
    if (submitting) return;
    const payload = await submit(async () => {
      const { cancelMeeting } = await request(cancelMeetingMutation, { input: { id: meeting.id } });
      return { ...cancelMeeting, errors: onFields(cancelMeeting.errors, {}) };
    });
    if (payload) {
      setConfirming(false);
      onCancelled();
    }
  }

  return (
    <div className="app-status-action">
      <ErrorSummary errors={errors} idPrefix="cancel-meeting" />
      {confirming ? (
        <ActionPanel heading={`Cancel ${meeting.title}?`}>
          <p>
            The meeting on {formatMeetingTime(meeting.startsAt, meeting.endsAt)} will not take place. It stays on record
            as cancelled, and it cannot be changed or arranged again. {cancelNews(meeting.status)}
          </p>
          <div className="app-button-group">
            <button className="nhsuk-button nhsuk-button--warning" type="button" onClick={cancel}>
              Yes, cancel the meeting
            </button>
            <button
              className="nhsuk-button nhsuk-button--secondary"
              type="button"
              onClick={() => {
                setErrors([]);
                setConfirming(false);
              }}
            >
              No, keep it
            </button>
          </div>
        </ActionPanel>
      ) : (
        <button className="nhsuk-button nhsuk-button--warning" type="button" onClick={() => setConfirming(true)}>
          Cancel meeting
        </button>
      )}
    </div>
  );
}
