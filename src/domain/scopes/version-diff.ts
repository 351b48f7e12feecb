/**
 * What changes between two versions of a scope: modules added, removed, or included with
 * other parameters — what a provider must newly implement when moving up.
 */
import { documentOfModule } from './scope-parse.ts';
import { versionDefinitions } from './definitions.ts';
import type { Include, Module, Scope, ScopeVersion } from '../schemas/data.ts';

export interface VersionDiff {
  from: string;
  to: string;
  added: Include[];
  removed: Include[];
  /** Same module, other parameters. */
  changed: { ref: string; before: Include['parameters']; after: Include['parameters'] }[];
  /**
   * One standard, checked by another module: re-parameterised or replaced
   * (`scs-0104-v1-1` → `scs-0104-v1-2`, `scs-0102-v1` → `scs-0102-v2`). Not in added/removed.
   */
  replaced: { before: Include; after: Include; document: string }[];
  /** Documents (`scs-0123-v1`) that `to` includes and `from` does not. */
  documentsAdded: string[];
  documentsRemoved: string[];
}

function sameParameters(a: Include['parameters'], b: Include['parameters']): boolean {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}

/** The document each module checks (by module id), from the scope's modules. */
export function moduleDocuments(modules: readonly Module[]): Map<string, string | null> {
  return new Map(modules.map((m) => [m.id, m.document]));
}

/**
 * The standards (document ids) a version includes, through the modules that check them. A
 * module the head file no longer defines (a version pruned since) is read by its id
 * (`scs-0100-v1` checks scs-0100-v1).
 */
export function documentsOfVersion(version: ScopeVersion, modules: readonly Module[]): string[] {
  const docs = moduleDocuments(modules);
  return [
    ...new Set(
      version.include
        .map((i) => (docs.has(i.ref) ? docs.get(i.ref)! : documentOfModule(i.ref, null)))
        .filter((d): d is string => d !== null),
    ),
  ].sort();
}

export function versionDiff(from: ScopeVersion, to: ScopeVersion, modules: readonly Module[] = []): VersionDiff {
  const before = new Map(from.include.map((i) => [i.ref, i]));
  const after = new Map(to.include.map((i) => [i.ref, i]));
  const docs = moduleDocuments(modules);
  const docOf = (ref: string) => (docs.has(ref) ? docs.get(ref)! : documentOfModule(ref, null));
  let added = to.include.filter((i) => !before.has(i.ref));
  let removed = from.include.filter((i) => !after.has(i.ref));
  // A module replaced by another one for the same standard (same document, else same series)
  // is a change of that standard, not one standard added and another removed.
  const replaced: VersionDiff['replaced'] = [];
  for (const a of added) {
    const da = docOf(a.ref);
    if (da === null) continue;
    const r =
      removed.find((x) => docOf(x.ref) === da) ?? removed.find((x) => docOf(x.ref)?.slice(0, 8) === da.slice(0, 8));
    if (!r) continue;
    replaced.push({ before: r, after: a, document: da });
    removed = removed.filter((x) => x !== r);
  }
  added = added.filter((a) => !replaced.some((x) => x.after === a));
  const changed = to.include
    .filter((i) => before.has(i.ref) && !sameParameters(before.get(i.ref)!.parameters, i.parameters))
    .map((i) => ({ ref: i.ref, before: before.get(i.ref)!.parameters, after: i.parameters }));
  const docsBefore = new Set(documentsOfVersion(from, modules));
  const docsAfter = new Set(documentsOfVersion(to, modules));
  return {
    from: from.name,
    to: to.name,
    added,
    removed,
    changed,
    replaced,
    documentsAdded: [...docsAfter].filter((d) => !docsBefore.has(d)).sort(),
    documentsRemoved: [...docsBefore].filter((d) => !docsAfter.has(d)).sort(),
  };
}

/**
 * Diffs between consecutive versions, oldest first, versions pruned from the file included
 * (their last definition in the history): there is a v5 → v5.1 diff. Versions are ordered by
 * stabilization day (unstabilized ones, `next`, last), then by name; without facts (older
 * data), as upstream lists them, newest first.
 */
export function consecutiveDiffs(
  scope: Pick<Scope, 'versions' | 'modules'> & Partial<Pick<Scope, 'revisions' | 'facts'>>,
): VersionDiff[] {
  const defs = versionDefinitions({ versions: scope.versions, revisions: scope.revisions ?? [] });
  const day = new Map((scope.facts ?? []).map((f) => [f.name, f.stabilizedAt]));
  const listed = [...defs.values()].map((d) => d.version);
  const ordered =
    scope.facts && scope.facts.length > 0
      ? [...listed].sort((a, b) => {
          const da = day.get(a.name) ?? a.stabilizedAt ?? '9999';
          const db = day.get(b.name) ?? b.stabilizedAt ?? '9999';
          return da !== db ? (da < db ? -1 : 1) : a.name.localeCompare(b.name, 'en', { numeric: true });
        })
      : [...scope.versions].reverse();
  const out: VersionDiff[] = [];
  for (let i = 1; i < ordered.length; i++) out.push(versionDiff(ordered[i - 1]!, ordered[i]!, scope.modules));
  return out;
}
