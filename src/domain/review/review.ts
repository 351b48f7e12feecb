/**
 * What a proposed change (a pull request's `base..head`) would do to the certificate scopes
 * and standard documents, told as the history tells a revision: the change is laid on `base`
 * as one commit landing on `on`, both states are assembled as the sync assembles `main`
 * (assemble.ts), and the new revision is described (revision-changes.ts) and checked against
 * scs-0003-v1 (rules/check.ts), so R2 judges its entries against the day it would land; the
 * readiness of draft scope versions on that day is compared before and after (readiness-change.ts).
 */
import type { Day } from '../days/day.ts';
import { assemble } from '../upstream/assemble.ts';
import { formatProblem, InputError } from '../parse/errors.ts';
import { describeChange, describeLead, revisionChanges } from '../events/revision-changes.ts';
import { checkScope } from '../rules/check.ts';
import type { Finding } from '../rules/finding.ts';
import type { Dataset, Document, DocumentChange } from '../schemas/data.ts';
import type { UpstreamChange, UpstreamSnapshot } from '../upstream/upstream.ts';
import { readinessChanges, type ReadinessChange } from './readiness-change.ts';

export interface ProposedChange {
  head: string;
  /** The head commit's subject: a `(#N)` in it names the pull request. */
  subject: string;
  changes: UpstreamChange[];
  /** Files that do not merge cleanly into the base: nothing can be said of the result. */
  conflicts?: string[];
}

export interface ScopeReview {
  scope: string;
  name: string;
  file: string;
  /** What the change does to the timeline and versions, in the history's words. */
  sentences: string[];
  /** Findings of scs-0003-v1's rules on the new revision (violations and advisories). */
  findings: Finding[];
}

export interface Review {
  base: string;
  head: string;
  subject: string;
  /** The day the change is taken to land. */
  on: Day;
  scopes: ScopeReview[];
  /** One sentence per standard document the change adds, removes or moves in its lifecycle (scs-0001-v1). */
  documents: string[];
  /** How the readiness of draft scope versions on `on` moves: one entry per version whose readiness changes. */
  readiness: ReadinessChange[];
  /** Files changed that the review reads but whose change says nothing of the above. */
  unchanged: string[];
  /** A scope file the change leaves unreadable: the sync would refuse the head. */
  errors: string[];
  /** Files that do not merge cleanly into the base. */
  conflicts: string[];
  violations: number;
}

function applied(snapshot: UpstreamSnapshot, change: ProposedChange, on: Day): UpstreamSnapshot {
  const files = new Map(snapshot.files);
  for (const c of change.changes) {
    if (c.oldPath !== null) files.delete(c.oldPath);
    if (c.content === null) files.delete(c.path);
    else files.set(c.path, c.content);
  }
  // Noon UTC: the calendar day `on` whatever the offset (dayOfTimestamp reads the written day).
  const committedAt = `${on}T12:00:00Z`;
  return {
    ...snapshot,
    head: { sha: change.head, committedAt },
    files,
    commits: [...snapshot.commits, { sha: change.head, committedAt, message: change.subject, changes: change.changes }],
  };
}

const field = (v: string | null) => v ?? '—';

function documentSentence(after: Document | undefined, before: Document | undefined): string | null {
  if (after && !before)
    return `${after.id} added (${after.status ?? 'no status'}${after.stabilizedAt ? `, stabilized_at ${after.stabilizedAt}` : ''})`;
  if (!after && before) return `${before.id} removed`;
  if (!after || !before) return null;
  const a: Pick<DocumentChange, 'status' | 'stabilizedAt' | 'deprecatedAt' | 'rejectedAt'> = after;
  const parts = [
    a.status !== before.status ? `status ${field(before.status)} → ${field(a.status)}` : null,
    a.stabilizedAt !== before.stabilizedAt
      ? `stabilized_at ${field(before.stabilizedAt)} → ${field(a.stabilizedAt)}`
      : null,
    a.deprecatedAt !== before.deprecatedAt
      ? `deprecated_at ${field(before.deprecatedAt)} → ${field(a.deprecatedAt)}`
      : null,
    a.rejectedAt !== before.rejectedAt ? `rejected_at ${field(before.rejectedAt)} → ${field(a.rejectedAt)}` : null,
  ].filter((p): p is string => p !== null);
  return parts.length === 0 ? null : `${after.id}: ${parts.join(', ')}`;
}

export function reviewChange(snapshot: UpstreamSnapshot, change: ProposedChange, on: Day): Review {
  const base: Review = {
    base: snapshot.head.sha,
    head: change.head,
    subject: change.subject,
    on,
    scopes: [],
    documents: [],
    readiness: [],
    unchanged: [],
    errors: [],
    conflicts: change.conflicts ?? [],
    violations: 0,
  };
  if (base.conflicts.length > 0) return base;
  const before = assemble(snapshot, [], 'git').dataset;
  let after: Dataset;
  try {
    after = assemble(applied(snapshot, change, on), [], 'git').dataset;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { ...base, errors: error.problems.map(formatProblem) };
  }
  const scopes: ScopeReview[] = [];
  for (const scope of after.scopes) {
    const rc = revisionChanges(scope).find((r) => r.revision.commit === change.head);
    if (!rc || scope.file === null) continue; // a scope known only from its documents has no file revisions
    const sentences = rc.initial
      ? [`adds the scope file ${scope.file} with versions ${scope.versions.map((v) => v.name).join(', ')}`]
      : [
          ...rc.changes.map(
            (c) => `${describeChange(c)}${c.leadDays === null ? '' : ` — ${describeLead(c.leadDays)}`}`,
          ),
          ...rc.versionsAdded.map((v) => `version ${v} added`),
          ...rc.versionsRemoved.map((v) => `version ${v} removed`),
        ];
    if (sentences.length === 0) sentences.push('changes the versions (modules or their parameters), not the timeline');
    scopes.push({
      scope: scope.id,
      name: scope.name,
      file: scope.file,
      sentences,
      findings: checkScope(scope).filter((f) => f.commit === change.head),
    });
  }
  const ids = [...new Set([...before.documents, ...after.documents].map((d) => d.id))].sort();
  const documents = ids.flatMap(
    (id) =>
      documentSentence(
        after.documents.find((d) => d.id === id),
        before.documents.find((d) => d.id === id),
      ) ?? [],
  );
  const told = new Set([
    ...scopes.map((s) => s.file),
    ...after.documents.filter((d) => documents.some((s) => s.startsWith(d.id))).map((d) => d.file),
  ]);
  const unchanged = change.changes
    .map((c) => c.path)
    .filter((p) => !told.has(p))
    .sort();
  const violations = scopes.flatMap((s) => s.findings).filter((f) => f.severity === 'violation').length;
  const readiness = readinessChanges(before, after, on);
  return { ...base, scopes, documents, readiness, unchanged, violations };
}
