/**
 * Whether the upstream data is too old for the day a page is built for: the site warns
 * when the newest upstream commit is more than `limit` days before the build day, because
 * dates announced since then are missing from every view.
 */
import { daysBetween, type Day } from './day.ts';

/** Days the data is older than `today`, when that is more than `limit`; else null. */
export function staleDays(dataDate: Day, today: Day, limit: number): number | null {
  const age = daysBetween(dataDate, today);
  return age > limit ? age : null;
}
