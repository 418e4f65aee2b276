import { type MouseEvent, type ReactNode, useEffect, useRef } from 'react';
import type { FormError } from '../api/client';

export function fieldId(idPrefix: string, field: string): string {
  return `${idPrefix}-${field}`;
}

/** The messages for one field, to show beside it. */
export function errorFor(errors: FormError[], field: string): string | undefined {
  const messages = errors.filter((error) => error.field === field).map((error) => error.message);
  return messages.length ? messages.join(' ') : undefined;
}

function focusField(event: MouseEvent<HTMLAnchorElement>) {
  const target = document.getElementById(event.currentTarget.hash.slice(1));
  if (!target) return;
  event.preventDefault();
  target.focus();
}

interface ErrorSummaryProps {
  errors: FormError[];
  /** Field inputs have the id `${idPrefix}-${field}`; the summary links to them. */
  idPrefix: string;
  title?: string;
  children?: ReactNode;
  /** Move focus to the summary each time a new list of errors arrives. */
  takeFocus?: boolean;
}

export function ErrorSummary({
  errors,
  idPrefix,
  title = 'There is a problem',
  children,
  takeFocus = true,
}: ErrorSummaryProps) {
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (takeFocus && errors.length) summary.current?.focus();
  }, [errors, takeFocus]);

  if (!errors.length) return null;

  const titleId = `${idPrefix}-error-summary-title`;
  return (
    <div
      className="nhsuk-error-summary"
      aria-labelledby={titleId}
      role="alert"
      tabIndex={-1}
      ref={summary}
    >
      <h2 className="nhsuk-error-summary__title" id={titleId}>
        {title}
      </h2>
      <div className="nhsuk-error-summary__body">
        {children}
        <ul className="nhsuk-list nhsuk-error-summary__list">
          {errors.map((error, index) => (
            <li key={index}>
              {error.field ? (
                <a href={`#${fieldId(idPrefix, error.field)}`} onClick={focusField}>
                  {error.message}
                </a>
              ) : (
                error.message
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
