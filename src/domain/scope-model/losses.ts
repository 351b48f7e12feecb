/**
 * What a sync result lost that the previous data had: a scope, a version, a version's
 * stabilization day, a standard a version included. A format change upstream (or a deleted
 * scope file) must never make facts disappear in silence: each loss becomes a warning.
 */
import type { Dataset, Scope } from '../schemas/data.ts';
import { allVersionNames, shortName } from '../scopes/scopes.ts';
import { documentsOfVersion } from '../scopes/version-diff.ts';
import { versionDefinitions } from '../scopes/definitions.ts';

interface Known {
  stabilizedAt: string | null;
  standards: string[];
}

/** Per version: its stabilization day and included standards, from the facts, or (older data) the YAML. */
function knownVersions(scope: Scope): Map<string, Known> {
  if (scope.facts.length > 0)
    return new Map(scope.facts.map((f) => [f.name, { stabilizedAt: f.stabilizedAt, standards: f.standards }]));
  const defs = versionDefinitions(scope);
  return new Map(
    allVersionNames(scope).map((name) => {
      const def = defs.get(name);
      return [
        name,
        {
          stabilizedAt: def?.version.stabilizedAt ?? null,
          standards: def ? documentsOfVersion(def.version, scope.modules) : [],
        },
      ];
    }),
  );
}

/** One line per loss, naming the scope and version and what went missing. */
export function scopeLosses(previous: Pick<Dataset, 'scopes'>, next: Pick<Dataset, 'scopes'>): string[] {
  const out: string[] = [];
  for (const before of previous.scopes) {
    const after = next.scopes.find((s) => s.id === before.id);
    if (!after) {
      out.push(`scope ${before.name} (${before.id}) is gone`);
      continue;
    }
    const short = shortName(before);
    const now = knownVersions(after);
    for (const [name, was] of knownVersions(before)) {
      const is = now.get(name);
      if (!is) {
        out.push(`${short} ${name}: the version is gone`);
        continue;
      }
      if (was.stabilizedAt !== null && is.stabilizedAt === null)
        out.push(`${short} ${name}: its stabilization day ${was.stabilizedAt} is gone`);
      const missing = was.standards.filter((d) => !is.standards.includes(d));
      if (missing.length > 0) out.push(`${short} ${name}: no longer includes ${missing.join(', ')}`);
    }
  }
  return out;
}
