/**
 * Rewrites a scope file of scs-0003-v1 into the revamped format upstream's open pull request
 * introduces: `modules` become `groups` (`include` lists the testcases of their targets), each
 * version gets a group of its own that names its scope document by URL and includes its
 * modules, and versions carry `test: <group id>` instead of `include` and `stabilized_at`.
 * Old timeline entries stay as they are (the pull request leaves them as comments).
 */
import yaml from 'js-yaml';

type Item = string | { ref: string; parameters?: Record<string, unknown> };
interface OldModule {
  id: string;
  name?: string;
  url?: string;
  targets?: Record<string, string[]>;
}
interface OldVersion {
  version: string;
  include?: Item[];
  stabilized_at?: string;
}
interface OldFile {
  modules?: OldModule[];
  versions: OldVersion[];
  [key: string]: unknown;
}

/** `documents`: version name → its scope document id (`v5.1` → `scs-0501-v5`), for the group ids and URLs. */
export function revampScopeFile(text: string, documents: Readonly<Record<string, string>>, slug: string): string {
  // CORE_SCHEMA keeps days as the strings upstream wrote (no timestamps).
  const old = yaml.load(text, { schema: yaml.CORE_SCHEMA }) as OldFile;
  const groups: Record<string, unknown>[] = (old.modules ?? []).map((m) => ({
    id: m.id,
    name: m.name ?? '',
    ...(m.url ? { url: m.url } : {}),
    include: Object.values(m.targets ?? {}).flat(),
  }));
  const versions = old.versions.map((v) => {
    const doc = documents[v.version];
    const id = doc ?? `scope-${v.version}`;
    groups.push({
      id,
      name: `${v.version}`,
      ...(doc ? { url: `https://docs.scs.community/standards/${doc}-${slug}` } : {}),
      include: v.include ?? [],
    });
    return { version: v.version, test: id };
  });
  const { modules: _modules, versions: _versions, ...rest } = old;
  void _modules;
  void _versions;
  return yaml.dump({ ...rest, groups, versions }, { lineWidth: -1 });
}
