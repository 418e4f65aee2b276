import type { DelegationStatus } from '../../generated/graphql';
import { delegationStatusColour, delegationStatusInWords } from '../../vocabulary';

export function DelegationStatusTag({ status }: { status: DelegationStatus }) {
  return (
    <strong className={`nhsuk-tag nhsuk-tag--${delegationStatusColour[status]}`}>
      {delegationStatusInWords[status]}
    </strong>
  );
}

/** Several short items in one table cell, one to a line. */
export function CellList({ items }: { items: readonly string[] }) {
  if (items.length === 1) return <>{items[0]}</>;
  return (
    <ul className="nhsuk-list app-cell-list">
      {items.map((item, index) => (
        <li key={index}>{item}</li>
      ))}
    </ul>
  );
}
