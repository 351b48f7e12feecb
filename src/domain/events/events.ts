/**
 * The one list of dated changes that the site, the feeds and the CLI share.
 *
 * Scope transitions come from the timeline with pruned entries put back (scopes.ts), so a
 * deadline stays in the list after upstream prunes it. Announcements and moves compare
 * each revision with the one before: a transition is identified by version, validity and
 * occurrence (the 2nd time v4 turns `effective`), so it keeps its id when its date moves.
 */
import { commitKey } from '../scopes/commit-key.ts';
import { addDays, daysBetween, type Day } from '../days/day.ts';
import { documentTransitions } from '../documents/document-state.ts';
import { documentAddedTitle, movedTitle, transitionTitle, versionAddedTitle, withdrawnTitle } from './event-words.ts';
import { accumulatedTimelines, allVersionNames, fullTimeline, shortName } from '../scopes/scopes.ts';
import { documentsOfVersions, SAME_TRANSITION } from '../scope-model/same-transition.ts';
import type { Dataset, Document, Provenance, Revision, Scope } from '../schemas/data.ts';
import { EventKind, NO_DETAILS, type TimelineEvent } from '../schemas/event.ts';
import { documentDateChanges } from './document-date-changes.ts';
import { transitionsOf } from '../scopes/validity.ts';
import { provenanceOf, transitionKey } from './revision-changes.ts';

/**
 * Who made a revision's change: the revision itself, or, for the same-day fix of a revision
 * that did not parse, the pull request that made the change (`Revision.madeBy`).
 */
const creditOf = (r: Revision): Provenance => provenanceOf(r.madeBy ?? r);

interface KeyHistory {
  /** Each revision that set the date of this transition, with the date it set (null: withdrawn). */
  changes: { at: Provenance; revision: Revision; date: Day | null; previous: Day | null }[];
}

/** How each transition's date came to be, revision by revision. */
function transitionHistories(scope: Scope, versions: string[]): Map<string, KeyHistory> {
  const histories = new Map<string, KeyHistory>();
  let before = new Map<string, Day>();
  for (const { revision, timeline } of accumulatedTimelines(scope)) {
    const now = new Map(transitionsOf(timeline, versions).map((t) => [transitionKey(t), t.date]));
    const at = creditOf(revision);
    for (const [key, date] of now) {
      const previous = before.get(key) ?? null;
      if (previous === date) continue;
      const h = histories.get(key) ?? { changes: [] };
      h.changes.push({ at, revision, date, previous });
      histories.set(key, h);
    }
    for (const [key, previous] of before) {
      if (now.has(key)) continue;
      histories.get(key)?.changes.push({ at, revision, date: null, previous });
    }
    before = now;
  }
  return histories;
}

/** How far after the fact a date may be recorded and still be news (a commit landing a few weeks late). */
export const NEWS_HORIZON_DAYS = 31;

/** Was `date` already past by more than NEWS_HORIZON_DAYS when it was recorded on `recordedOn`? */
export function isBackdated(recordedOn: Day, date: Day): boolean {
  return date < addDays(recordedOn, -NEWS_HORIZON_DAYS);
}

/**
 * Whether a change in a revision is news: everything except the first recording of a date
 * long past (an initial import of old dates). A move or a withdrawal is always news, even of
 * a date in the past, because what was said before is no longer true; so is a date set
 * again after it was withdrawn.
 */
function isNews(c: KeyHistory['changes'][number], first: boolean): boolean {
  return !(first && c.previous === null && c.date !== null && isBackdated(c.at.date, c.date));
}

