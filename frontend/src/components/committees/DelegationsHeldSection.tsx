import { Link } from 'react-router';
import { formatLondonDate } from '../../dates';
import { CellList, DelegationStatusTag } from '../delegations/DelegationStatusTag';
import { Table } from '../Table';
import type { CommitteeDetail } from './types';

/** The delegations the committee holds: what it may do for another organisation, and until when. */
export function DelegationsHeldSection({ committee }: { committee: CommitteeDetail }) {
  const delegations = committee.delegationsReceived;
  return (
    <section>
      <h2>Delegations held</h2>
      {delegations.length ? (
        <Table
          caption={`Delegations held by ${committee.name}`}
          head={['Delegated by', 'Functions', 'Scope', 'Valid from', 'Valid to', 'Status']}
          rows={delegations.map((delegation) => ({
            key: delegation.id,
            cells: [
              delegation.delegatingOrganisation?.name ?? '',
              <CellList items={delegation.functionDescriptions} />,
              <CellList items={delegation.scope.map((ccg) => `Practices of ${ccg.name}`)} />,
              formatLondonDate(delegation.validFrom),
              formatLondonDate(delegation.validTo),
              <DelegationStatusTag status={delegation.status} />,
            ],
          }))}
        />
      ) : (
        <p>{committee.name} holds no delegations.</p>
      )}
      <p>
        <Link to="/delegations">The register of delegations</Link>
      </p>
    </section>
  );
}
