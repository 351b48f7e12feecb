/**
 * Reading a certificate-scope file (`Tests/scs-compatible-*.yaml`) into the project's
 * model, in either format it has had (scs-0003-v1 with `timeline`, or the legacy one).
 */
import { InputError, parseOrThrow } from '../parse/errors.ts';
import { legacyTimeline, type DraftSince } from './legacy.ts';
import { LegacyScopeFile, LegacyVersion, ScopeFile, type TimelineEntry } from '../schemas/scope-file.ts';
import type { Module, ScopeVersion } from '../schemas/data.ts';
import { parseYaml } from '../parse/yaml.ts';
import { z } from 'zod';
import type { Day } from '../days/day.ts';
import { resolveIncludes } from './groups.ts';
import { unknownKeyWarnings } from './scope-keys.ts';

export interface ParsedScope {
  format: 'timeline' | 'legacy';
  uuid: string | null;
  name: string;
  url: string | null;
  modules: Module[];
  versions: ScopeVersion[];
  timeline: TimelineEntry[];
  /** Revamped format: the group that tests each version (`v5.1` → `scs-0501-v5`). */
  testGroups: Record<string, string>;
  /** Keys of the file this project does not know (see `unknownKeyWarnings`). */
  warnings: string[];
}

const DOC_IN_TEXT = /\bscs-(\d{4})-([vw]\d+)/;

/** The document a module checks, from its URL or id (`scs-0100-v3.1` → `scs-0100-v3`). */
export function documentOfModule(id: string, url: string | null | undefined): string | null {
  for (const text of [url ?? '', id]) {
    const m = DOC_IN_TEXT.exec(text);
    if (m) return `scs-${m[1]}-${m[2]}`;
  }
  return null;
}

function parseTimelineFormat(doc: Record<string, unknown>, file: string): ParsedScope {
  const scope = parseOrThrow(ScopeFile, doc, file);
  const moduleIds = new Set(scope.modules.map((m) => m.id));
  const testGroups: Record<string, string> = {};
  for (const v of scope.versions) if (v.test !== undefined) testGroups[v.version] = v.test;
  // Modules (scs-0003-v1) and groups (revamped) are one list: both name what tests a standard.
  const modules: Module[] = [...scope.modules, ...scope.groups.filter((g) => !moduleIds.has(g.id))].map((m) => ({
    id: m.id,
    name: m.name.trim(),
    url: m.url ?? null,
    document: documentOfModule(m.id, m.url),
  }));
  return {
    format: 'timeline',
    uuid: scope.uuid,
    name: scope.name,
    url: scope.url ?? null,
    modules,
    versions: scope.versions.map((v) => ({
      name: v.version,
      stabilizedAt: v.stabilized_at ?? null,
      include: resolveIncludes(
        v.test !== undefined ? [v.test, ...v.include] : v.include,
        scope.groups,
        moduleIds,
        file,
      ),
    })),
    timeline: scope.timeline,
    testGroups,
    warnings: unknownKeyWarnings(doc, file),
  };
}

/** The oldest files keep versions under a layer key (`iaas:`) instead of `versions:`. */
function legacyVersionsKey(doc: Record<string, unknown>): string | null {
  if (Array.isArray(doc.versions)) return 'versions';
  for (const [key, value] of Object.entries(doc)) {
    if (
      Array.isArray(value) &&
      value.length > 0 &&
      value.every((v) => typeof v === 'object' && v !== null && 'version' in v)
    ) {
      return key;
    }
  }
  return null;
}

function parseLegacyFormat(doc: Record<string, unknown>, file: string, since: Day | DraftSince | null): ParsedScope {
  const key = legacyVersionsKey(doc);
  if (key === null) {
    throw new InputError([
      {
        file,
        key: 'timeline',
        value: null,
        expected: 'missing; expected a timeline: list (scs-0003-v1), or versions: in the legacy format',
      },
    ]);
  }
  const scope = parseOrThrow(LegacyScopeFile, { ...doc, versions: doc[key] }, file);
  const versions: z.output<typeof LegacyVersion>[] = scope.versions;
  return {
    format: 'legacy',
    uuid: scope.uuid ?? null,
    name: scope.name,
    url: scope.url ?? null,
    modules: [],
    versions: versions.map((v) => ({
      name: v.version,
      stabilizedAt: v.stabilized_at ?? null,
      include: (v.standards ?? []).map((s) => ({ ref: s.name.trim(), parameters: {} })),
    })),
    timeline: legacyTimeline(versions, since),
    testGroups: {},
    warnings: [],
  };
}

/**
 * Parse a scope file's text; throws InputError naming file, key, value and expectation.
 * `since` is, for a legacy file, the day each version first appeared in the history (or one
 * day for all, such as the day of the commit the text is from): see `legacyTimeline`.
 */
export function parseScopeText(text: string, file: string, since: Day | DraftSince | null = null): ParsedScope {
  const doc = parseYaml(text, file);
  if (!isMapping(doc)) {
    throw new InputError([
      { file, key: '', value: null, expected: 'expected a YAML mapping with name, uuid, versions and timeline' },
    ]);
  }
  return 'timeline' in doc ? parseTimelineFormat(doc, file) : parseLegacyFormat(doc, file, since);
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `Tests/scs-compatible-iaas.yaml` → `iaas`. */
export function scopeIdOfFile(path: string): string {
  const base = path
    .split('/')
    .pop()!
    .replace(/\.ya?ml$/, '');
  return base.replace(/^scs-compatible-?/, '') || base;
}

/** Files the sync treats as certificate scopes (scs-0003-v1 places them here). */
export const SCOPE_FILE_PATTERN = /^Tests\/scs-compatible[^/]*\.ya?ml$/;
