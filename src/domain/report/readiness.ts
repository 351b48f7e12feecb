/**
 * How close a draft scope version is to being stabilized: the standards it includes and
 * their state on the day, which are not yet Stable, and the open pull requests that would
 * change that. All as the data stood on that day: the scope file's version descriptor then
 * (scs-0003-v1), the documents' front matter then (scs-0001-v1), the pull requests open then.
 *
 * A module whose document did not exist yet (KaaS v1's CNCF conformance before scs-0201-v1,
 * added by #1154 in 2026) is an external test: it has no state to wait for.
 */
import { z } from 'zod';
import { Day, minDay, type Day as DayType } from '../days/day.ts';
import { datasetAsOf } from '../dataset/dataset-as-of.ts';
import { documentStateOn } from '../documents/document-state.ts';
import { pullUrl } from '../links/upstream-links.ts';
import { dataEnd } from '../pulls/data-end.ts';
import { versionPeriodOn } from '../scope-model/version-periods.ts';
import type { Dataset, Scope } from '../schemas/data.ts';
import { DocumentStatus } from '../schemas/front-matter.ts';
import { Validity } from '../schemas/validity.ts';
import { shortName, timelineKnownOn } from '../scopes/scopes.ts';
import { IN_PROGRESS_LABELS, InProgressKind, inProgress, type InProgressPull } from './in-progress.ts';

const ReadinessPull = z.object({
  number: z.number().int(),
  url: z.string(),
  kind: InProgressKind,
  daysOpen: z.number().int().nullable(),
});

export const ReadinessStandard = z.object({
  /** The document id (`scs-0214-v2`), or the module id of an external test. */
  id: z.string(),
  name: z.string(),
  /** Its state on the day; null for an external test (no document then). */
  state: DocumentStatus.nullable(),
  external: z.boolean(),
  /** Open pull requests on the day that would change this document. */
  pulls: z.array(ReadinessPull),
});
export type ReadinessStandard = z.output<typeof ReadinessStandard>;

export const Readiness = z.object({
  scope: z.string(),
  /** `KaaS v1`. */
  label: z.string(),
  version: z.string(),
  day: Day,
  /** The pull-request data's end: open pull requests are those of min(day, this). */
  pullsAsOf: Day,
  validity: Validity,
  standards: z.array(ReadinessStandard),
  /** Ids of the included documents not Stable on the day. */
  notStable: z.array(z.string()),
  /** Open pull requests on the day that change the scope file itself. */
  scopePulls: z.array(ReadinessPull),
  /** One line: "KaaS v1: scs-0210-v2 and scs-0219-v1 Stable, …; scs-0214-v2 Draft, stabilization PR #835 open". */
  words: z.string(),
});
export type Readiness = z.output<typeof Readiness>;

const list = (xs: readonly string[]) =>
  xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`;
const pullWords = (p: z.output<typeof ReadinessPull>) =>
  `${IN_PROGRESS_LABELS[p.kind]} PR #${p.number} open${p.daysOpen !== null ? ` ${p.daysOpen} day${p.daysOpen === 1 ? '' : 's'}` : ''}`;

function wordsOf(
  label: string,
  standards: readonly ReadinessStandard[],
  scopePulls: readonly z.output<typeof ReadinessPull>[],
): string {
  const stable = standards.filter((s) => s.state === 'Stable').map((s) => s.id);
  const external = standards.filter((s) => s.external).map((s) => `${s.name} (external test)`);
  const waiting = standards
    .filter((s) => !s.external && s.state !== 'Stable')
    .map(
      (s) =>
        `${s.id} ${s.state ?? 'missing'}${s.pulls.length ? `, ${s.pulls.map(pullWords).join(', ')}` : ', no pull request open'}`,
    );
  const ready = [stable.length ? `${list(stable)} Stable` : '', ...external].filter(Boolean).join(', ');
  const parts = [ready, ...waiting].filter(Boolean);
  const scope = scopePulls.length ? `; scope file: ${scopePulls.map(pullWords).join(', ')}` : '';
  if (standards.length === 0) return `${label}: includes no standard yet${scope}`;
  return `${label}: ${parts.join('; ')}${waiting.length === 0 ? ' (every included standard Stable)' : ''}${scope}`;
}

/** The module name without its document id: "scs-0201-v1: CNCF Kubernetes conformance" → "CNCF Kubernetes conformance". */
const moduleName = (name: string, id: string) => name.replace(/^scs-\d{4}-v\d+:\s*/, '') || id;

interface DayContext {
  /** The dataset as it stood at the end of the day. */
  asOf: Dataset;
  /** The pull requests open then, or at the data's end when the day is past it. */
  open: InProgressPull[];
}

// Every draft version of every scope on a day reads the same dataset as of that day and the
// same open pull requests; a build asks for them once per call week. Computed once per
// dataset and day: a dataset is a value, never changed once read.
const dayContexts = new WeakMap<Dataset, Map<DayType, DayContext>>();

