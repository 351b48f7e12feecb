/**
 * A scope version and its scope document (track `Scopes`, upstream #1199) describe one
 * transition twice: the version turning effective (deprecated, scs-0003-v1) on the day its
 * document turns Stable (Deprecated, scs-0001-v1). Every list of transitions shows it once.
 */
import type { Scope } from '../schemas/data.ts';
import type { DocumentStatus } from '../schemas/front-matter.ts';
import type { Validity } from '../schemas/validity.ts';

/** The document state that is the same transition as a version's validity. */
export const SAME_TRANSITION: Partial<Record<Validity, DocumentStatus>> = {
  effective: 'Stable',
  deprecated: 'Deprecated',
};

/** `iaas/v5.1` → `scs-0501-v5`: each version's scope document, where one is known. */
export function documentsOfVersions(scopes: readonly Pick<Scope, 'id' | 'facts'>[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const s of scopes) for (const f of s.facts) if (f.document !== null) found.set(`${s.id}/${f.name}`, f.document);
  return found;
}
