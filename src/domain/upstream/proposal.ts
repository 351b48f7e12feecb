/**
 * What an open pull request proposes, read off its head as the sync reads `main`: each scope
 * file it changes parsed into the revision it would become (scs-0003-v1), each standard
 * document whose lifecycle dates it would change (scs-0001-v1). The words for it are derived
 * later (events/proposals.ts), so a proposal is stored as facts, never as sentences.
 */
import type { Day } from '../days/day.ts';
import { documentName, parsePastLifecycle } from '../documents/document-parse.ts';
import { capWarning } from '../parse/caps.ts';
import { errorText, InputError } from '../parse/errors.ts';
import { decodeUtf8 } from '../parse/yaml.ts';
import { parseScopeText, SCOPE_FILE_PATTERN, scopeIdOfFile } from '../scopes/scope-parse.ts';
import type { Dataset, Proposal, ProposedDates, PullRequest, Revision } from '../schemas/data.ts';
import { revisionCost } from './apply-caps.ts';
import { fingerprint } from './assemble.ts';
import type { UpstreamChange } from './upstream.ts';

/** A pull request's head laid on `main`: the files it changes, with their content after it. */
export interface HeadChange {
  base: string;
  head: string;
  changes: readonly UpstreamChange[];
  /** Files that do not merge cleanly (then `changes` is empty). */
  conflicts: readonly string[];
}

function proposedRevision(
  dataset: Dataset,
  pr: PullRequest,
  change: HeadChange,
  path: string,
  content: Uint8Array,
  on: Day,
): Revision | null {
  const scope = dataset.scopes.find((s) => s.id === scopeIdOfFile(path));
  const where = { commit: change.head, date: on, pr: pr.number, title: pr.title, file: path };
  // A legacy file does not say since when a version is a draft: since it first appeared on main, else `on`.
  const since = (name: string) => scope?.revisions.find((r) => r.versions.some((v) => v.name === name))?.date ?? on;
  try {
    const parsed = parseScopeText(decodeUtf8(content, path), path, since);
    const revision: Revision = {
      ...where,
      format: parsed.format,
      error: null,
      timeline: parsed.timeline,
      versions: parsed.versions,
    };
    return scope && fingerprint(revision) === fingerprint(scope) ? null : revision;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { ...where, format: 'unparseable', error: errorText(error), timeline: [], versions: [] };
  }
}

function proposedDates(dataset: Dataset, path: string, content: Uint8Array): ProposedDates | null {
  const name = documentName(path);
  if (!name) return null;
  let lifecycle;
  try {
    lifecycle = parsePastLifecycle(decodeUtf8(content, path), path);
  } catch (error) {
    if (error instanceof InputError) return null; // unreadable front matter states no dates
    throw error;
  }
  const now = dataset.documents.find((d) => d.id === name.id);
  const dates = {
    stabilizedAt: lifecycle.stabilizedAt,
    deprecatedAt: lifecycle.deprecatedAt,
    rejectedAt: lifecycle.rejectedAt,
  };
  const same =
    dates.stabilizedAt === (now?.stabilizedAt ?? null) &&
    dates.deprecatedAt === (now?.deprecatedAt ?? null) &&
    dates.rejectedAt === (now?.rejectedAt ?? null);
  return same ? null : { id: name.id, file: path, ...dates };
}

/** The proposal of `pr`'s head, as the revision it would be on `on` (the day the data reaches). */
export function proposalOf(dataset: Dataset, pr: PullRequest, change: HeadChange, on: Day): Proposal {
  const scopes: Proposal['scopes'] = [];
  const documents: ProposedDates[] = [];
  for (const c of change.changes) {
    if (SCOPE_FILE_PATTERN.test(c.path)) {
      const revision = c.content === null ? null : proposedRevision(dataset, pr, change, c.path, c.content, on);
      if (c.content === null || revision !== null) scopes.push({ scope: scopeIdOfFile(c.path), revision });
    } else if (c.content !== null && c.path.startsWith('Standards/')) {
      const dates = proposedDates(dataset, c.path, c.content);
      if (dates) documents.push(dates);
    }
  }
  // Of the conflicts, only those in files the sync reads as scopes or documents matter (not templates).
  const conflicts = change.conflicts.filter((p) => SCOPE_FILE_PATTERN.test(p) || documentName(p) !== null);
  return { head: change.head, base: change.base, scopes, documents, conflicts };
}

const LISTED = 20;

/** At most LISTED warnings of one kind, then one that counts the rest (a hostile export can hold 10,000). */
export function firstWarnings(warnings: readonly string[], rest: (n: number) => string): string[] {
  const sorted = [...warnings].sort();
  return sorted.length <= LISTED ? sorted : [...sorted.slice(0, LISTED), rest(sorted.length - LISTED)];
}

const listed = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const more = sorted.length - LISTED;
  return `#${sorted.slice(0, LISTED).join(', #')}${more > 0 ? ` and ${more} more` : ''}`;
};

/**
 * Attach proposals to their pull requests. Proposed revisions count against the timeline cap
 * (`parse/caps.ts`) apart from the history's: past it, the newest pull requests keep their
 * proposals and the rest are left without one, with a warning.
 */
export function withProposals(dataset: Dataset, proposals: ReadonlyMap<number, Proposal>, maxEntries: number): Dataset {
  let used = 0;
  const dropped: number[] = [];
  const kept = new Map<number, Proposal>();
  for (const [number, proposal] of [...proposals].sort(([a], [b]) => b - a)) {
    const cost = proposal.scopes.reduce((n, s) => n + (s.revision ? revisionCost(s.revision) : 1), 0);
    if (used + cost > maxEntries) dropped.push(number);
    else {
      used += cost;
      kept.set(number, proposal);
    }
  }
  const warnings = [...dataset.meta.warnings];
  if (dropped.length > 0)
    warnings.push(
      capWarning(
        `the proposals of ${dropped.length} open pull requests (${listed(dropped)}) are left out: their scope files would exceed ${maxEntries} timeline entries together`,
      ),
    );
  return {
    ...dataset,
    meta: { ...dataset.meta, warnings },
    // A proposal of an earlier sync (carried over with its pull request) is never kept as it was.
    pulls: dataset.pulls.map(({ proposal: _earlier, ...p }) =>
      kept.has(p.number) ? { ...p, proposal: kept.get(p.number)! } : p,
    ),
  };
}
