/**
 * What a scope version includes: the standards (document ids, `scs-0123-v1`) a provider must
 * fulfil for it. From the scope YAML's modules or groups (resolved recursively), else from the
 * scope document's "Subject Matter". The one answer for readiness, diffs and pages.
 */
import type { Scope } from '../schemas/data.ts';
import type { VersionFacts } from '../schemas/scope-facts.ts';
import { shortName } from '../scopes/scopes.ts';

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

export interface DocumentScopeVersion {
  scope: string;
  scopeName: string;
  /** `IaaS v5.1`. */
  label: string;
  facts: VersionFacts;
}

/** Which scope version a scope document is (`scs-0501-v5` → IaaS v5.1), or null. */
export function scopeVersionOfDocument(scopes: readonly Scope[], documentId: string): DocumentScopeVersion | null {
  for (const s of scopes) {
    const f = s.facts.find((x) => x.document === documentId);
    if (f) return { scope: s.id, scopeName: s.name, label: `${shortName(s)} ${f.name}`, facts: f };
  }
  return null;
}