function dayContext(full: Dataset, day: DayType): DayContext {
  let byDay = dayContexts.get(full);
  if (!byDay) dayContexts.set(full, (byDay = new Map()));
  let context = byDay.get(day);
  if (!context) {
    const asOf = datasetAsOf(full, day);
    const pullsDay = minDay(day, dataEnd(full.meta));
    const open = inProgress(pullsDay === day ? asOf : datasetAsOf(full, pullsDay), full, pullsDay, (n) =>
      pullUrl(full.meta.source.repo, n),
    ).pulls;
    byDay.set(day, (context = { asOf, open }));
  }
  return context;
}

/**
 * The readiness of `version` of scope `scopeId` on `day`, as the data stood then; null when
 * the scope or the version did not exist yet.
 */
export function readinessOf(full: Dataset, scopeId: string, version: string, day: DayType): Readiness | null {
  const head = full.scopes.find((s) => s.id === scopeId);
  if (!head) return null;
  const pullsAsOf = dataEnd(full.meta);
  const { asOf, open } = dayContext(full, day);
  const scope = asOf.scopes.find((s) => s.id === scopeId);
  const facts = head.facts.find((f) => f.name === version) ?? null;
  const descriptor = scope?.versions.find((v) => v.name === version) ?? null;
  const documents = new Map(asOf.documents.map((d) => [d.id, d]));
  // A version of the scope file exists on a day its descriptor does; one only a document knows, once that document does.
  if (!descriptor && !(facts?.periodsFrom === 'document' && facts.document !== null && documents.has(facts.document)))
    return null;
  const modules = new Map(head.modules.map((m) => [m.id, m]));
  // What it included then: the descriptor's modules (their documents), else its document's subject matter.
  const included: { id: string; name: string; document: string | null }[] = descriptor
    ? descriptor.include.map((i) => ({
        id: i.ref,
        name: modules.get(i.ref)?.name ?? i.ref,
        document: modules.get(i.ref)?.document ?? null,
      }))
    : (facts?.standards ?? []).map((id) => ({ id, name: id, document: id }));
  const toPull = (p: InProgressPull) => ({ number: p.number, url: p.url, kind: p.kind, daysOpen: p.daysOpen });
  const seen = new Set<string>();
  const standards: ReadinessStandard[] = [];
  for (const m of included) {
    const doc = m.document ? documents.get(m.document) : undefined;
    const key = doc?.id ?? m.id;
    if (seen.has(key)) continue; // scs-0214-v2 and scs-0214-v2-manual check one document
    seen.add(key);
    if (!doc) {
      standards.push({ id: m.id, name: moduleName(m.name, m.id), state: null, external: true, pulls: [] });
      continue;
    }
    standards.push({
      id: doc.id,
      name: doc.title,
      state: documentStateOn(doc, day).state,
      external: false,
      pulls: open.filter((p) => p.documents.includes(doc.id)).map(toPull),
    });
  }
  standards.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const scopePulls = open.filter((p) => p.scopes.includes(scopeId)).map(toPull);
  const base: Scope = scope ? { ...head, ...scope, facts: head.facts } : head;
  const validity = versionPeriodOn(
    base,
    version,
    day,
    scope ? timelineKnownOn(head, day).timeline : undefined,
  ).validity;
  const label = `${shortName(head)} ${version}`;
  return {
    scope: scopeId,
    label,
    version,
    day,
    pullsAsOf,
    validity,
    standards,
    notStable: standards.filter((s) => !s.external && s.state !== 'Stable').map((s) => s.id),
    scopePulls,
    words: wordsOf(label, standards, scopePulls),
  };
}

/** The readiness of every draft version of one scope on `day`, as known then: each candidate version computed once. */
export function scopeDraftReadiness(full: Dataset, scopeId: string, day: DayType): Readiness[] {
  const head = full.scopes.find((s) => s.id === scopeId);
  if (!head) return [];
  const scope = dayContext(full, day).asOf.scopes.find((s) => s.id === scopeId);
  const names = new Set([
    ...(scope?.versions.map((v) => v.name) ?? []),
    ...head.facts.filter((f) => f.periodsFrom === 'document').map((f) => f.name),
  ]);
  return [...names].flatMap((name) => {
    const r = readinessOf(full, scopeId, name, day);
    return r?.validity === 'draft' ? [r] : [];
  });
}

/** The versions of a scope that are drafts on `day`, as known then (the ones readiness is about). */
export function draftVersions(full: Dataset, scopeId: string, day: DayType): string[] {
  return scopeDraftReadiness(full, scopeId, day).map((r) => r.version);
}

/** The readiness of every draft version of every scope on `day`. */
export function draftReadiness(full: Dataset, day: DayType): Readiness[] {
  return full.scopes.flatMap((s) => scopeDraftReadiness(full, s.id, day));
}
