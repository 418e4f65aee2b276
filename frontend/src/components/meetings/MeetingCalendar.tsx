import { useState } from 'react';
import { Link } from 'react-router';
import { formatClockTime, londonWallClock, today } from '../../dates';
import type { CameFrom } from './MeetingsTable';
import { type Month, monthGrid, monthInWords, openingMonth, shiftMonth } from './calendarMonth';

export interface CalendarMeeting {
  id: string;
  title: string;
  startsAt: string;
  cancelledAt?: string | null;
}

const weekdays = [
  ['Mon', 'Monday'],
  ['Tue', 'Tuesday'],
  ['Wed', 'Wednesday'],
  ['Thu', 'Thursday'],
  ['Fri', 'Friday'],
  ['Sat', 'Saturday'],
  ['Sun', 'Sunday'],
];

/** "10:30am", allowed to break before "am" so a narrow day column wraps it cleanly rather than mid-number. */
function ClockTime({ time }: { time: string }) {
  const words = formatClockTime(time);
  const suffix = /(am|pm)$/.exec(words)?.[0] ?? '';
  return (
    <>
      {words.slice(0, words.length - suffix.length)}
      {suffix && <wbr />}
      {suffix}
    </>
  );
}

interface MeetingCalendarProps {
  meetings: readonly CalendarMeeting[];
  /** Where a meeting's link goes. */
  linkTo: (meeting: CalendarMeeting) => string;
  label: string;
  cameFrom?: CameFrom;
}

/** A month of meetings, Monday first; each meeting a link, the months changed with buttons. */
export function MeetingCalendar({ meetings, linkTo, label, cameFrom }: MeetingCalendarProps) {
  const days = new Map<string, { meeting: CalendarMeeting; time: string }[]>();
  for (const meeting of meetings) {
    const wall = londonWallClock(meeting.startsAt);
    if (!wall) continue;
    days.set(wall.date, [...(days.get(wall.date) ?? []), { meeting, time: wall.time }]);
  }
  const [month, setMonth] = useState<Month | null>(null);
  const shown = month ?? openingMonth([...days.keys()], today());
  const name = monthInWords(shown);
  const inMonth = [...days.keys()].filter((day) => day.startsWith(`${shown.year}-${String(shown.month).padStart(2, '0')}`));
  const count = inMonth.reduce((total, day) => total + (days.get(day)?.length ?? 0), 0);

  return (
    <div className="app-calendar">
      <div className="app-calendar__controls">
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
          onClick={() => setMonth(shiftMonth(shown, -1))}
        >
          Previous month<span className="nhsuk-u-visually-hidden"> ({monthInWords(shiftMonth(shown, -1))})</span>
        </button>
        <p className="app-calendar__month" aria-live="polite">
          {name}
          <span className="nhsuk-u-visually-hidden">
            , {count === 0 ? 'no meetings' : count === 1 ? 'one meeting' : `${count} meetings`}
          </span>
        </p>
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
          onClick={() => setMonth(shiftMonth(shown, 1))}
        >
          Next month<span className="nhsuk-u-visually-hidden"> ({monthInWords(shiftMonth(shown, 1))})</span>
        </button>
      </div>
      <table className="app-calendar__table">
        <caption className="nhsuk-u-visually-hidden">
          {label}, {name}
        </caption>
        <thead>
          <tr>
            {weekdays.map(([short, long]) => (
              <th key={short} scope="col">
                <abbr title={long}>{short}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthGrid(shown).map((week) => (
            <tr key={week[0].date}>
              {week.map((day) => {
                const held = day.inMonth ? (days.get(day.date) ?? []) : [];
                return (
                  <td
                    key={day.date}
                    className={[
                      'app-calendar__day',
                      !day.inMonth && 'app-calendar__day--outside',
                      held.length > 0 && 'app-calendar__day--meeting',
                    ]
                      .filter(Boolean)
                      .join(' ')}
                  >
                    <span className="app-calendar__date">{day.inMonth ? Number(day.date.slice(8)) : ''}</span>
                    {held.map(({ meeting, time }) => (
                      <Link
                        key={meeting.id}
                        className="app-calendar__meeting"
                        to={linkTo(meeting)}
                        state={cameFrom && { cameFrom }}
                      >
                        {meeting.cancelledAt ? (
                          <s>
                            <ClockTime time={time} />
                          </s>
                        ) : (
                          <ClockTime time={time} />
                        )}
                        <span className="nhsuk-u-visually-hidden">
                          {' '}
                          on {Number(day.date.slice(8))} {name}: {meeting.title}
                          {meeting.cancelledAt && ' (cancelled)'}
                        </span>
                      </Link>
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
