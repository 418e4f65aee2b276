import { request } from '../../api/client';
import { recordAttendanceMutation } from '../../api/conduct';
import { useSubmission } from '../../api/useSubmission';
import type { AttendanceChange } from '../../generated/graphql';
import { attendanceStandingInWords } from '../../vocabulary';
import { ErrorSummary } from '../ErrorSummary';
import { Table } from '../Table';
import { timeInLondon } from './live';
import type { Attendee, Conduct } from './types';

const idPrefix = 'attendance';

function whereabouts(attendee: Attendee): string {
  const standing = attendanceStandingInWords[attendee.standing];
  if (attendee.standing === 'PRESENT' || attendee.standing === 'IN_ATTENDANCE') {
    return attendee.inRoom ? `${standing}, in the room` : `${standing}, left the room`;
  }
  return standing;
}

export function AttendanceSection({ conduct, onChanged }: { conduct: Conduct; onChanged: () => void }) {
  const { errors, submitting, submit } = useSubmission();
  const canConduct = conduct.viewerCanConduct && conduct.stage !== 'MINUTES_APPROVED';

  async function record(attendee: Attendee, change: AttendanceChange) {
    if (submitting || !attendee.personId) return;
    const payload = await submit(async () => {
      const { recordAttendance } = await request(recordAttendanceMutation, {
        input: { meetingId: conduct.meeting.id, personId: attendee.personId, change },
      });
      return recordAttendance;
    });
    if (payload) onChanged();
  }

  function buttons(attendee: Attendee) {
    if (!canConduct || !attendee.personId) return '';
    const here = attendee.inRoom;
    const choices: [AttendanceChange, string][] = here
      ? [['LEFT', 'Left']]
      : [
          ['ARRIVED', 'Arrived'],
          ...(attendee.standing === 'ABSENT' ? ([['APOLOGIES', 'Apologies']] as [AttendanceChange, string][]) : []),
        ];
    return (
      <div className="app-button-row">
        {choices.map(([change, label]) => (
          <button
            key={change}
            type="button"
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
            aria-label={`${label}: ${attendee.name}`}
            onClick={() => void record(attendee, change)}
          >
            {label}
          </button>
        ))}
      </div>
    );
  }

  return (
    <section aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">Attendance</h2>
      <ErrorSummary errors={errors} idPrefix={idPrefix} />
      <Table
        caption="Attendance"
        head={canConduct ? ['Name', 'Role', 'Attendance', 'Record'] : ['Name', 'Role', 'Attendance']}
        rows={conduct.attendance.map((attendee) => ({
          key: attendee.personId ?? attendee.name,
          cells: [
            attendee.name,
            `${attendee.capacity}${attendee.voting ? '' : ' (non-voting)'}`,
            whereabouts(attendee),
            ...(canConduct ? [buttons(attendee)] : []),
          ],
        }))}
      />
      {conduct.movements.length > 0 && (
        <>
          <h3>Arrivals and departures</h3>
          <ul>
            {conduct.movements.map((movement, index) => (
              <li key={index}>
                {timeInLondon(movement.at)}: {movement.name} {movement.movement === 'ARRIVED' ? 'arrived' : 'left'}
                {movement.itemNumber ? ` during item ${movement.itemNumber}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
