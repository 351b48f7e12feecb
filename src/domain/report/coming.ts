/**
 * What is coming, beside what is due (events/due.ts): so that a day with nothing announced
 * for the due view's window does not dead-end. The draft scope versions in preparation with
 * their readiness (readiness.ts), and, when nothing is announced, each scope's latest
 * certification change and how far ahead it was announced.
 *
 * Proposed dates from open pull requests belong here too; they are not computed in this
 * module (see the `proposals` slot of src/components/due/Coming.tsx).
 */
import { type Day } from '../days/day.ts';
import type { DueTransition, DueView } from '../events/due.ts';
import { dataEnd } from '../pulls/data-end.ts';
import type { Dataset } from '../schemas/data.ts';
import { draftReadiness, type Readiness } from './readiness.ts';

export interface Coming {
  day: Day;
  /** No transition is announced in the due view's window (`horizonDays` from `day`). */
  nothingAhead: boolean;
  horizonDays: number;
  /** Each draft scope version on `day`, as the data stood then. */
  drafts: Readiness[];
  /** Where the data ends (pull requests as of): readiness past it counts pull requests of that day. */
  dataEnd: Day;
  /** `day` is after `dataEnd`: what happened since is not in the data. */
  pastDataEnd: boolean;
  /** Only when nothing is ahead: per scope, its latest certification change (DueView's `latest`). */
  latest: DueTransition[];
}

/** `due`: the due view of the same day (home: knownOn null; as-of: knownOn the day). */
export function comingView(full: Dataset, due: DueView): Coming {
  const end = dataEnd(full.meta);
  const nothingAhead = due.next.length === 0;
  return {
    day: due.day,
    nothingAhead,
    horizonDays: due.horizonDays,
    drafts: draftReadiness(full, due.day),
    dataEnd: end,
    pastDataEnd: due.day > end,
    latest: nothingAhead ? due.latest : [],
  };
}

/** Whether there is anything to show: drafts in preparation, or a day with nothing announced. */
export function hasComing(coming: Coming): boolean {
  return coming.drafts.length > 0 || coming.nothingAhead;
}
