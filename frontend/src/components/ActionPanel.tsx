import { type ReactNode, useEffect, useRef } from 'react';

/** A form opened from a button in a table: its heading takes focus so keyboard and screen reader users land on it. */
export function ActionPanel({ heading, children }: { heading: string; children: ReactNode }) {
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    title.current?.focus();
  }, [heading]);
  return (
    <section className="app-action-panel">
      <h2 tabIndex={-1} ref={title} className="app-action-panel__heading">
        {heading}
      </h2>
      {children}
    </section>
  );
}
