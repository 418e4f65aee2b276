import { type FormEvent, useState } from 'react';
import { notificationPreferencesQuery, setNotificationPreferencesMutation } from '../../api/notifications';
import { request } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { useSubmission } from '../../api/useSubmission';
import { ErrorSummary, errorFor, fieldId } from '../../components/ErrorSummary';
import { Radios, SelectField } from '../../components/fields';
import { Confirmation, Loading, QueryProblem } from '../../components/messages';
import { usePageTitle } from '../../components/usePageTitle';
import type { NotificationMode } from '../../generated/graphql';

const idPrefix = 'notifications';

const modes: { value: NotificationMode; label: string }[] = [
  { value: 'AT_ONCE' as NotificationMode, label: 'At once' },
  { value: 'DIGEST' as NotificationMode, label: 'In my daily digest' },
  { value: 'OFF' as NotificationMode, label: 'Off' },
];

function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** What the viewer is emailed about, and how: at once, in a daily digest at their hour, or not at all. */
export function NotificationSettingsPage() {
  usePageTitle('Email notifications');
  const { data, error, loading } = useQuery(notificationPreferencesQuery, {});
  const { errors, submitting, submit } = useSubmission();
  const [saved, setSaved] = useState('');
  const preferences = data?.myNotificationPreferences;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!preferences) return;
    setSaved('');
    const form = new FormData(event.currentTarget);
    const choices = preferences.choices
      .filter((choice) => !choice.mandatory)
      .map((choice) => ({ kind: choice.kind, mode: String(form.get(choice.kind) ?? choice.mode) as NotificationMode }));
    const digestHour = Number(form.get('digestHour'));
    const done = await submit(async () => {
      const answer = await request(setNotificationPreferencesMutation, { input: { choices, digestHour } });
      return answer.setNotificationPreferences;
    });
    if (done) setSaved('Your choices are saved.');
  }

  if (loading && !data) return <Loading />;
  return (
    <>
      <h1>Email notifications</h1>
      <QueryProblem error={error} idPrefix={idPrefix} />
      <ErrorSummary errors={errors} idPrefix={idPrefix} />
      <Confirmation>{saved}</Confirmation>
      {preferences && (
        <form onSubmit={onSubmit} noValidate>
          <p>
            Choose how Quorum tells you about each kind of message. Messages that must reach you, such as a ballot
            paper, are always sent at once.
          </p>
          <SelectField
            id={fieldId(idPrefix, 'digestHour')}
            name="digestHour"
            label="Send my daily digest at"
            hint="UK time. The digest gathers every message you chose to receive that way."
            defaultValue={String(preferences.digestHour)}
            error={errorFor(errors, 'digestHour')}
          >
            {Array.from({ length: 24 }, (_, hour) => (
              <option key={hour} value={hour}>
                {hourLabel(hour)}
              </option>
            ))}
          </SelectField>
          {preferences.choices.map((choice) =>
            choice.mandatory ? (
              <div className="nhsuk-form-group" key={choice.kind}>
                <p className="nhsuk-body nhsuk-u-font-weight-bold nhsuk-u-margin-bottom-1">{choice.label}</p>
                <p className="nhsuk-body">Always sent at once. This cannot be turned off.</p>
              </div>
            ) : (
              <Radios
                key={choice.kind}
                id={fieldId(idPrefix, choice.kind)}
                name={choice.kind}
                legend={choice.label}
                items={modes}
                defaultValue={choice.mode}
                inline
              />
            ),
          )}
          <button className="nhsuk-button" type="submit" disabled={submitting}>
            Save my choices
          </button>
        </form>
      )}
    </>
  );
}
