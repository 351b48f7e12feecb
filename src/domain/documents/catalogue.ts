/**
 * The catalogue of standards on a day: documents grouped by track and number, each with its
 * state by scs-0001-v1 (and the next state when a future date is set), and the facets the
 * catalogue filters by. Also which scope versions include which document.
 */
import type { Day } from '../days/day.ts';
import { documentStateOn, type DocumentState } from './document-state.ts';
import { compareVersions } from './document-parse.ts';
import type { Document, Scope } from '../schemas/data.ts';
import { documentsOfVersion } from '../scopes/version-diff.ts';

/** Tracks in the order scs-0001-v1 lists them; others follow alphabetically. */
export const TRACK_ORDER = ['Global', 'IaaS', 'KaaS', 'IAM', 'Ops', 'Scopes'];
export const NO_TRACK = 'No track';

/** The state facet: the state on the day, or the state a set future date brings. */
export type StateFacet =
  | 'Draft'
  | 'Stable'
  | 'Deprecated'
  | 'Rejected'
  | 'Stable from a future date'
  | 'Deprecated from a future date'
  | 'No status';
export const STATE_FACETS: StateFacet[] = [
  'Draft',
  'Stable from a future date',
  'Stable',
  'Deprecated from a future date',
  'Deprecated',
  'Rejected',
  'No status',
];

export function stateFacet(state: DocumentState): StateFacet {
  if (state.next?.state === 'Stable') return 'Stable from a future date';
  if (state.next?.state === 'Deprecated') return 'Deprecated from a future date';
  return state.state ?? 'No status';
}

export interface CatalogueEntry {
  doc: Document;
  state: DocumentState;
  facet: StateFacet;
  /** Supplements of this document (ids), from the supplements' `supplements` field. */
  supplementedBy: string[];
}

export interface CatalogueSeries {
  series: string;
  entries: CatalogueEntry[];
}

export interface CatalogueTrack {
  track: string;
  series: CatalogueSeries[];
}

export interface Catalogue {
  day: Day;
  tracks: CatalogueTrack[];
  types: string[];
  states: StateFacet[];
}

/** For each document id, the documents that supplement it (`supplements` may name a file: its document id counts). */
export function supplementedBy(documents: readonly Document[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of documents) {
    for (const target of d.supplements) {
      const id = /^scs-\d{4}-[vw]\d+/.exec(target)?.[0] ?? target;
      out.set(id, [...(out.get(id) ?? []), d.id]);
    }
  }
  return out;
}

export function catalogue(documents: readonly Document[], day: Day): Catalogue {
  const supplements = supplementedBy(documents);
  const byTrack = new Map<string, Map<string, CatalogueEntry[]>>();
  for (const doc of documents) {
    const state = documentStateOn(doc, day);
    const track = doc.track ?? NO_TRACK;
    const series = byTrack.get(track) ?? new Map<string, CatalogueEntry[]>();
    byTrack.set(track, series);
    series.set(doc.series, [
      ...(series.get(doc.series) ?? []),
      { doc, state, facet: stateFacet(state), supplementedBy: supplements.get(doc.id) ?? [] },
    ]);
  }
  const rank = (t: string) => (TRACK_ORDER.includes(t) ? TRACK_ORDER.indexOf(t) : t === NO_TRACK ? 1000 : 100);
  const tracks = [...byTrack.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const presentStates = new Set<StateFacet>();
  for (const s of byTrack.values()) for (const es of s.values()) for (const e of es) presentStates.add(e.facet);
  return {
    day,
    tracks: tracks.map((track) => ({
      track,
      series: [...byTrack.get(track)!.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([series, entries]) => ({
          series,
          // v before w (supplements last), then by number.
          entries: entries.sort((a, b) => compareVersions(a.doc.version, b.doc.version)),
        })),
    })),
    types: [...new Set(documents.map((d) => d.type))].sort(),
    states: STATE_FACETS.filter((s) => presentStates.has(s)),
  };
}

export interface ScopeInclusion {
  scope: string;
  scopeName: string;
  version: string;
}

/** For each document id, the scope versions (current and removed ones) whose modules check it. */
export function scopeVersionsIncluding(scopes: readonly Scope[]): Map<string, ScopeInclusion[]> {
  const out = new Map<string, ScopeInclusion[]>();
  for (const scope of scopes) {
    const seen = new Set<string>();
    const versions = [...scope.versions];
    for (const r of [...scope.revisions].reverse()) {
      for (const v of r.versions) if (!versions.some((x) => x.name === v.name)) versions.push(v);
    }
    for (const v of versions) {
      if (seen.has(v.name)) continue;
      seen.add(v.name);
      for (const doc of documentsOfVersion(v, scope.modules)) {
        out.set(doc, [...(out.get(doc) ?? []), { scope: scope.id, scopeName: scope.name, version: v.name }]);
      }
    }
  }
  return out;
}
