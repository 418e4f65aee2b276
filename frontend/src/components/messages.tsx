import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { RequestError } from '../api/client';
import { ErrorSummary } from './ErrorSummary';

export function Loading() {
  return (
    <p className="nhsuk-body" role="status">
      Loading…
    </p>
  );
}

/** A query that failed; shown where its data would be, without taking focus. */
export function QueryProblem({ error, idPrefix }: { error: RequestError | undefined; idPrefix: string }) {
  if (!error) return null;
  return <ErrorSummary errors={error.toFormErrors()} idPrefix={idPrefix} takeFocus={false} />;
}

/** Confirms that a form did its work; the live region is always there so the news is announced. */
export function Confirmation({ children }: { children: ReactNode }) {
  return (
    <div role="status">
      {children && (
        <div className="nhsuk-inset-text">
          <p>{children}</p>
        </div>
      )}
    </div>
  );
}

export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link className="nhsuk-back-link" to={to}>
      {children}
    </Link>
  );
}
