import { useEffect, useState } from 'react';
import { type DemoUser, fetchDemoUsers, goTo, signInAsDemoUser } from '../api/auth';
import { type FormError, toFormErrors } from '../api/client';
import { ErrorSummary } from '../components/ErrorSummary';
import { Loading } from '../components/messages';
import { usePageTitle } from '../components/usePageTitle';
import { useSession } from '../session';
import { NotFoundPage } from './NotFoundPage';

function DemoUsers() {
  usePageTitle('Sign in as a demo user');
  const [users, setUsers] = useState<DemoUser[] | null>(null);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [signingIn, setSigningIn] = useState(false);

  useEffect(() => {
    fetchDemoUsers().then(setUsers, (error: unknown) => {
      setUsers([]);
      setErrors(toFormErrors(error));
    });
  }, []);

  async function signInAs(user: DemoUser) {
    if (signingIn) return;
    setSigningIn(true);
    try {
      await signInAsDemoUser(user.email);
      goTo('/');
    } catch (error) {
      setErrors(toFormErrors(error));
      setSigningIn(false);
    }
  }

  return (
    <>
      <ErrorSummary errors={errors} idPrefix="demo-sign-in" />
      <h1>Sign in as a demo user</h1>
      <p>
        These people and their organisations are made up. Each sees Quorum through their own roles.
      </p>
      {users === null ? (
        <Loading />
      ) : (
        <ul className="nhsuk-list app-demo-users">
          {users.map((user, index) => (
            <li key={user.email} className="app-demo-users__user">
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary"
                aria-describedby={`demo-user-${index}`}
                onClick={() => signInAs(user)}
              >
                Sign in as {user.name}
              </button>
              <p className="nhsuk-body-s" id={`demo-user-${index}`}>
                {user.description}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function DemoSignInPage() {
  const { signInOptions } = useSession();
  return signInOptions.demoMode ? <DemoUsers /> : <NotFoundPage />;
}
