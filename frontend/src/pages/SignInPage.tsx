import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorSummary } from '../components/ErrorSummary';
import { usePageTitle } from '../components/usePageTitle';
import { useSession } from '../session';

export function SignInPage() {
  usePageTitle('Sign in');
  const { viewer, signInOptions } = useSession();
  const [searchParams] = useSearchParams();
  const problem = searchParams.get('error');
  const errors = useMemo(() => (problem ? [{ field: null, message: problem }] : []), [problem]);

  return (
    <>
      <ErrorSummary errors={errors} idPrefix="sign-in" />
      <h1>Sign in</h1>
      {viewer && <p>You are signed in as {viewer.person.name}.</p>}
      {signInOptions.oidcEnabled && (
        <>
          <p>Use the account you sign in to NHS.net or your smartcard with.</p>
          <a className="nhsuk-button nhsuk-button--login" href="/auth/login">
            Sign in with your NHS account
          </a>
        </>
      )}
      {signInOptions.demoMode && (
        <p>
          This is a demonstration of Quorum. <Link to="/sign-in/demo">Sign in as a demo user</Link>
        </p>
      )}
      {!signInOptions.oidcEnabled && !signInOptions.demoMode && (
        <p>Signing in is not set up on this server yet. Contact the people who run it.</p>
      )}
    </>
  );
}
