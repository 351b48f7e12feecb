/**
 * What the scope pages show, gathered from the domain so the pages only render: versions
 * with their periods, modules linked to documents, diffs, the revision history.
 */
import { addDays, type Day } from '../domain/day.ts';
import { accumulatedTimelines, allVersionNames, fullTimeline } from '../domain/scopes.ts';
import type { Dataset, Include, Revision, Scope, ScopeVersion } from '../domain/schemas/data.ts';
import type { TimelineEntry } from '../domain/schemas/scope-file.ts';
import { chartRows } from '../domain/timeline-chart.ts';
import { periodOn, periodsOf } from '../domain/validity.ts';
import { consecutiveDiffs } from '../domain/version-diff.ts';
import { revisionChanges } from '../domain/revision-changes.ts';
import { safeHref } from '../domain/schemas/url.ts';
import { checkScope } from '../domain/rules/check.ts';
import type { Finding } from '../domain/rules/finding.ts';
import { documentPath } from './links.ts';

export interface ModuleLink {
  ref: string;
  name: string;
  /** Site page of the document it checks, else the module's own URL when it is http(s), else null (shown as text). */
  link: string | null;
  internal: boolean;
  document: string | null;
  parameters: Include['parameters'];
}

export function moduleLinker(scope: Scope, dataset: Pick<Dataset, 'documents'>) {
  const docs = new Set(dataset.documents.map((d) => d.id));
  const modules = new Map(scope.modules.map((m) => [m.id, m]));
  return (include: Include): ModuleLink => {
    const m = modules.get(include.ref);
    const doc = m?.document ?? null;
    if (doc && docs.has(doc)) return { ref: include.ref, name: m?.name || include.ref, link: documentPath(doc), internal: true, document: doc, parameters: include.parameters };
    return { ref: include.ref, name: m?.name || include.ref, link: safeHref(m?.url), internal: false, document: doc, parameters: include.parameters };
  };
}

/** The latest known definition of each version: the head file's, else the last revision that had it. */
export function versionDefinitions(scope: Scope): Map<string, { version: ScopeVersion; current: boolean; lastSeen: Revision | null }> {
  const out = new Map<string, { version: ScopeVersion; current: boolean; lastSeen: Revision | null }>();
  for (const v of scope.versions) out.set(v.name, { version: v, current: true, lastSeen: null });
  for (const r of [...scope.revisions].reverse()) {
    for (const v of r.versions) if (!out.has(v.name)) out.set(v.name, { version: v, current: false, lastSeen: r });
  }
  return out;
}

export function periodsInWords(timeline: readonly TimelineEntry[], version: string): { validity: string; from: Day; until: Day | null }[] {
  return periodsOf(timeline, version)
    .filter((p) => p.from !== null)
    .map((p) => ({ validity: p.validity, from: p.from!, until: p.to ? addDays(p.to, -1) : null }));
}

export function scopeView(scope: Scope, dataset: Dataset, today: Day) {
  const timeline = fullTimeline(scope);
  const names = allVersionNames(scope);
  const rows = chartRows(timeline, names);
  const definitions = versionDefinitions(scope);
  const order = rows.map((r) => r.version);
  for (const n of names) if (!order.includes(n)) order.push(n);
  const versions = order.map((name) => {
    const def = definitions.get(name) ?? null;
    const period = periodOn(periodsOf(timeline, name), today);
    return { name, def, validity: period.validity, since: period.from, periods: periodsInWords(timeline, name) };
  });
  const link = moduleLinker(scope, dataset);
  const includes = scope.versions.map((v) => ({ name: v.name, stabilizedAt: v.stabilizedAt, modules: v.include.map(link) }));
  const diffs = consecutiveDiffs(scope).map((d) => ({ ...d, added: d.added.map(link), removed: d.removed.map(link) }));
  const history = revisionChanges(scope);
  return { timeline, rows, versions, includes, diffs, history, findings: findingsByCommit(scope) };
}

/** The rule findings of each revision (scs-0003-v1), by commit. */
export function findingsByCommit(scope: Scope): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of checkScope(scope)) out.set(f.commit, [...(out.get(f.commit) ?? []), f]);
  return out;
}

/** The timeline as known right after each parseable revision, by commit. */
export function timelinesByRevision(scope: Scope): Map<string, TimelineEntry[]> {
  return new Map(accumulatedTimelines(scope).map((a) => [a.revision.commit, a.timeline]));
}
