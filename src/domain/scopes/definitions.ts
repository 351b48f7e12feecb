/**
 * The latest definition of each version in the scope YAML: the head file's, else that of
 * the last revision that listed it (a version pruned from the file keeps its definition).
 */
import type { Revision, Scope, ScopeVersion } from '../schemas/data.ts';

export interface VersionDefinition {
  version: ScopeVersion;
  /** Listed in the head file. */
  current: boolean;
  /** For a version no longer listed: the last revision that listed it. */
  lastSeen: Revision | null;
}

export function versionDefinitions(scope: Pick<Scope, 'versions' | 'revisions'>): Map<string, VersionDefinition> {
  const out = new Map<string, VersionDefinition>();
  for (const v of scope.versions) out.set(v.name, { version: v, current: true, lastSeen: null });
  for (const r of [...scope.revisions].reverse()) {
    for (const v of r.versions) if (!out.has(v.name)) out.set(v.name, { version: v, current: false, lastSeen: r });
  }
  return out;
}
