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

/**
 * The first instant of a calendar day in England, as an ISO date and time with London's offset:
 * "2026-04-01" → "2026-04-01T00:00:00+01:00", "2026-01-01" → "2026-01-01T00:00:00+00:00".
 * Returns null for anything that is not a real date.
 */
export function londonMidnight(isoDate: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utcMidnight = Date.UTC(year, month - 1, day);
  const date = new Date(utcMidnight);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  // The offset at UTC midnight is London's at its own midnight too, except when the clocks change in
  // between; asking again at the instant found settles that.
  let offset = londonOffsetMinutes(utcMidnight);
  offset = londonOffsetMinutes(utcMidnight - offset * 60000);
  return `${isoDate}T00:00:00${offsetText(offset)}`;
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

/**
 * A time on London's clocks, as a datetime-local field gives it ("2026-07-01T09:30"), as an ISO instant with
 * London's offset: "2026-07-01T09:30:00+01:00". Returns null for anything that is not a real date and time.
 */
export function londonDateTime(local: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  if (hour > 23 || minute > 59) return null;
  const wallClock = Date.UTC(year, month - 1, day, hour, minute);
  const date = new Date(wallClock);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  let offset = londonOffsetMinutes(wallClock);
  offset = londonOffsetMinutes(wallClock - offset * 60000);
  return `${local}:00${offsetText(offset)}`;
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
