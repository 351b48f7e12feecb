/**
 * When a test result expires: a port of `add_period` in upstream `Tests/scs_cert_lib.py`,
 * which implements Regulations 2 and 3 of scs-0004-v1 (results have a lifetime; a subject
 * must re-test before it ends). Upstream returns the moment of expiry, always a midnight,
 * so on calendar days: the result is valid on every day before the returned day and
 * expired from that day on.
 */
import { z } from 'zod';
import { addDays, type Day } from '../days/day.ts';

/** A testcase's `lifetime` in a scope file; absent means `week`. */
export const Lifetime = z.enum(['day', 'week', 'month', 'quarter', 'year']);
export type Lifetime = z.output<typeof Lifetime>;

/** Monday 0 … Sunday 6, as Python's `datetime.weekday()`. */
function weekday(day: Day): number {
  const [y, m, d] = [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
  // setUTCFullYear, not the constructor: Date maps years 0–99 to 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return (date.getUTCDay() + 6) % 7;
}

function firstOf(year: number, month: number): Day {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
}

/** The first day on which a result checked on `checked` (its calendar day) has expired. */
export function expiryDay(checked: Day, lifetime: Lifetime | null): Day {
  const year = Number(checked.slice(0, 4));
  const month = Number(checked.slice(5, 7));
  switch (lifetime ?? 'week') {
    case 'day':
      return addDays(checked, 2);
    case 'week':
      // midnight of the Monday after the check day + 7 days
      return addDays(checked, 14 - weekday(checked));
    case 'month':
      return month >= 11 ? firstOf(year + 1, month - 10) : firstOf(year, month + 2);
    case 'quarter':
      return month >= 10
        ? firstOf(year + 1, 4)
        : month >= 7
          ? firstOf(year + 1, 1)
          : month >= 4
            ? firstOf(year, 10)
            : firstOf(year, 7);
    case 'year':
      return month >= 11 ? firstOf(year + 2, month - 10) : firstOf(year + 1, month + 2);
  }
}
