/**
 * Data age: whether the data is outdated for the day a page is built for. Not to be confused
 * with a pull request being *stale* (progress.ts: no update for 30 days before the data's end),
 * which says something about the pull request, not about the export. Two ages, kept apart: when
 * the data was last checked against upstream (a failing sync shows here), and how old the
 * newest upstream commit is (a quiet upstream shows here, and is no fault). The site warns
 * on the first when it is known; only a build that does not know it falls back to the second.
 */
import { daysBetween, type Day } from './day.ts';

/** Days the data is older than `today`, when that is more than `limit`; else null. */
export function outdatedDays(dataDate: Day, today: Day, limit: number): number | null {
  const age = daysBetween(dataDate, today);
  return age > limit ? age : null;
}

export interface DataAge {
  /** Days from the newest upstream commit to the build day (negative for a build of a past day). */
  headDays: number;
  /** Days since the last successful check, when known. */
  checkedDays: number | null;
  /** The warning to show: the check is older than its limit, or (check unknown) the head is. */
  warning: { kind: 'checked' | 'head'; days: number } | null;
}

export function dataAge(
  headDate: Day,
  lastChecked: Day | null,
  today: Day,
  limits: { checked: number; head: number },
): DataAge {
  const headDays = daysBetween(headDate, today);
  if (lastChecked === null) {
    const stale = outdatedDays(headDate, today, limits.head);
    return { headDays, checkedDays: null, warning: stale === null ? null : { kind: 'head', days: stale } };
  }
  const stale = outdatedDays(lastChecked, today, limits.checked);
  return {
    headDays,
    checkedDays: daysBetween(lastChecked, today),
    warning: stale === null ? null : { kind: 'checked', days: stale },
  };
}
