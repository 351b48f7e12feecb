/**
 * Where the pull-request data ends. A view that counts over time (the report's week, the
 * last four weeks, staleness, charts) counts up to this day and no further: past it nothing
 * is measured, so a zero there would be a claim the data cannot make.
 */
import { dayOfTimestamp, maxDay, minDay, type Day } from '../days/day.ts';
import type { Meta, PullRequest } from '../schemas/data.ts';

/**
 * The day the pull-request data reaches: its newest timestamp, and at least the day of the
 * upstream head (pull requests read from commit messages are as new as the commits).
 */
export function pullsDataEnd(
  pulls: readonly Pick<PullRequest, 'createdAt' | 'updatedAt' | 'mergedAt' | 'closedAt'>[],
  headDay: Day,
): Day {
  let end = headDay;
  for (const p of pulls) {
    for (const stamp of [p.createdAt, p.updatedAt, p.mergedAt, p.closedAt])
      if (stamp !== null) end = maxDay(end, dayOfTimestamp(stamp));
  }
  return end;
}

/** The last day the data says anything about: the pull-request data's date. */
export function dataEnd(meta: Pick<Meta, 'pullsAsOf'>): Day {
  return meta.pullsAsOf;
}

/** The day a view for `today` is measured on: `today`, or the data's end when that is earlier. */
export function measuredDay(today: Day, meta: Pick<Meta, 'pullsAsOf'>): Day {
  return minDay(today, dataEnd(meta));
}

/** How much of `since`..`until` the data covers: up to `covered` (null: none of it). */
export interface Coverage {
  pullsAsOf: Day;
  covered: Day | null;
}

export function coverageOf(period: { since: Day; until: Day }, meta: Pick<Meta, 'pullsAsOf'>): Coverage {
  const end = dataEnd(meta);
  return { pullsAsOf: end, covered: period.since > end ? null : minDay(period.until, end) };
}
