import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

export interface TableRow {
  key: string;
  cells: ReactNode[];
}

interface TableProps {
  /** Read out by screen readers; the heading above the table already shows it. */
  caption: string;
  head: ReactNode[];
  rows: TableRow[];
  /** A smaller type size, for registers with many columns. */
  compact?: boolean;
}

interface Overflow {
  scrollable: boolean;
  left: boolean;
  right: boolean;
}

/**
 * What nhsuk-frontend's scroll script does: notes which sides of the box hide part of the table, so
 * the shadows show there, and makes the box focusable only while it can scroll.
 */
function useOverflow(rows: TableRow[]) {
  const box = useRef<HTMLDivElement>(null);
  const [overflow, setOverflow] = useState<Overflow>({ scrollable: false, left: false, right: false });

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const update = () => {
      const hidden = element.scrollWidth - element.clientWidth;
      const next = { scrollable: hidden > 0, left: element.scrollLeft > 0, right: element.scrollLeft < hidden - 1 };
      setOverflow((previous) =>
        previous.scrollable === next.scrollable && previous.left === next.left && previous.right === next.right
          ? previous
          : next,
      );
    };
    update();
    const resizes = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    resizes?.observe(element);
    element.addEventListener('scroll', update, { passive: true });
    return () => {
      resizes?.disconnect();
      element.removeEventListener('scroll', update);
    };
  }, [rows]);

  return { box, overflow };
}

/**
 * An NHS.UK responsive table: on a small screen each row becomes a card, each cell labelled with its column's
 * heading, so nothing scrolls sideways; on a wider screen it is an ordinary table that scrolls inside its own box
 * if it is still too wide.
 */
export function Table({ caption, head, rows, compact = false }: TableProps) {
  const captionId = useId();
  const { box, overflow } = useOverflow(rows);
  const scrollClasses = [
    'nhsuk-scroll',
    overflow.scrollable && 'nhsuk-scroll--scrollable',
    overflow.scrollable && overflow.left && 'nhsuk-scroll--scrollable-left',
    overflow.scrollable && overflow.right && 'nhsuk-scroll--scrollable-right',
  ];

  return (
    <div className={scrollClasses.filter(Boolean).join(' ')}>
      <div
        className="nhsuk-scroll__content"
        role="region"
        aria-labelledby={captionId}
        // A region that scrolls must take focus so it can be scrolled from the keyboard (axe: scrollable-region-focusable).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={overflow.scrollable ? 0 : undefined}
        ref={box}
      >
        {/* The roles keep the table a table to screen readers while CSS shows its rows as blocks. */}
        <table role="table" className={compact ? 'nhsuk-table-responsive app-table--compact' : 'nhsuk-table-responsive'}>
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden" id={captionId}>
            {caption}
          </caption>
          <thead className="nhsuk-table__head">
            <tr role="row" className="nhsuk-table__row">
              {head.map((heading, index) => (
                <th key={index} role="columnheader" className="nhsuk-table__header" scope="col">
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {rows.map((row) => (
              <tr key={row.key} role="row" className="nhsuk-table__row">
                {row.cells.map((cell, index) => (
                  // eslint-disable-next-line jsx-a11y/no-interactive-element-to-noninteractive-role
                  <td key={index} role="cell" className="nhsuk-table__cell">
                    <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                      {head[index]}{' '}
                    </span>
                    <div className="app-table-responsive__value">{cell}</div>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
