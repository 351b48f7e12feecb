/**
 * Scopes that only their documents describe: a series of scope documents (track `Scopes`,
 * "This is vN of the certificate scope") that no scope file claims is still a scope, and a
 * head without any scope file still has its scopes. Their versions' validity comes from the
 * documents' own dates (`document-periods.ts`), their standards from the subject matter.
 */
import type { Scope } from '../schemas/data.ts';
import type { VersionFacts } from '../schemas/scope-facts.ts';
import { timelineOfPeriods } from './document-periods.ts';
import { documentOnlyFacts, type ScopeDocument } from './version-facts.ts';

/** `SCS-compatible IaaS` → `iaas`: the id a scope file of that name would have, so addresses stay. */
export function scopeIdOfName(name: string): string {
  const short = name.replace(/^SCS[- ]compatible\s+/i, '') || name;
  return (
    short
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'scope'
  );
}

/** Scopes of the scope documents in `docs`, one per document series, oldest version first. */
export function scopesFromDocuments(docs: readonly ScopeDocument[], takenIds: ReadonlySet<string>): Scope[] {
  const bySeries = new Map<string, ScopeDocument[]>();
  for (const d of docs) {
    if (d.body.versionName === null) continue; // scs-0500-v1 defines scopes, it is not one
    bySeries.set(d.doc.series, [...(bySeries.get(d.doc.series) ?? []), d]);
  }
  const ids = new Set(takenIds);
  const scopes: Scope[] = [];
  for (const [series, list] of [...bySeries].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const ordered = [...list].sort((a, b) => Number(a.doc.version.slice(1)) - Number(b.doc.version.slice(1)));
    const name = ordered[ordered.length - 1]!.doc.title;
    let id = scopeIdOfName(name);
    if (ids.has(id)) id = series;
    ids.add(id);
    const used = new Set<string>();
    const facts: VersionFacts[] = ordered.map((d) => {
      const version = d.body.versionName !== null && !used.has(d.body.versionName) ? d.body.versionName : d.doc.id;
      used.add(version);
      return documentOnlyFacts(version, d);
    });
    scopes.push({
      id,
      uuid: null,
      name,
      url: null,
      file: null,
      modules: [],
      versions: [],
      timeline: timelineOfPeriods(new Map(facts.map((f) => [f.name, f.periods]))),
      revisions: [],
      facts,
    });
  }
  return scopes;
}
