/**
 * What a scope version includes: the standards (document ids, `scs-0123-v1`) a provider must
 * fulfil for it. From the scope YAML's modules or groups (resolved recursively), else from the
 * scope document's "Subject Matter". The one answer for readiness, diffs and pages.
 */
import type { Scope } from '../schemas/data.ts';
import type { VersionFacts } from '../schemas/scope-facts.ts';

export interface IncludedStandards {
  standards: string[];
  /** `scope file` or `document`; null when neither names any standard. */
  from: VersionFacts['standardsFrom'];
}

/** The standards `version` of `scope` includes, sorted; empty (from null) for a version the scope does not know. */
export function includedStandards(scope: Pick<Scope, 'facts'>, version: string): IncludedStandards {
  const f = scope.facts.find((x) => x.name === version);
  return f ? { standards: [...f.standards], from: f.standardsFrom } : { standards: [], from: null };
}

/** The facts of one version, or null. */
export function versionFacts(scope: Pick<Scope, 'facts'>, version: string): VersionFacts | null {
  return scope.facts.find((x) => x.name === version) ?? null;
}
