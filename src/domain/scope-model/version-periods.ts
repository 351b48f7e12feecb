/**
 * A scope version's periods, whichever source gives them: the timeline of the scope file
 * (scs-0003-v1), or for a version only its document knows, the document's own dates (draft
 * until `stabilized_at`, effective until `deprecated_at`, deprecated from then). The one
 * answer for the scope pages, the CLI and readiness.
 */
import type { Day } from '../days/day.ts';
import type { Scope } from '../schemas/data.ts';
import type { TimelineEntry } from '../schemas/scope-file.ts';
import { fullTimeline } from '../scopes/scopes.ts';
import { periodOn, periodsOf, type Period } from '../scopes/validity.ts';

/** The periods of `version`; `timeline` defaults to the scope's whole known timeline. */
export function versionPeriods(
  scope: Pick<Scope, 'facts' | 'timeline' | 'revisions'>,
  version: string,
  timeline: readonly TimelineEntry[] = fullTimeline(scope),
): Period[] {
  const facts = scope.facts.find((f) => f.name === version);
  if (facts?.periodsFrom === 'document') return facts.periods.map((p) => ({ ...p }));
  return periodsOf(timeline, version);
}

/** The period of `version` that holds `day`. */
export function versionPeriodOn(
  scope: Pick<Scope, 'facts' | 'timeline' | 'revisions'>,
  version: string,
  day: Day,
  timeline?: readonly TimelineEntry[],
): Period {
  return periodOn(versionPeriods(scope, version, timeline), day);
}
