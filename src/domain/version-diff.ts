/**
 * What changes between two versions of a scope: modules added, removed, or included with
 * other parameters — what a provider must newly implement when moving up.
 */
import { documentOfModule } from './scope-parse.ts';
import type { Include, Module, Scope, ScopeVersion } from './schemas/data.ts';

export interface VersionDiff {
  from: string;
  to: string;
  added: Include[];
  removed: Include[];
  /** Same module, other parameters. */
  changed: { ref: string; before: Include['parameters']; after: Include['parameters'] }[];
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
  return [...new Set(version.include.map((i) => (docs.has(i.ref) ? docs.get(i.ref)! : documentOfModule(i.ref, null))).filter((d): d is string => d !== null))].sort();
}

export function versionDiff(from: ScopeVersion, to: ScopeVersion, modules: readonly Module[] = []): VersionDiff {
  const before = new Map(from.include.map((i) => [i.ref, i]));
  const after = new Map(to.include.map((i) => [i.ref, i]));
  const added = to.include.filter((i) => !before.has(i.ref));
  const removed = from.include.filter((i) => !after.has(i.ref));
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
    documentsAdded: [...docsAfter].filter((d) => !docsBefore.has(d)).sort(),
    documentsRemoved: [...docsBefore].filter((d) => !docsAfter.has(d)).sort(),
  };
}

/**
 * Diffs between consecutive versions, oldest first. Versions are listed newest first
 * upstream; `next` and other unstabilized versions come last.
 */
export function consecutiveDiffs(scope: Pick<Scope, 'versions' | 'modules'>): VersionDiff[] {
  const ordered = [...scope.versions].reverse();
  const out: VersionDiff[] = [];
  for (let i = 1; i < ordered.length; i++) out.push(versionDiff(ordered[i - 1]!, ordered[i]!, scope.modules));
  return out;
}
