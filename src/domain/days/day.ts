/**
 * Calendar days as `YYYY-MM-DD` strings.
 *
 * Every lifecycle date in the standards repository is a calendar day, not an instant
 * (scs-0001-v1 `stabilized_at`, scs-0003-v1 timeline `date`). They are compared as
 * strings and computed on in UTC only, so no local time zone can move them.
 */
import { UTCDate } from '@date-fns/utc';
// Per-function entry points: the package index loads every date-fns module (seconds at start-up).
import { addDays as addDaysUtc } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { z } from 'zod';

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * True for a real calendar day in `YYYY-MM-DD` form (rejects 2024-02-30). Plain arithmetic
 * (Gregorian leap years), no Date: the sync checks every date of every revision with it.
 */
export function isDay(value: string): boolean {
  const m = DAY_PATTERN.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo - 1]!);
}

/**
 * The days the project handles, from upstream, the command line and the build alike. The
 * charts draw up to half a year past the last date, the feeds turn days into instants and
 * `upcoming --days` adds up to 99 999 days: from any day in this range all of that stays
 * within four-digit years, where `YYYY-MM-DD` and Date agree. Real lifecycle dates are
 * decades inside it; a date outside is a typo or an attack, refused with this range named.
 */
export const FIRST_DAY = '1970-01-01';
export const LAST_DAY = '9000-12-31';
export const DAY_RANGE = `a day from ${FIRST_DAY} to ${LAST_DAY}`;

export function inDayRange(day: string): boolean {
  return day >= FIRST_DAY && day <= LAST_DAY;
}

/** A calendar day, `YYYY-MM-DD`, within FIRST_DAY…LAST_DAY. */
export const Day = z.string().superRefine((value, ctx) => {
  if (!isDay(value)) ctx.addIssue({ code: 'custom', input: value, message: 'expected a calendar day YYYY-MM-DD' });
  else if (!inDayRange(value)) ctx.addIssue({ code: 'custom', input: value, message: `expected ${DAY_RANGE}` });
});
export type Day = z.output<typeof Day>;

function toUtc(day: Day): UTCDate {
  const m = DAY_PATTERN.exec(day);
  if (!m) throw new RangeError(`not a calendar day: ${JSON.stringify(day)}`);
  // setUTCFullYear, not the constructor: Date maps years 0–99 to 1900–1999.
  const date = new UTCDate(0);
  date.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return date;
}

/**
 * Midnight UTC of a calendar day as a plain Date: the one instant that formats back to the
 * same day in UTC (what the calendars and feeds write).
 */
export function utcMidnight(day: Day): Date {
  return new Date(toUtc(day).getTime());
}

function format(date: Date): Day {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

export function addDays(day: Day, n: number): Day {
  return format(addDaysUtc(toUtc(day), n));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: Day, to: Day): number {
  return differenceInCalendarDays(toUtc(to), toUtc(from));
}

/** The UTC calendar day of an instant; used only for "today" at build or run time. */
export function utcDayOf(instant: Date): Day {
  return instant.toISOString().slice(0, 10);
}

/**
 * "Today" for the site and the CLI: `SCS_TODAY` when it is set (so a build or an answer can be
 * reproduced for any day), else the UTC date of `now`. Throws a RangeError for a value that is
 * not a calendar day or out of range.
 */
export function todayOf(scsToday: string | undefined, now: Date): Day {
  if (scsToday === undefined || scsToday === '') return utcDayOf(now);
  if (!isDay(scsToday))
    throw new RangeError(`SCS_TODAY ${JSON.stringify(scsToday)} is not a calendar day; expected YYYY-MM-DD`);
  if (!inDayRange(scsToday)) throw new RangeError(`SCS_TODAY ${scsToday} is out of range; expected ${DAY_RANGE}`);
  return scsToday;
}

/**
 * The calendar day written in an ISO 8601 timestamp, in the offset it was written with.
 * `2024-11-26T00:12:00+01:00` is 2024-11-26: the day the committer saw, never shifted to UTC.
 */
export function dayOfTimestamp(timestamp: string): Day {
  const day = timestamp.slice(0, 10);
  if (!isDay(day)) throw new RangeError(`not an ISO 8601 timestamp: ${JSON.stringify(timestamp)}`);
  return day;
}

/** The first day of the month a day falls in. */
export function startOfMonth(day: Day): Day {
  return `${day.slice(0, 7)}-01`;
}

/** The first day of the quarter a day falls in: `2024-12-19` → `2024-10-01`. */
export function startOfQuarter(day: Day): Day {
  const month = Number(day.slice(5, 7));
  const q = Math.floor((month - 1) / 3) * 3 + 1;
  return `${day.slice(0, 4)}-${String(q).padStart(2, '0')}-01`;
}

/** The quarter a day falls in, as a label: `2024-12-19` → `2024-Q4`. */
export function quarterOf(day: Day): string {
  return `${day.slice(0, 4)}-Q${(Number(startOfQuarter(day).slice(5, 7)) - 1) / 3 + 1}`;
}

export function addMonths(day: Day, n: number): Day {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 + n;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-01`;
}

export function minDay(a: Day, b: Day): Day {
  return a <= b ? a : b;
}

export function maxDay(a: Day, b: Day): Day {
  return a >= b ? a : b;
}

/** The day of the week, 0 (Sunday) to 6 (Saturday), of the calendar day (not of any time zone). */
export function weekdayOf(day: Day): number {
  return toUtc(day).getUTCDay();
}

/** Every day from `from` to `to`, both included. */
export function eachDay(from: Day, to: Day): Day[] {
  const out: Day[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}
