/** A month on the calendar: 1 = January. */
export interface Month {
  year: number;
  month: number;
}

export interface CalendarDay {
  /** "2026-07-01" */
  date: string;
  inMonth: boolean;
}

function isoDate(utc: Date): string {
  return utc.toISOString().slice(0, 10);
}

/** The month's weeks, Monday first, padded with the days of the months either side. */
export function monthGrid({ year, month }: Month): CalendarDay[][] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const mondayBefore = new Date(first);
  mondayBefore.setUTCDate(1 - ((first.getUTCDay() + 6) % 7));
  const weeks: CalendarDay[][] = [];
  const day = mondayBefore;
  do {
    const week: CalendarDay[] = [];
    for (let weekday = 0; weekday < 7; weekday += 1) {
      week.push({ date: isoDate(day), inMonth: day.getUTCMonth() === month - 1 });
      day.setUTCDate(day.getUTCDate() + 1);
    }
    weeks.push(week);
  } while (day.getUTCMonth() === month - 1);
  return weeks;
}

export function shiftMonth({ year, month }: Month, by: number): Month {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function monthOf(isoDay: string): Month {
  const [year, month] = isoDay.split('-').map(Number);
  return { year, month };
}

/** The month to open the calendar at: that of the next meeting from today, else of the last one, else today's. */
export function openingMonth(meetingDays: readonly string[], today: string): Month {
  const sorted = [...meetingDays].sort();
  const next = sorted.find((day) => day >= today);
  return monthOf(next ?? sorted[sorted.length - 1] ?? today);
}

const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

export function monthInWords({ year, month }: Month): string {
  return monthName.format(new Date(Date.UTC(year, month - 1, 1)));
}

/**
 * The committee's iCalendar feed, /committees/<uuid>/calendar.ics. The API gives no link to it, but a Quorum ID is
 * base64url of "Committee:<uuid>"; anything else gives null and the page offers no feed.
 */
export function committeeCalendarUrl(committeeId: string): string | null {
  try {
    const padded = committeeId.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (committeeId.length % 4)) % 4);
    const match = /^Committee:([0-9a-f-]{36})$/i.exec(atob(padded));
    return match ? `/committees/${match[1]}/calendar.ics` : null;
  } catch {
    return null;
  }
}
