/**
 * The certificate-scope file as upstream writes it (`Tests/scs-compatible-*.yaml`), in the
 * format of scs-0003-v1 (`modules` with `targets`, versions listing `include` and
 * `stabilized_at`), in the revamped one (`groups` with `include`, versions naming a
 * `test` group), or mixing both during the transition.
 * Only the keys this project reads are checked strictly; the rest (scripts, variables, …)
 * pass through, so new upstream keys do not break the sync (unknown top-level and version
 * keys are reported as warnings: `scopes/scope-keys.ts`).
 */
import { z } from 'zod';
import { Day } from '../days/day.ts';
import { Validity } from './validity.ts';
import { MAX_REVISION_TIMELINE_ENTRIES } from '../parse/caps.ts';

/**
 * A version's name (`v5.1`, `next`) is part of event ids (`scope/iaas/v5.1/warn`), feed UIDs
 * and page anchors: a `/`, a space or a control character in it would split or break them.
 */
export const VersionName = z
  .string()
  .regex(/^[^/\s\u0000-\u001f\u007f]+$/, 'expected a version name without "/", spaces or control characters');

/** A version's name as the YAML writes it: a string, or a number (`version: 4`) read as its string. */
const YamlVersionName = z
  .union([z.string().min(1), z.number()])
  .transform(String)
  .pipe(VersionName);

/** Module parameters are free-form values (an image-spec URL, a number). */
const Parameters = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

/** An include is a module id, or `{ref, parameters}` to include a module with parameters. */
export const IncludeItem = z.union([
  z.string().min(1),
  z.object({ ref: z.string().min(1), parameters: Parameters.optional() }).loose(),
]);

export const ScopeFileVersion = z
  .object({
    /** The version's name: `v4`, `v5.1`, `next`. */
    version: YamlVersionName,
    /** The day the version was stabilized; absent for a version in preparation. */
    stabilized_at: Day.optional().nullable(),
    include: z.array(IncludeItem).default([]),
    /** Revamped format: the id of the group that tests this version (instead of `include`). */
    test: z.string().min(1).optional(),
  })
  .loose();

/** What a module and a group both are: an id, a name, and the URL of the standard they check. */
const ScopeFileEntry = z.object({
  id: z.string().min(1),
  name: z.string().default(''),
  url: z.string().optional(),
});

/**
 * Revamped format: a named group of tests. `include` lists other group ids or testcase
 * ids; `url` names the standard (or, for a version's own group, the scope document).
 */
export const ScopeFileGroup = ScopeFileEntry.extend({ include: z.array(IncludeItem).default([]) }).loose();

export const ScopeFileModule = ScopeFileEntry.extend({
  parameters: z.record(z.string(), z.unknown()).optional(),
}).loose();

export const TimelineEntry = z.object({
  /** From this day on (inclusive) the entry applies, until the next entry's date. */
  date: Day,
  /** Validity per version name; a version not listed is `deprecated` (scs-0003-v1). */
  versions: z.record(VersionName, Validity),
});
export type TimelineEntry = z.output<typeof TimelineEntry>;

export const ScopeFile = z
  .object({
    uuid: z.string().min(1),
    name: z.string().min(1),
    url: z.string().optional(),
    modules: z.array(ScopeFileModule).default([]),
    groups: z.array(ScopeFileGroup).default([]),
    // A page draws the whole timeline of a revision: one that long is refused at the head,
    // and kept as unparseable in the history (parse/caps.ts).
    timeline: z.array(TimelineEntry).max(MAX_REVISION_TIMELINE_ENTRIES, {
      message: `expected at most ${MAX_REVISION_TIMELINE_ENTRIES} timeline entries in one scope file`,
    }),
    versions: z.array(ScopeFileVersion),
  })
  .loose()
  .superRefine((scope, ctx) => {
    // scs_cert_lib `_resolve_spec`: duplicate version names and timeline names of unknown
    // versions are errors of the file, not something to guess around.
    const seen = new Set<string>();
    scope.versions.forEach((v, i) => {
      if (seen.has(v.version)) {
        ctx.addIssue({
          code: 'custom',
          path: ['versions', i, 'version'],
          input: v.version,
          message: `duplicate version name; expected each version to appear once`,
        });
      }
      seen.add(v.version);
    });
    const groups = new Set(scope.groups.map((g) => g.id));
    scope.versions.forEach((v, i) => {
      if (v.test !== undefined && !groups.has(v.test)) {
        ctx.addIssue({
          code: 'custom',
          path: ['versions', i, 'test'],
          input: v.test,
          message: `names no group; expected one of the ids under groups: (${[...groups].join(', ')})`,
        });
      }
    });
    scope.timeline.forEach((entry, i) => {
      for (const name of Object.keys(entry.versions)) {
        if (!seen.has(name)) {
          ctx.addIssue({
            code: 'custom',
            path: ['timeline', i, 'versions', name],
            input: name,
            message: `timeline names version "${name}", expected one of the versions listed under versions: (${[...seen].join(', ')})`,
          });
        }
      }
    });
  });
export type ScopeFile = z.output<typeof ScopeFile>;

/**
 * The format before August 2024 (scs-0003-v1 before `timeline`): versions carry
 * `stabilized_at` and `obsoleted_at` / `deprecated_at`, and list `standards` instead of
 * modules. The oldest files keep the versions under a layer key (`iaas:`).
 */
export const LegacyVersion = z
  .object({
    version: YamlVersionName,
    stabilized_at: Day.optional().nullable(),
    obsoleted_at: Day.optional().nullable(),
    deprecated_at: Day.optional().nullable(),
    standards: z
      .array(z.object({ name: z.string().default(''), url: z.string().optional() }).loose())
      .nullable()
      .default([]),
  })
  .loose();
export type LegacyVersion = z.output<typeof LegacyVersion>;

export const LegacyScopeFile = z
  .object({
    uuid: z.string().optional(),
    name: z.string().min(1),
    url: z.string().optional(),
    versions: z.array(LegacyVersion),
  })
  .loose();
export type LegacyScopeFile = z.output<typeof LegacyScopeFile>;