function scopeEvents(scope: Scope): TimelineEvent[] {
  const short = shortName(scope);
  const versions = allVersionNames(scope);
  const histories = transitionHistories(scope, versions);
  const events: TimelineEvent[] = [];
  for (const t of transitionsOf(fullTimeline(scope), versions)) {
    const key = transitionKey(t);
    const changes = histories.get(key)?.changes.filter((c) => c.date !== null) ?? [];
    const first = changes[0]?.at ?? null;
    const last = changes[changes.length - 1]?.at ?? null;
    events.push({
      ...NO_DETAILS,
      id: `scope/${scope.id}/${key}`,
      kind: 'validity',
      date: t.date,
      scope: scope.id,
      version: t.version,
      validity: t.validity,
      announced: first,
      source: last,
      leadDays: last ? daysBetween(last.date, t.date) : null,
      sequence: Math.max(0, changes.length - 1),
      transition: `scope/${scope.id}/${key}`,
      title: transitionTitle(`${short} ${t.version}`, { validity: t.validity }, t.date),
    });
  }
  for (const [key, history] of histories) {
    const [version, validity] = key.split('/') as [string, TimelineEvent['validity'] & string];
    const subject = `${short} ${version}`;
    const transition = `scope/${scope.id}/${key}`;
    for (const [i, c] of history.changes.entries()) {
      if (!isNews(c, i === 0)) continue;
      const base = { ...NO_DETAILS, scope: scope.id, version, validity, source: c.at, date: c.at.date, transition };
      const commit = commitKey(scope.revisions, c.revision.commit); // the revision's own commit: ids stay as they were
      if (c.date !== null && c.previous === null) {
        events.push({
          ...base,
          id: `announced/${scope.id}/${key}/${commit}`,
          kind: 'announced',
          target: c.date,
          leadDays: daysBetween(c.at.date, c.date),
          title: transitionTitle(subject, { validity }, c.date),
        });
      } else if (c.date !== null && c.previous !== null) {
        events.push({
          ...base,
          id: `moved/${scope.id}/${key}/${commit}`,
          kind: 'moved',
          target: c.date,
          previous: c.previous,
          leadDays: daysBetween(c.at.date, c.date),
          title: movedTitle(subject, { validity }, c.date, c.previous),
        });
      } else if (c.previous !== null) {
        // The id keeps its first prefix: it is the RSS guid, and a new one would be news again.
        events.push({
          ...base,
          id: `cancelled/${scope.id}/${key}/${commit}`,
          kind: 'withdrawn',
          previous: c.previous,
          title: withdrawnTitle(subject, { validity }, c.previous),
        });
      }
    }
  }
  const seen = new Set<string>();
  for (const r of scope.revisions) {
    if (r.format === 'unparseable') continue;
    for (const v of r.versions) {
      if (seen.has(v.name)) continue;
      seen.add(v.name);
      if (r === scope.revisions[0]) continue; // the first revision imports, it does not add
      events.push({
        ...NO_DETAILS,
        id: `version-added/${scope.id}/${v.name}`,
        kind: 'version-added',
        date: r.date,
        scope: scope.id,
        version: v.name,
        source: creditOf(r),
        title: versionAddedTitle(`${short} ${v.name}`),
      });
    }
  }
  return events;
}

