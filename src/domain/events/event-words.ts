/**
 * The words of every dated change, in one place, so that the site, the CLI, the RSS items
 * and the calendar summaries say the same thing the same way: "IaaS v4 enters its warn
 * period on 2025-02-01", "IaaS v4 can no longer be certified from 2025-07-01",
 * "scs-0214-v2 (…) becomes Stable on 2024-11-21". Validities are scs-0003-v1's, document
 * states scs-0001-v1's (with their capital letter, as the documents write them). Version
 * names are the scope file's own (`v5.1`, `next`), as on the site.
 */
import type { Day } from '../days/day.ts';
import type { DocumentStatus } from '../schemas/front-matter.ts';
import type { Validity } from '../schemas/validity.ts';

/** What a scope version does on the day it reaches a validity (scs-0003-v1), and the preposition before that day. */
const VALIDITY_WORDS: Record<Validity, { phrase: string; past: string; before: 'on' | 'from' }> = {
  draft: { phrase: 'becomes a draft', past: 'became a draft', before: 'on' },
  effective: { phrase: 'becomes effective', past: 'became effective', before: 'on' },
  warn: { phrase: 'enters its warn period', past: 'entered its warn period', before: 'on' },
  deprecated: { phrase: 'can no longer be certified', past: 'could no longer be certified', before: 'from' },
};

/** What a document does on its lifecycle date (scs-0001-v1). */
const STATE_WORDS: Record<DocumentStatus, { phrase: string; past: string; before: 'on' | 'from' }> = {
  Draft: { phrase: 'becomes a Draft', past: 'became a Draft', before: 'on' },
  Stable: { phrase: 'becomes Stable', past: 'became Stable', before: 'on' },
  Deprecated: { phrase: 'becomes Deprecated', past: 'became Deprecated', before: 'on' },
  Rejected: { phrase: 'is rejected', past: 'was rejected', before: 'on' },
};

export type Change = { validity: Validity; state?: undefined } | { state: DocumentStatus; validity?: undefined };

function wordsOf(change: Change) {
  return change.validity !== undefined ? VALIDITY_WORDS[change.validity] : STATE_WORDS[change.state];
}

/** `enters its warn period`, `becomes Stable`: what the subject does, without subject or day. */
export function changePhrase(change: Change): string {
  return wordsOf(change).phrase;
}

/** `IaaS v4 enters its warn period` (no date: a calendar shows the day itself). */
export function transitionPhrase(subject: string, change: Change): string {
  return `${subject} ${changePhrase(change)}`;
}

/** What follows the subject: `enters its warn period on 2025-02-01`, `can no longer be certified from 2025-07-01`. */
export function transitionPredicate(change: Change, day: Day): string {
  const w = wordsOf(change);
  return `${w.phrase} ${w.before} ${day}`;
}

/** `IaaS v4 enters its warn period on 2025-02-01`, `IaaS v4 can no longer be certified from 2025-07-01`. */
export function transitionTitle(subject: string, change: Change, day: Day): string {
  return `${subject} ${transitionPredicate(change, day)}`;
}

/** The same in the past tense, for a date that was already past when it was recorded. */
export function pastTitle(subject: string, change: Change, day: Day): string {
  const w = wordsOf(change);
  return `${subject} ${w.past} ${w.before} ${day}`;
}

/** A correction: `IaaS v4 enters its warn period on 2025-02-01 instead of 2025-01-01`. */
export function movedTitle(subject: string, change: Change, day: Day, previous: Day): string {
  return `${transitionTitle(subject, change, day)} instead of ${previous}`;
}

/** `Withdrawn: IaaS v5.1 enters its warn period on 2026-11-01`. */
export function withdrawnTitle(subject: string, change: Change, previous: Day): string {
  return `Withdrawn: ${transitionTitle(subject, change, previous)}`;
}

/** A change to a scope's timeline, after its subject, as a list names it (the report): announced, moved, withdrawn, added. */
export function timelineChangePredicate(c: {
  kind: 'announced' | 'moved' | 'withdrawn' | 'version-added';
  validity: Validity | null;
  target: Day | null;
  previous: Day | null;
}): string {
  if (c.kind === 'version-added' || c.validity === null) return 'is a new scope version';
  if (c.kind === 'withdrawn')
    return `${transitionPredicate({ validity: c.validity }, c.previous ?? c.target ?? '')}: withdrawn`;
  const now = transitionPredicate({ validity: c.validity }, c.target ?? '');
  return c.kind === 'moved' ? `${now} instead of ${c.previous}` : now;
}

/** `New scope version: IaaS v5.1`. */
export function versionAddedTitle(subject: string): string {
  return `New scope version: ${subject}`;
}

/** `New document: scs-0219-v2 (…), a Draft`. */
export function documentAddedTitle(subject: string, state: DocumentStatus | null): string {
  return `New document: ${subject}${state ? `, ${state === 'Draft' ? 'a Draft' : state}` : ''}`;
}
