/**
 * `data/subjects.json`: what the compliance monitor reported per subject (cloud), as
 * written by the sync from `GET /status` (./monitor-status.ts). Only what the monitor
 * measured is kept (testcases, results, versions and their targets); what it derives is
 * derived here again from this tracker's timelines (./standing.ts).
 */
import { z } from 'zod';
import { HttpUrl } from '../schemas/url.ts';
import { Lifetime } from './add-period.ts';
import { CheckedAt, SubjectId, Verdict, type MonitorStatus } from './monitor-status.ts';

export const SubjectTestcase = z.object({
  id: z.string(),
  /** The result's lifetime (scs_cert_lib.py `add_period`); null = the default, `week`. */
  lifetime: Lifetime.nullable(),
  description: z.string().nullable(),
  url: z.string().nullable(),
});

export const SubjectResult = z.object({
  testcase: z.string(),
  result: Verdict,
  /** As the monitor wrote it; its calendar day is the check day. */
  checkedAt: CheckedAt,
  /** The uuid of the report the result came from. */
  report: z.string().nullable(),
});

export const SubjectVersion = z.object({
  name: z.string(),
  /** Targets (`main` is the one that decides) and the testcases each needs. */
  targets: z.array(z.object({ name: z.string(), testcases: z.array(z.string()) })),
});

export const SubjectScope = z.object({
  uuid: z.string(),
  name: z.string(),
  testcases: z.array(SubjectTestcase),
  results: z.array(SubjectResult),
  /** Newest first, as in the scope file (the monitor's `_idx`). */
  versions: z.array(SubjectVersion),
});

export const Subject = z.object({
  id: SubjectId,
  scopes: z.array(SubjectScope),
});

/** The prefix of a group's subject name in the monitor's pages (`GROUP_PREFIX` in monitor.py). */
export const GROUP_PREFIX = 'group-';

/**
 * A group as the monitor defines it: the accounts that share a `group` value (`db_get_group`
 * in sql.py), named `group-<value>` in its pages. `GET /status` reports subjects one by one;
 * the members come from the group's detail page, which lists each with a heading.
 */
export const SubjectGroup = z.object({
  /** `group-acme`. */
  id: SubjectId.refine(
    (id) => id.startsWith(GROUP_PREFIX) && id.length > GROUP_PREFIX.length,
    `expected ${GROUP_PREFIX}<name>`,
  ),
  /** Sorted; a member need not be in `subjects` (an account without results). */
  members: z.array(SubjectId).min(1),
  /** Linked from the monitor's overview table; else named with `--monitor-group`. */
  linked: z.boolean(),
});

export const SubjectsFile = z.object({
  /** Base URL of the monitor, ending in `/`. */
  monitor: HttpUrl,
  subjects: z.array(Subject),
  /** Absent in files written before groups were synced. */
  groups: z.array(SubjectGroup).default([]),
});

export type SubjectTestcase = z.output<typeof SubjectTestcase>;
export type SubjectResult = z.output<typeof SubjectResult>;
export type SubjectVersion = z.output<typeof SubjectVersion>;
export type SubjectScope = z.output<typeof SubjectScope>;
export type Subject = z.output<typeof Subject>;
export type SubjectGroup = z.output<typeof SubjectGroup>;
export type SubjectsFile = z.output<typeof SubjectsFile>;

const byKey =
  <T>(key: (t: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** The data file's content for a monitor's answer, sorted so that the same answer gives the same bytes. */
export function subjectsFromStatus(
  status: MonitorStatus,
  monitor: string,
  groups: readonly SubjectGroup[] = [],
): SubjectsFile {
  const subjects = Object.entries(status).map(([id, scopes]) => ({
    id,
    scopes: Object.entries(scopes)
      .map(([uuid, s]) => ({
        uuid,
        name: s.name,
        testcases: Object.entries(s.testcases)
          .map(([tcId, t]) => ({
            id: tcId,
            lifetime: t.lifetime ?? null,
            description: t.description ?? null,
            url: t.url ?? null,
          }))
          .sort(byKey((t) => t.id)),
        results: Object.entries(s.results)
          .map(([testcase, r]) => ({ testcase, result: r.result, checkedAt: r.checked_at, report: r.report ?? null }))
          .sort(byKey((r) => r.testcase)),
        versions: Object.entries(s.versions)
          .sort(([, a], [, b]) => a._idx - b._idx)
          .map(([name, v]) => ({
            name,
            targets: Object.entries(v.targets)
              .map(([target, t]) => ({ name: target, testcases: [...t.testcases].sort() }))
              .sort(byKey((t) => t.name)),
          })),
      }))
      .sort(byKey((s) => s.name)),
  }));
  const sortedGroups = groups
    .map((g) => ({ id: g.id, members: [...new Set(g.members)].sort(), linked: g.linked }))
    .sort(byKey((g) => g.id));
  return { monitor, subjects: subjects.sort(byKey((s) => s.id)), groups: sortedGroups };
}

/** The monitor's page of one subject (or group) and scope (`/page/detail/<subject>/<scope uuid>`). */
export function monitorDetailUrl(file: Pick<SubjectsFile, 'monitor'>, subject: string, scopeUuid: string): string {
  return new URL(`page/detail/${encodeURIComponent(subject)}/${encodeURIComponent(scopeUuid)}`, file.monitor).href;
}

/** Its file in `data/`; absent until a sync with `--monitor`. */
export const SUBJECTS_FILE = 'subjects.json';
