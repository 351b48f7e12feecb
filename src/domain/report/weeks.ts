/**
 * The weeks of the SIG Standards/Certification's call: one report per call, from the previous
 * call day to the call day, both included (`report --since 2024-11-14 --until 2024-11-21`, the
 * call of 2024-11-21). A change landed on a call day is in two reports: after the one call and
 * before the next, as the SIG sees it. Weeks reach from the data's first day to its end
 * (pullsAsOf): a week that ends after the data is not a week the data can tell.
 */
import { addDays, dayOfTimestamp, minDay, weekdayOf, type Day } from '../days/day.ts';
import { dataEnd } from '../pulls/data-end.ts';
import type { Dataset, Meta } from '../schemas/data.ts';

/** The call is on Thursdays (weekday 4). */
export const CALL_WEEKDAY = 4;

export interface CallWeek {
  /** The previous call day. */
  since: Day;
  /** The call day; the week's name in addresses (`/report/weeks/2024-11-21/`). */
  until: Day;
}

/** The calls whose day lies in `first`..`last`, oldest first. */
export function callWeeks(first: Day, last: Day, weekday = CALL_WEEKDAY): CallWeek[] {
  const out: CallWeek[] = [];
  let until = addDays(first, (weekday - weekdayOf(first) + 7) % 7);
  for (; until <= last; until = addDays(until, 7)) out.push({ since: addDays(until, -7), until });
  return out;
}

/** The first day the data says anything about: a document change, a scope revision, a pull request opened. */
export function dataStart(dataset: Pick<Dataset, 'documents' | 'scopes' | 'pulls'>): Day | null {
  let start: Day | null = null;
  const see = (day: Day) => {
    start = start === null ? day : minDay(start, day);
  };
  for (const d of dataset.documents) for (const h of d.history) see(h.date);
  for (const s of dataset.scopes) for (const r of s.revisions) see(r.date);
  for (const p of dataset.pulls) if (p.createdAt !== null) see(dayOfTimestamp(p.createdAt));
  return start;
}

type WeeksData = Pick<Dataset, 'documents' | 'scopes' | 'pulls'> & { meta: Pick<Meta, 'pullsAsOf'> };

function allWeeks(dataset: WeeksData): CallWeek[] {
  const start = dataStart(dataset);
  return start === null ? [] : callWeeks(start, dataEnd(dataset.meta));
}

/** The call weeks of the data that get a page, oldest first: the newest `max` (MAX_REPORT_WEEKS, parse/caps.ts). */
export function reportWeeks(dataset: WeeksData, max: number): CallWeek[] {
  const all = allWeeks(dataset);
  return all.slice(Math.max(0, all.length - max));
}

/** The older call weeks of the data that get no page (0 within the cap), and the first of them. */
export function omittedWeeks(dataset: WeeksData, max: number): { count: number; first: Day | null } {
  const all = allWeeks(dataset);
  const count = Math.max(0, all.length - max);
  return { count, first: count > 0 ? all[0]!.until : null };
}

/** The week before and after `until` in `weeks` (null at either end), for previous/next links. */
export function neighbours(
  weeks: readonly CallWeek[],
  until: Day,
): { previous: CallWeek | null; next: CallWeek | null } {
  const i = weeks.findIndex((w) => w.until === until);
  if (i < 0) return { previous: null, next: null };
  return { previous: weeks[i - 1] ?? null, next: weeks[i + 1] ?? null };
}
