/**
 * Keys of a scope file this project does not know. The schema lets them pass (a new upstream
 * key must not break the sync), so they are said out loud instead: a format change upstream
 * shows up as a warning naming the key, never as data quietly missing.
 */

/** Top-level keys of scs-0003-v1 and of the revamped format (`groups`). */
export const TOP_LEVEL_KEYS = [
  'name',
  'uuid',
  'url',
  'variables',
  'scripts',
  'modules',
  'groups',
  'timeline',
  'versions',
] as const;
/** Keys of a version: `include`/`stabilized_at` (scs-0003-v1), `test` (revamped). */
export const VERSION_KEYS = ['version', 'stabilized_at', 'include', 'test'] as const;

function keysOf(value: unknown): string[] {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
}

/** One warning per unknown key, naming the file, where the key is and what is known. */
export function unknownKeyWarnings(doc: Record<string, unknown>, file: string): string[] {
  const top = new Set<string>(TOP_LEVEL_KEYS);
  const version = new Set<string>(VERSION_KEYS);
  const out: string[] = [];
  for (const key of Object.keys(doc)) {
    if (!top.has(key))
      out.push(`${file}: unknown top-level key "${key}" ignored; known keys: ${TOP_LEVEL_KEYS.join(', ')}`);
  }
  const versions = Array.isArray(doc.versions) ? doc.versions : [];
  versions.forEach((v: unknown, i) => {
    const name =
      keysOf(v).includes('version') && v !== null && typeof v === 'object' && 'version' in v
        ? String(v.version)
        : `#${i}`;
    for (const key of keysOf(v)) {
      if (!version.has(key))
        out.push(
          `${file}: versions[${i}] (${name}): unknown key "${key}" ignored; known keys: ${VERSION_KEYS.join(', ')}`,
        );
    }
  });
  return out;
}
