/**
 * What the scope pages show, gathered from the domain so the pages only render: versions
 * with their periods, modules linked to documents, diffs, the revision history.
 */
import { addDays, minDay, type Day } from '../domain/days/day.ts';
import { accumulatedTimelines, allVersionNames, fullTimeline } from '../domain/scopes/scopes.ts';
import type { Dataset, Include, Scope } from '../domain/schemas/data.ts';
import type { TimelineEntry } from '../domain/schemas/scope-file.ts';
import { chartRows } from '../domain/scopes/timeline-chart.ts';
import { periodOn, periodsOf } from '../domain/scopes/validity.ts';
import { consecutiveDiffs } from '../domain/scopes/version-diff.ts';
import { revisionChanges } from '../domain/events/revision-changes.ts';
import { safeHref } from '../domain/schemas/url.ts';
import { checkScope } from '../domain/rules/check.ts';
import type { Finding } from '../domain/rules/finding.ts';
import { documentPath } from './links.ts';
import { versionDefinitions } from '../domain/scopes/definitions.ts';
import { announcedThen } from '../domain/scope-model/removed-versions.ts';
import { versionPeriods } from '../domain/scope-model/version-periods.ts';
import { scopeDraftReadiness } from '../domain/report/readiness.ts';
import { proposalsForScope, proposalsOn } from '../domain/events/proposals.ts';
import { pullUrl } from '../domain/links/upstream-links.ts';
import { COMPLIANCE_MONITOR_URL } from './constants.ts';

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
    if (doc && docs.has(doc))
      return {
        ref: include.ref,
        name: m?.name || include.ref,
        link: documentPath(doc),
        internal: true,
        document: doc,
        parameters: include.parameters,
      };
    return {
      ref: include.ref,
      name: m?.name || include.ref,
      link: safeHref(m?.url),
      internal: false,
      document: doc,
      parameters: include.parameters,
    };
  };
}

export { versionDefinitions };

export function periodsInWords(
  timeline: readonly TimelineEntry[],
  version: string,
): { validity: string; from: Day; until: Day | null }[] {
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
  for (const f of scope.facts) if (!order.includes(f.name)) order.push(f.name);
  const facts = new Map(scope.facts.map((f) => [f.name, f]));
  const documents = new Map(dataset.documents.map((d) => [d.id, d]));
  const monitor = scope.uuid ? `${COMPLIANCE_MONITOR_URL}/page/scope/${encodeURIComponent(scope.uuid)}` : null;
  const versions = order.map((name) => {
    const def = definitions.get(name) ?? null;
    const f = facts.get(name) ?? null;
    const own = versionPeriods(scope, name, timeline);
    const period = periodOn(own, today);
    const periods = own
      .filter((p) => p.from !== null)
      .map((p) => ({ validity: p.validity, from: p.from!, until: p.to ? addDays(p.to, -1) : null }));
    const firstEffective = own.find((p) => p.validity === 'effective')?.from ?? null;
    const early =
      f?.stabilizedAt && f.stabilizedFrom !== 'timeline' && firstEffective && firstEffective < f.stabilizedAt
        ? firstEffective
        : null;
    return {
      name,
      def,
      facts: f,
      document: f?.document ? (documents.get(f.document) ?? null) : null,
      validity: period.validity,
      since: period.from,
      periods,
      announced: periods.length === 0 ? announcedThen(scope, name) : null,
      effectiveBeforeStabilization: early,
      monitor,
    };
  });
  const link = moduleLinker(scope, dataset);
  const includes = [
    ...scope.versions.map((v) => ({
      name: v.name,
      stabilizedAt: facts.get(v.name)?.stabilizedAt ?? v.stabilizedAt,
      modules: v.include.map(link),
      standards: facts.get(v.name)?.standards ?? [],
    })),
    ...scope.facts
      .filter((f) => !scope.versions.some((v) => v.name === f.name) && !definitions.has(f.name))
      .map((f) => ({
        name: f.name,
        stabilizedAt: f.stabilizedAt,
        modules: [] as ModuleLink[],
        standards: f.standards,
      })),
  ];
  const diffs = consecutiveDiffs(scope).map((d) => ({
    ...d,
    added: d.added.map(link),
    removed: d.removed.map(link),
    replaced: d.replaced.map((r) => ({ before: link(r.before), after: link(r.after), document: r.document })),
  }));
  const history = revisionChanges(scope);
  const proposalsDay = minDay(today, dataset.meta.pullsAsOf);
  return {
    timeline,
    rows,
    versions,
    includes,
    diffs,
    history,
    findings: findingsByCommit(scope),
    readiness: scopeDraftReadiness(dataset, scope.id, today),
    /** What the pull requests open on the day (at most the data's end) propose for this scope. */
    proposals: proposalsForScope(proposalsOn(dataset, proposalsDay), scope).map((p) => ({
      ...p,
      url: pullUrl(dataset.meta.source.repo, p.pr),
    })),
    proposalsDay,
  };
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
