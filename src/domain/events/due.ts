/**
 * "What's due" on a day: for each scope the versions a provider can be certified against
 * (`effective` and `warn`, scs-0003-v1) and since when, and the next transitions of scope
 * versions and documents with the pull request that set their date and how far ahead, and for
 * each scope its latest certification change before the day (what a provider last had to act on).
 *
 * `knownOn` picks what was known: null uses everything in `data/` (the home page); a day
 * uses each scope's timeline as it stood on that day and each document's front matter as
 * it stood then (the as-of view). Pure, so the browser can run it on the shipped data.
 */
import { daysBetween, type Day } from '../days/day.ts';
import { documentTransitions, type Lifecycle } from '../documents/document-state.ts';
import { firstAnnouncers, lastSetters, provenanceOf, revisionChanges, transitionKey } from './revision-changes.ts';
import { allVersionNames, shortName, timelineKnownOn } from '../scopes/scopes.ts';
import { documentsOfVersions, SAME_TRANSITION } from '../scope-model/same-transition.ts';
import type { Document, Provenance, Scope } from '../schemas/data.ts';
import type { DocumentStatus } from '../schemas/front-matter.ts';
import type { Validity } from '../schemas/validity.ts';
import { periodAround, periodsOf, transitionsOf } from '../scopes/validity.ts';

export interface CertifiableVersion {
  version: string;
  validity: Validity;
  since: Day | null;
  /** The day this validity ends, if announced, and what follows. */
  until: Day | null;
  then: Validity | null;
}

export interface DueScope {
  id: string;
  name: string;
  short: string;
  /** The revision whose timeline applies (null: none had landed yet on `knownOn`). */
  revision: Provenance | null;
  certifiable: CertifiableVersion[];
}

export interface DueTransition {
  date: Day;
  daysLeft: number;
  /** `scope`: a version's validity, with its scope document (`document`, `state`) when that turns on the same day. */
  kind: 'scope' | 'document';
  scope: string | null;
  scopeName: string | null;
  version: string | null;
  validity: Validity | null;
  document: string | null;
  documentTitle: string | null;
  series: string | null;
  state: DocumentStatus | null;
  /** The commit and pull request that set this date (as known then). */
  source: Provenance | null;
  /** The commit and pull request that first announced this transition, perhaps for another date. */
  announced: Provenance | null;
  /** Days between `source` and `date`. */
  leadDays: number | null;
}

export interface DueView {
  day: Day;
  knownOn: Day | null;
  horizonDays: number;
  scopes: DueScope[];
  next: DueTransition[];
  /**
   * Per scope, the transitions to `effective`, `warn` or `deprecated` on its latest such day
   * before `day` (negative `daysLeft`), as known on `knownOn`, newest first: what last changed for providers.
   */
  latest: DueTransition[];
}

export type DueInput = { scopes: readonly Scope[]; documents: readonly Document[] };

/** A document's lifecycle fields as its front matter stood on a day (null: not added yet). */
export function lifecycleKnownOn(doc: Document, knownOn: Day | null): Lifecycle | null {
  if (knownOn === null) return doc;
  let found: Lifecycle | null = null;
  for (const h of doc.history) if (h.date <= knownOn) found = h;
  return found;
}

function documentSource(
  doc: Document,
  field: 'stabilizedAt' | 'deprecatedAt',
  value: Day,
  knownOn: Day | null,
): Provenance | null {
  let source: Provenance | null = null;
  doc.history.forEach((h, i) => {
    if (knownOn !== null && h.date > knownOn) return;
    if (h[field] === value && (i === 0 || doc.history[i - 1]![field] !== value))
      source = { commit: h.commit, date: h.date, pr: h.pr };
  });
  return source;
}

/** The first front-matter change that set the field at all (to any date), as known then. */
function documentAnnounced(
  doc: Document,
  field: 'stabilizedAt' | 'deprecatedAt',
  knownOn: Day | null,
): Provenance | null {
  let found: Provenance | null = null;
  for (const h of doc.history) {
    if (knownOn !== null && h.date > knownOn) break;
    if (h[field] === null) found = null;
    else if (found === null) found = { commit: h.commit, date: h.date, pr: h.pr };
  }
  return found;
}

