import { useState } from 'react';
import { type FormError, onFields, request, toFormErrors } from '../../api/client';
import { endSeatMutation, withdrawSeatMutation } from '../../api/committees';
import { formatDate, today } from '../../dates';
import { memberCategoryInWords } from '../../vocabulary';
import { ErrorSummary } from '../ErrorSummary';
import { Confirmation } from '../messages';
import { Table } from '../Table';
import { AddSeatForm } from './AddSeatForm';
import type { CommitteeDetail, SeatDetail } from './types';

function personName(seat: SeatDetail): string {
  return seat.person?.name ?? 'Someone whose record you cannot see';
}

interface SeatsTableProps {
  caption: string;
  seats: SeatDetail[];
  joint: boolean;
  onEnd?: (seat: SeatDetail) => void;
  onWithdraw?: (seat: SeatDetail) => void;
}

function SeatButton({ label, seat, onClick }: { label: string; seat: SeatDetail; onClick: () => void }) {
  return (
    <button
      type="button"
      className="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-table-button"
      onClick={onClick}
    >
      {label}
      <span className="nhsuk-u-visually-hidden">
        {' '}
        {personName(seat)}’s seat as {seat.title.toLowerCase()}
      </span>
    </button>
  );
}

function SeatsTable({ caption, seats, joint, onEnd, onWithdraw }: SeatsTableProps) {
  const now = today();
  return (
    <Table
      caption={caption}
      head={[
        'Person',
        'Seat',
        'Voting',
        'Category',
        ...(joint ? ['Party'] : []),
        'From',
        'To',
        ...(onEnd ? [<span className="nhsuk-u-visually-hidden">Actions</span>] : []),
      ]}
      rows={seats.map((seat) => ({
        key: seat.id,
        cells: [
          personName(seat),
          seat.title,
          seat.voting ? 'Yes' : 'No',
          memberCategoryInWords[seat.category],
          ...(joint ? [seat.party?.name ?? ''] : []),
          formatDate(seat.validFrom),
          formatDate(seat.validTo),
          ...(onEnd
            ? [
                <>
                  {(!seat.validTo || seat.validTo > now) && (
                    <SeatButton label="End" seat={seat} onClick={() => onEnd(seat)} />
                  )}
                  {seat.canBeWithdrawn && onWithdraw && (
                    <SeatButton label="Withdraw" seat={seat} onClick={() => onWithdraw(seat)} />
                  )}
                </>,
              ]
            : []),
        ],
      }))}
    />
  );
}

interface SeatsSectionProps {
  committee: CommitteeDetail;
  onChanged: () => void;
}

/** The committee's members: who sits on it now, who sat on it before, and, for its managers, seat changes. */
export function SeatsSection({ committee, onChanged }: SeatsSectionProps) {
  const [endErrors, setEndErrors] = useState<FormError[]>([]);
  const [ended, setEnded] = useState<string | null>(null);
  const now = today();
  const current = committee.seats.filter((seat) => !seat.validTo || seat.validTo >= now);
  const past = committee.seats.filter((seat) => seat.validTo && seat.validTo < now);
  const canManage = committee.viewerCanManage;

  async function end(seat: SeatDetail) {
    setEnded(null);
    try {
      const { endSeat } = await request(endSeatMutation, { input: { id: seat.id, validTo: today() } });
      setEndErrors(onFields(endSeat.errors, {}));
      if (!endSeat.errors.length) {
        setEnded(`Ended ${personName(seat)}’s seat as ${seat.title.toLowerCase()} from today.`);
        onChanged();
      }
    } catch (problem) {
      setEndErrors(toFormErrors(problem));
    }
  }

  async function withdraw(seat: SeatDetail) {
    setEnded(null);
    try {
      const { withdrawSeat } = await request(withdrawSeatMutation, { input: { id: seat.id } });
      setEndErrors(onFields(withdrawSeat.errors, {}));
      if (!withdrawSeat.errors.length) {
        setEnded(`Withdrew ${personName(seat)}’s seat as ${seat.title.toLowerCase()}, entered by mistake today.`);
        onChanged();
      }
    } catch (problem) {
      setEndErrors(toFormErrors(problem));
    }
  }

  return (
    <section>
      <h2>Members</h2>
      <ErrorSummary errors={endErrors} idPrefix="end-seat" />
      {current.length ? (
        <SeatsTable
          caption={`Members of ${committee.name}`}
          seats={current}
          joint={committee.isJoint}
          onEnd={canManage ? end : undefined}
          onWithdraw={canManage ? withdraw : undefined}
        />
      ) : (
        <p>{committee.name} has no members yet.</p>
      )}
      <Confirmation>{ended}</Confirmation>
      {past.length > 0 && (
        <>
          <h3>Past members</h3>
          <SeatsTable caption={`Past members of ${committee.name}`} seats={past} joint={committee.isJoint} />
        </>
      )}
      {canManage && committee.kind !== 'COUNCIL_OF_MEMBERS' && committee.host && (
        <AddSeatForm committee={committee} host={committee.host} onAdded={onChanged} />
      )}
    </section>
  );
}
