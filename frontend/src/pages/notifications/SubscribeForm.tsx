import { type FormEvent, useState } from 'react';
import { request } from '../../api/client';
import { subscribeToCommitteeMutation } from '../../api/notifications';
import { useSubmission } from '../../api/useSubmission';
import { ErrorSummary, errorFor, fieldId } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { Confirmation } from '../../components/messages';

const idPrefix = 'subscribe';

/** A member of the public asks to be emailed when a committee publishes papers (confirmed by email first). */
export function SubscribeForm({ committeeId, committeeName }: { committeeId: string; committeeName: string }) {
  const { errors, submitting, submit } = useSubmission();
  const [answer, setAnswer] = useState('');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAnswer('');
    const email = String(new FormData(event.currentTarget).get('email') ?? '');
    const done = await submit(async () => {
      const result = await request(subscribeToCommitteeMutation, { committeeId, email });
      return result.subscribeToCommittee;
    });
    if (done?.message) setAnswer(done.message);
  }

  return (
    <>
      <h2>Get an email when papers are published</h2>
      <ErrorSummary errors={errors} idPrefix={idPrefix} />
      <Confirmation>{answer}</Confirmation>
      <form onSubmit={onSubmit} noValidate>
        <TextField
          id={fieldId(idPrefix, 'email')}
          name="email"
          type="email"
          autoComplete="email"
          spellCheck={false}
          label="Email address"
          hint={`We will send a link to confirm. You will then get an email whenever ${committeeName} publishes papers.`}
          error={errorFor(errors, 'email')}
        />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={submitting}>
          Subscribe
        </button>
      </form>
    </>
  );
}
