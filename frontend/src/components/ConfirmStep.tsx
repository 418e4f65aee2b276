import { type ReactNode, useEffect, useId, useRef } from 'react';

interface ConfirmStepProps {
  /** A question: "Publish the public pack?" */
  heading: string;
  /** What happens, in the NHS.UK warning callout. */
  children: ReactNode;
  /** The button that does it: "Yes, publish". */
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** Level of the heading, to fit the page's outline. */
  level?: 2 | 3;
  busy?: boolean;
}

/**
 * The step before an action that cannot be quietly undone (publishing to the public, closing a vote, opening or
 * closing a ballot or survey): a question, what will happen in a warning callout, an explicit "Yes, …" button and
 * a way back. Focus moves to the question so keyboard and screen reader users land on it.
 */
export function ConfirmStep({ heading, children, confirmLabel, onConfirm, onCancel, level = 2, busy = false }: ConfirmStepProps) {
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    title.current?.focus();
  }, [heading]);
  const headingId = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  const Label = level === 2 ? 'h3' : 'h4';
  return (
    <section className="app-action-panel app-confirm-step" aria-labelledby={headingId}>
      <Heading id={headingId} tabIndex={-1} ref={title} className="app-action-panel__heading">
        {heading}
      </Heading>
      <div className="nhsuk-warning-callout">
        <Label className="nhsuk-warning-callout__label">
          <span role="text">
            <span className="nhsuk-u-visually-hidden">Important: </span>
            Before you go on
          </span>
        </Label>
        {children}
      </div>
      <div className="app-button-row">
        <button
          type="button"
          className="nhsuk-button nhsuk-button--warning"
          aria-disabled={busy || undefined}
          onClick={() => !busy && onConfirm()}
        >
          {confirmLabel}
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
