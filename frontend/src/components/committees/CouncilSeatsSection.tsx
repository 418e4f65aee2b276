import { Table } from '../Table';
import type { CommitteeDetail } from './types';

/** The council of members: one seat per member practice, held by the practice's nominated representative. */
export function CouncilSeatsSection({ committee }: { committee: CommitteeDetail }) {
  return (
    <section>
      <h2>Member practices</h2>
      <p>
        Each member practice has one seat, held by its nominated representative. An administrator names a
        practice’s representative under the organisation’s memberships.
      </p>
      {committee.councilSeats.length ? (
        <Table
          caption={`Member practices of ${committee.name}`}
          head={['Practice', 'ODS code', 'Representative']}
          rows={committee.councilSeats.map((seat, index) => ({
            key: seat.practice?.id ?? `seat-${index}`,
            cells: [
              seat.practice?.name ?? '',
              seat.practice?.odsCode ?? '',
              seat.representative?.name ?? 'No representative nominated',
            ],
          }))}
        />
      ) : (
        <p>No practice has a representative yet.</p>
      )}
    </section>
  );
}
