/**
 * Small builders for scopes and documents in domain tests: only the fields a test cares
 * about are given, the rest get neutral values.
 */
import type { Document, DocumentChange, Revision, Scope } from '../../src/domain/schemas/data.ts';
import type { TimelineEntry } from '../../src/domain/schemas/scope-file.ts';
import type { ScopeDocument } from '../../src/domain/scope-model/version-facts.ts';
import { validityOn } from '../../src/domain/scopes/validity.ts';

/** A 40-digit commit id made from a short label, so tests can name commits. */
export function sha(label: string): string {
  return Buffer.from(label).toString('hex').padEnd(40, '0').slice(0, 40);
}

/** What a version is on each of `days` (its transitions' day before, of and after), by day. */
export function validitiesOn(timeline: readonly TimelineEntry[], version: string, days: readonly string[]) {
  return Object.fromEntries(days.map((day) => [day, validityOn(timeline, version, day)]));
}

export function revision(date: string, timeline: TimelineEntry[], extra: Partial<Revision> = {}): Revision {
  const names = [...new Set(timeline.flatMap((e) => Object.keys(e.versions)))];
  return {
    commit: sha(`${date}${extra.pr ?? ''}`),
    date,
    pr: null,
    title: `change of ${date}`,
    file: 'Tests/scs-compatible-x.yaml',
    format: 'timeline',
    error: null,
    timeline,
    versions: names.map((name) => ({ name, stabilizedAt: null, include: [] })),
    ...extra,
  };
}

export function scope(revisions: Revision[], extra: Partial<Scope> = {}): Scope {
  const last = [...revisions].reverse().find((r) => r.format !== 'unparseable');
  return {
    id: 'x',
    uuid: 'uuid-x',
    name: 'SCS-compatible X',
    url: null,
    file: 'Tests/scs-compatible-x.yaml',
    modules: [],
    versions: last?.versions ?? [],
    timeline: last?.timeline ?? [],
    revisions,
    facts: [],
    ...extra,
  };
}

export function documentOf(extra: Partial<Document> & Pick<Document, 'id'>): Document {
  const [, num, version] = /^scs-(\d{4})-([vw]\d+)$/.exec(extra.id)!;
  return {
    series: `scs-${num}`,
    version: version!,
    slug: 'a-standard',
    file: `Standards/${extra.id}-a-standard.md`,
    title: 'A standard',
    type: 'Standard',
    status: 'Draft',
    track: 'IaaS',
    stabilizedAt: null,
    deprecatedAt: null,
    rejectedAt: null,
    replaces: [],
    replacedBy: [],
    supplements: [],
    description: null,
    history: [],
    ...extra,
  };
}

/** A scope document (track `Scopes`) of the scope `SCS-compatible X` with what its body says. */
export function scopeDocument(
  id: string,
  body: { versionName?: string | null; standards?: string[] },
  extra: Partial<Document> = {},
): ScopeDocument {
  const doc = documentOf({
    id,
    title: 'SCS-compatible X',
    track: 'Scopes',
    file: `Standards/${id}-scs-compatible-x.md`,
    ...extra,
  });
  return { doc, body: { versionName: body.versionName ?? null, standards: body.standards ?? [] } };
}

/** A document history whose only change is the document being added, as a Draft, on `date`. */
export function addedOn(date: string): DocumentChange[] {
  return [
    { commit: sha(date), date, pr: null, status: 'Draft', stabilizedAt: null, deprecatedAt: null, rejectedAt: null },
  ];
}
