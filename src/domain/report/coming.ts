/**
 * What is coming, beside what is due (events/due.ts): so that a day with nothing announced
 * for the due view's window does not dead-end. The draft scope versions in preparation with
 * their readiness (readiness.ts), and, when nothing is announced, each scope's latest
 * certification change and how far ahead it was announced.
 *
 * And the dates that pull requests open on the day propose (events/proposals.ts), kept apart
 * from the announced ones: only a timeline on `main` announces (scs-0003-v1).
 */
import { type Day } from '../days/day.ts';
import type { DueTransition, DueView } from '../events/due.ts';
import { proposalsKnown, proposalsOn, proposedTransitions, type ProposedTransition } from '../events/proposals.ts';
import { dataEnd, measuredDay } from '../pulls/data-end.ts';
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
  proposed: ComingProposals;
}

/** What the pull requests open on a day propose: the dated scope transitions from `day` on. */
export interface ComingProposals {
  /** The day they were open on: `day`, or the data's end when that is earlier. */
  openOn: Day;
  /** Whether the data can say which were open (events/proposals.ts `proposalsKnown`). */
  known: boolean;
  transitions: ProposedTransition[];
  /** How many other open pull requests propose something without a date ahead (versions, documents' dates). */
  others: number;
}

function comingProposals(full: Dataset, day: Day): ComingProposals {
  const openOn = measuredDay(day, full.meta);
  const all = proposalsOn(full, openOn);
  const transitions = proposedTransitions(all, day);
  const dated = new Set(transitions.map((t) => t.pr));
  return {
    openOn,
    known: proposalsKnown(full.meta),
    transitions,
    others: all.filter((p) => !dated.has(p.pr)).length,
  };
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
    proposed: comingProposals(full, due.day),
  };
}

/** Whether there is anything to show: drafts in preparation, proposed dates, or a day with nothing announced. */
export function hasComing(coming: Coming): boolean {
  return coming.drafts.length > 0 || coming.nothingAhead || coming.proposed.transitions.length > 0;
}
