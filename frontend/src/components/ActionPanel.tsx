import { type ReactNode, useEffect, useRef } from 'react';

/**
 * A form opened from a button in a table: its heading takes focus so keyboard and screen reader users land on it.
 * `level` fits the heading under the one it opens beneath (a form inside an agenda item's row is a level 4 heading).
 */
export function ActionPanel({ heading, children, level = 2 }: { heading: string; children: ReactNode; level?: 2 | 4 }) {
  const Heading = level === 4 ? 'h4' : 'h2';
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    title.current?.focus();
  }, [heading]);
  return (
    <section className="app-action-panel">
      <Heading tabIndex={-1} ref={title} className="app-action-panel__heading">
        {heading}
      </Heading>
      {children}
    </section>
  );
}