function documentEvents(doc: Document): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const label = `${doc.id} (${doc.title})`;
  const added = doc.history[0] ?? null;
  if (added) {
    events.push({
      ...NO_DETAILS,
      id: `document-added/${doc.id}`,
      kind: 'document-added',
      date: added.date,
      document: doc.id,
      state: added.status,
      source: { commit: added.commit, date: added.date, pr: added.pr },
      title: documentAddedTitle(label, added.status),
    });
  }
  const dated = (field: 'stabilizedAt' | 'deprecatedAt' | 'rejectedAt', value: Day) => {
    const setters = doc.history.filter(
      (h, i) => h[field] === value && (i === 0 || doc.history[i - 1]![field] !== value),
    );
    const changes = doc.history.filter(
      (h, i) => h[field] !== null && (i === 0 || doc.history[i - 1]![field] !== h[field]),
    );
    const last = setters[setters.length - 1] ?? null;
    const source = last ? { commit: last.commit, date: last.date, pr: last.pr } : null;
    const first = changes[0] ? { commit: changes[0].commit, date: changes[0].date, pr: changes[0].pr } : null;
    return {
      announced: first,
      source,
      leadDays: source ? daysBetween(source.date, value) : null,
      sequence: Math.max(0, changes.length - 1),
    };
  };
  for (const t of documentTransitions(doc)) {
    const field = t.state === 'Stable' ? 'stabilizedAt' : 'deprecatedAt';
    events.push({
      ...NO_DETAILS,
      ...dated(field, t.on),
      id: `document/${doc.id}/${t.state.toLowerCase()}`,
      kind: 'document',
      date: t.on,
      document: doc.id,
      state: t.state,
      transition: `document/${doc.id}/${t.state.toLowerCase()}`,
      title: transitionTitle(label, { state: t.state }, t.on),
    });
  }
  events.push(...documentDateChanges(doc, label));
  if (doc.status === 'Rejected') {
    const change = doc.history.find((h) => h.status === 'Rejected') ?? null;
    const on = doc.rejectedAt ?? change?.date ?? null;
    if (on) {
      const source = change ? { commit: change.commit, date: change.date, pr: change.pr } : null;
      events.push({
        ...NO_DETAILS,
        id: `document/${doc.id}/rejected`,
        kind: 'document',
        date: on,
        document: doc.id,
        state: 'Rejected',
        announced: source,
        source,
        transition: `document/${doc.id}/rejected`,
        title: transitionTitle(label, { state: 'Rejected' }, on),
      });
    }
  }
  return events;
}

/** The order of kinds on one day, as the schema lists them: transitions first, then the changes that announced them. */
const KIND_ORDER = EventKind.options;

/**
 * One transition is one event: a scope version turning effective (deprecated) on the day its
 * scope document turns Stable (Deprecated) is one event naming both ("IaaS v5.1
 * (scs-0501-v5) becomes effective"). It keeps the version event's id, so feed subscribers see
 * neither a duplicate nor a cancellation; the document's own event is dropped.
 */
export function mergeScopeDocumentEvents(events: readonly TimelineEvent[], scopes: readonly Scope[]): TimelineEvent[] {
  const documentOf = documentsOfVersions(scopes);
  const byDocument = new Map<string, TimelineEvent>();
  for (const e of events)
    if (e.kind === 'document' && e.document) byDocument.set(`${e.document}/${e.state}/${e.date}`, e);
  const dropped = new Set<TimelineEvent>();
  const merged = events.map((e) => {
    if (e.kind !== 'validity' || e.scope === null || e.version === null || e.validity === null) return e;
    const doc = documentOf.get(`${e.scope}/${e.version}`);
    const state = SAME_TRANSITION[e.validity];
    const twin = doc && state ? byDocument.get(`${doc}/${state}/${e.date}`) : undefined;
    if (!doc || !state || !twin || dropped.has(twin)) return e;
    dropped.add(twin);
    const scope = scopes.find((s) => s.id === e.scope)!;
    return {
      ...e,
      document: doc,
      state,
      title: transitionTitle(`${shortName(scope)} ${e.version} (${doc})`, { validity: e.validity }, e.date),
    };
  });
  return merged.filter((e) => !dropped.has(e));
}

/** Every event of a dataset, by date, then kind, then id. */
export function deriveEvents(dataset: Pick<Dataset, 'scopes' | 'documents'>): TimelineEvent[] {
  const events = mergeScopeDocumentEvents(
    [...dataset.scopes.flatMap(scopeEvents), ...dataset.documents.flatMap(documentEvents)],
    dataset.scopes,
  );
  return events.sort((a, b) =>
    a.date !== b.date
      ? a.date < b.date
        ? -1
        : 1
      : KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** Transitions (scope validity and document lifecycle) from `from` for `days` days, both ends included. */
export function upcoming(events: readonly TimelineEvent[], from: Day, days: number): TimelineEvent[] {
  const until = addDays(from, days);
  return events.filter((e) => (e.kind === 'validity' || e.kind === 'document') && e.date >= from && e.date <= until);
}