export function dueView(
  data: DueInput,
  day: Day,
  options: { knownOn?: Day | null; horizonDays?: number } = {},
): DueView {
  const knownOn = options.knownOn ?? null;
  const horizonDays = options.horizonDays ?? 365;
  const scopes: DueScope[] = [];
  // Every transition up to the horizon, past ones too (negative `daysLeft`): `next` and `latest` are taken from them.
  const all: DueTransition[] = [];
  for (const scope of data.scopes) {
    const known = timelineKnownOn(scope, knownOn);
    const { timeline } = known;
    const revision = known.revision ? provenanceOf(known.revision) : null;
    const versions = allVersionNames(scope);
    const certifiable: CertifiableVersion[] = [];
    for (const version of versions) {
      const { period: p, next: following } = periodAround(periodsOf(timeline, version), day);
      if (p.validity !== 'effective' && p.validity !== 'warn') continue;
      certifiable.push({
        version,
        validity: p.validity,
        since: p.from,
        until: p.to,
        then: following?.validity ?? null,
      });
    }
    certifiable.sort((a, b) =>
      a.since === b.since ? (a.version < b.version ? 1 : -1) : (a.since ?? '') < (b.since ?? '') ? 1 : -1,
    );
    scopes.push({ id: scope.id, name: scope.name, short: shortName(scope), revision, certifiable });
    const history = revisionChanges(scope);
    const setters = lastSetters(history, knownOn);
    const announcers = firstAnnouncers(history, knownOn);
    for (const t of transitionsOf(timeline, versions)) {
      const left = daysBetween(day, t.date);
      if (left > horizonDays) continue;
      const set = setters.get(transitionKey(t));
      const source = set && set.date === t.date ? set.at : null;
      all.push({
        date: t.date,
        daysLeft: left,
        kind: 'scope',
        scope: scope.id,
        scopeName: shortName(scope),
        version: t.version,
        validity: t.validity,
        document: null,
        documentTitle: null,
        series: null,
        state: null,
        source,
        announced: announcers.get(transitionKey(t)) ?? source,
        leadDays: source ? daysBetween(source.date, t.date) : null,
      });
    }
  }
  for (const doc of data.documents) {
    const lifecycle = lifecycleKnownOn(doc, knownOn);
    if (!lifecycle) continue;
    for (const t of documentTransitions(lifecycle)) {
      const left = daysBetween(day, t.on);
      if (left > horizonDays) continue;
      const field = t.on === lifecycle.deprecatedAt && t.state === 'Deprecated' ? 'deprecatedAt' : 'stabilizedAt';
      const source = documentSource(doc, field, t.on, knownOn);
      const announced = documentAnnounced(doc, field, knownOn) ?? source;
      all.push({
        date: t.on,
        daysLeft: left,
        kind: 'document',
        scope: null,
        scopeName: null,
        version: null,
        validity: null,
        document: doc.id,
        documentTitle: doc.title,
        series: doc.series,
        state: t.state,
        source,
        announced,
        leadDays: source ? daysBetween(source.date, t.on) : null,
      });
    }
  }
  const merged = oneEntryPerTransition(all, data.scopes).sort(byDateKindName);
  return {
    day,
    knownOn,
    horizonDays,
    scopes,
    next: merged.filter((t) => t.daysLeft >= 0),
    latest: latestPerScope(merged.filter((t) => t.daysLeft < 0)),
  };
}

function byDateKindName(a: DueTransition, b: DueTransition): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.kind !== b.kind) return a.kind === 'scope' ? -1 : 1;
  return ((a.scope ?? a.document ?? '') + (a.version ?? '')).localeCompare(
    (b.scope ?? b.document ?? '') + (b.version ?? ''),
  );
}

/** Of past transitions sorted by date: per scope, its certification changes (not `draft`) on its latest day, newest first. */
function latestPerScope(past: readonly DueTransition[]): DueTransition[] {
  const changes = past.filter((t) => t.kind === 'scope' && t.validity !== 'draft');
  const lastDay = new Map(changes.map((t) => [t.scope, t.date]));
  return changes
    .filter((t) => lastDay.get(t.scope) === t.date)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

/**
 * A version turning effective (deprecated) on the day its scope document turns Stable
 * (Deprecated) is one entry naming both: the version's, with the document's name, state and
 * title; the document's own entry is dropped (as in `mergeScopeDocumentEvents`).
 */
function oneEntryPerTransition(next: readonly DueTransition[], scopes: DueInput['scopes']): DueTransition[] {
  const documentOf = documentsOfVersions(scopes);
  const byDocument = new Map(
    next.filter((t) => t.kind === 'document').map((t) => [`${t.document}/${t.state}/${t.date}`, t]),
  );
  const dropped = new Set<DueTransition>();
  const merged = next.map((t) => {
    if (t.kind !== 'scope' || t.validity === null) return t;
    const doc = documentOf.get(`${t.scope}/${t.version}`);
    const state = SAME_TRANSITION[t.validity];
    const twin = doc && state ? byDocument.get(`${doc}/${state}/${t.date}`) : undefined;
    if (!twin || dropped.has(twin)) return t;
    dropped.add(twin);
    return { ...t, document: twin.document, documentTitle: twin.documentTitle, series: twin.series, state: twin.state };
  });
  return merged.filter((t) => !dropped.has(t));
}
