const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2024-04-01" → "1 April 2024"; an empty value stays empty. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : longDate.format(date);
}

/** Today's date on the person's own calendar, as the GraphQL Date scalar expects it. */
export function today(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

const london = 'Europe/London';

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: london,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** How far London's clocks are ahead of UTC at this instant, in minutes (0 in winter, 60 in summer). */
function londonOffsetMinutes(instant: number): number {
  const parts: Record<string, number> = {};
  for (const { type, value } of londonParts.formatToParts(new Date(instant))) parts[type] = Number(value);
  const wallClock = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return Math.round((wallClock - Math.floor(instant / 1000) * 1000) / 60000);
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0');
  return `${sign}${hours}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`;
}

function wallClock(isoDate: string, time: string): { utc: number; date: string; time: string } | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const clock = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!day || !clock) return null;
  const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
  const [hour, minute] = [Number(clock[1]), Number(clock[2])];
  if (hour > 23 || minute > 59) return null;
  const utc = Date.UTC(year, month - 1, date, hour, minute);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return null;
  return { utc, date: isoDate, time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}` };
}

/**
 * A date and time on English clocks as an ISO instant with London's offset, as the API's DateTime wants it:
 * ("2026-07-01", "14:00") → "2026-07-01T14:00:00+01:00"; ("2026-01-15", "9:30") → "2026-01-15T09:30:00+00:00".
 * A time the clocks skip in spring is read as GMT. Returns null for anything that is not a real date and time.
 */
export function londonDateTime(isoDate: string, time: string): string | null {
  const wall = wallClock(isoDate, time);
  if (!wall) return null;
  // The offset at the wall-clock time read as UTC is London's at that time too, except when the clocks change in
  // between; asking again at the instant found settles that.
  let offset = londonOffsetMinutes(wall.utc);
  offset = londonOffsetMinutes(wall.utc - offset * 60000);
  return `${wall.date}T${wall.time}:00${offsetText(offset)}`;
}

/**
 * The first instant of a calendar day in England, as an ISO date and time with London's offset:
 * "2026-04-01" → "2026-04-01T00:00:00+01:00", "2026-01-01" → "2026-01-01T00:00:00+00:00".
 * Returns null for anything that is not a real date.
 */
export function londonMidnight(isoDate: string): string | null {
  return londonDateTime(isoDate, '00:00');
}

/** An instant as the date and time English clocks showed: "2026-07-01T13:00:00Z" → { date: "2026-07-01", time: "14:00" }. */
export function londonWallClock(isoDateTime: string): { date: string; time: string } | null {
  const instant = new Date(isoDateTime).getTime();
  if (Number.isNaN(instant)) return null;
  const parts: Record<string, string> = {};
  for (const { type, value } of londonParts.formatToParts(new Date(instant))) parts[type] = value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** "14:00" → "2pm", "09:30" → "9:30am", "12:00" → "midday", "00:00" → "midnight", as the NHS style guide writes times. */
export function formatClockTime(time: string): string {
  const [hour, minute] = time.split(':').map(Number);
  if (minute === 0 && hour === 12) return 'midday';
  if (minute === 0 && hour === 0) return 'midnight';
  const shown = hour % 12 === 0 ? 12 : hour % 12;
  return `${shown}${minute ? `:${String(minute).padStart(2, '0')}` : ''}${hour < 12 ? 'am' : 'pm'}`;
}

/** When an agenda item starts, on English clocks: "2026-07-01T13:05:00Z" → "2:05pm". */
export function formatStartTime(isoDateTime: string | null | undefined): string {
  const wall = isoDateTime ? londonWallClock(isoDateTime) : null;
  return wall ? formatClockTime(wall.time) : '';
}

const londonWeekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: london });

/** "Wednesday 1 July 2026", as the NHS style guide writes a day (Intl puts a comma after the weekday). */
function londonWeekdayDate(isoDateTime: string): string {
  const date = new Date(isoDateTime);
  return `${londonWeekday.format(date)} ${londonLongDate.format(date)}`;
}

/**
 * When a meeting is, on English clocks: "Wednesday 1 July 2026, 2pm to 4pm", or "Wednesday 1 July 2026, 2pm"
 * without an end. An end on another day is given in full.
 */
export function formatMeetingTime(startsAt: string, endsAt?: string | null): string {
  const start = londonWallClock(startsAt);
  if (!start) return startsAt;
  const day = londonWeekdayDate(startsAt);
  const end = endsAt ? londonWallClock(endsAt) : null;
  if (!end) return `${day}, ${formatClockTime(start.time)}`;
  if (end.date === start.date) return `${day}, ${formatClockTime(start.time)} to ${formatClockTime(end.time)}`;
  return `${day}, ${formatClockTime(start.time)} to ${londonWeekdayDate(endsAt!)}, ${formatClockTime(end.time)}`;
}

const londonLongDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: london,
});

/** An instant ("2025-04-01T00:00:00+00:00") as the day it fell on in England: "1 April 2025". */
export function formatLondonDate(isoDateTime: string | null | undefined): string {
  if (!isoDateTime) return '';
  const date = new Date(isoDateTime);
  return Number.isNaN(date.getTime()) ? isoDateTime : londonLongDate.format(date);
}

/** The same calendar day some years on: "2026-04-01" → "2027-04-01" (29 February becomes 28th). */
export function yearsAfter(isoDate: string, years: number): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(year + years, month - 1, day));
  if (date.getUTCDate() !== day) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

/** An instant as London's clocks showed it, for a datetime-local field: "2026-07-01T09:30". */
export function toLondonLocal(instant: Date): string {
  const parts: Record<string, string> = {};
  for (const { type, value } of londonParts.formatToParts(instant)) parts[type] = value;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

const londonDateAndTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
  timeZone: london,
});

/** An instant as London's clocks showed it: "1 July 2026 at 9:30 am". */
export function formatLondonDateTime(isoDateTime: string | null | undefined): string {
  if (!isoDateTime) return '';
  const date = new Date(isoDateTime);
  if (Number.isNaN(date.getTime())) return isoDateTime;
  const parts: Record<string, string> = {};
  for (const { type, value } of londonDateAndTime.formatToParts(date)) parts[type] = value;
  return `${parts.day} ${parts.month} ${parts.year} at ${Number(parts.hour)}:${parts.minute} ${parts.dayPeriod.toLowerCase()}`;
}
