import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { goTo, signOutEverywhere } from '../api/auth';
import { type FormError, toFormErrors } from '../api/client';
import { ErrorSummary } from '../components/ErrorSummary';
import { usePageTitle } from '../components/usePageTitle';

/** The confirmation step before every sign-in and bearer token of the viewer is ended. */
export function SignOutEverywherePage() {
  usePageTitle('Sign out everywhere');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [sending, setSending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    try {
      await signOutEverywhere();
      goTo('/sign-in');
    } catch (error) {
      setErrors(toFormErrors(error));
      setSending(false);
    }
  }

  return (
    <>
      <h1>Sign out everywhere</h1>
      <ErrorSummary errors={errors} idPrefix="sign-out-everywhere" />
      <p>This signs you out of Quorum on every computer, phone and browser you have used, including this one.</p>
      <p>Any API tokens issued to you stop working as well. You can sign in again straight away.</p>
      <p>Use it if you signed in on a shared computer or lost a device.</p>
      <form onSubmit={onSubmit} noValidate>
        <div className="app-button-row">
          <button className="nhsuk-button nhsuk-button--warning" type="submit">
            Yes, sign me out everywhere
          </button>
          <Link className="nhsuk-button nhsuk-button--secondary" to="/">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
