/**
 * The caps on totals (`parse/caps.ts`) applied to what a sync assembled: timeline entries
 * over every revision of every scope file, and pull requests. Each cap that takes effect
 * adds a warning (`capWarning`), which the sync prints and every page shows.
 */
import { capWarning } from '../parse/caps.ts';
import { InputError } from '../parse/errors.ts';
import type { PullRequest, Revision } from '../schemas/data.ts';

/** What a revision costs against the timeline cap: its entries, and at least one (its page). */
export function revisionCost(revision: Pick<Revision, 'timeline'>): number {
  return Math.max(1, revision.timeline.length);
}

interface CappedScope {
  file: string | null;
  timeline: readonly unknown[];
  revisions: Revision[];
}

/**
 * Keep the revisions of all scope files within `max` timeline entries. The current
 * timelines come first: if they alone exceed the cap the sync fails, naming each file and
 * its count. Then past revisions are kept newest first, across all files; once a file's
 * next older revision does not fit, it and every older one of that file are left out, with
 * one warning per file saying how many revisions, of which days, and why. Each file keeps
 * its newest revisions, so its history reaches back as far as the cap allows, without gaps,
 * and one file's huge revision does not cut the history of the others.
 */
export function capTimelines<S extends CappedScope>(scopes: readonly S[], max: number, warnings: string[]): S[] {
  const heads = scopes.map((s) => ({ file: s.file ?? '?', entries: s.timeline.length }));
  const headTotal = heads.reduce((n, h) => n + Math.max(1, h.entries), 0);
  if (headTotal > max) {
    throw new InputError(
      heads.map((h) => ({
        file: h.file,
        key: 'timeline',
        value: `${h.entries} entries`,
        expected: `expected at most ${max} timeline entries in all scope files together, their past revisions included (${headTotal} at the head alone)`,
      })),
    );
  }
  // Each scope's newest revision is what its head says: always kept.
  const kept = scopes.map((s) => (s.revisions.length > 0 ? 1 : 0));
  let used = scopes.reduce(
    (n, s) => n + (s.revisions.length > 0 ? revisionCost(s.revisions[s.revisions.length - 1]!) : 0),
    0,
  );
  const closed = scopes.map(() => false);
  for (;;) {
    // The next older revision of the scope whose next older one is the newest (a k-way merge).
    let pick = -1;
    for (let i = 0; i < scopes.length; i++) {
      const next = scopes[i]!.revisions[scopes[i]!.revisions.length - 1 - kept[i]!];
      if (!next || closed[i]) continue;
      const best = pick < 0 ? undefined : scopes[pick]!.revisions[scopes[pick]!.revisions.length - 1 - kept[pick]!];
      if (!best || next.date > best.date) pick = i;
    }
    if (pick < 0) break;
    const scope = scopes[pick]!;
    const cost = revisionCost(scope.revisions[scope.revisions.length - 1 - kept[pick]!]!);
    if (used + cost > max) {
      closed[pick] = true;
      continue;
    }
    used += cost;
    kept[pick]! += 1;
  }
  return scopes.map((s, i) => {
    const dropped = s.revisions.length - kept[i]!;
    if (dropped === 0) return s;
    const left = s.revisions.slice(0, dropped);
    const entries = left.reduce((n, r) => n + r.timeline.length, 0);
    warnings.push(
      capWarning(
        `${s.file ?? '?'}: the ${dropped} oldest revision${dropped === 1 ? '' : 's'} (${left[0]!.date} to ${left[dropped - 1]!.date}, ${entries} timeline entr${entries === 1 ? 'y' : 'ies'}) left out of the history: all scope files together keep at most ${max} timeline entries over their revisions`,
      ),
    );
    return { ...s, revisions: s.revisions.slice(dropped) };
  });
}

/**
 * Keep the newest `max` pull requests (by number), in number order; a warning says how
 * many there were and from which number on they are kept.
 */
export function capPulls(pulls: readonly PullRequest[], max: number, warnings: string[]): PullRequest[] {
  if (pulls.length <= max) return [...pulls];
  const newest = [...pulls].sort((a, b) => b.number - a.number).slice(0, Math.max(0, max));
  newest.reverse();
  const from = newest[0] ? `, #${newest[0].number} and later,` : '';
  warnings.push(
    capWarning(`${pulls.length} pull requests touch standards or scopes; only the newest ${max}${from} are kept`),
  );
  return newest;
}
