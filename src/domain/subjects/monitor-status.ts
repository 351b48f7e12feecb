/**
 * The compliance monitor's `GET /status` answer (upstream `compliance-monitor/monitor.py`,
 * `convert_result_rows_to_dict2` → `_evaluate_scope`): per subject, per scope uuid, the
 * scope's testcases, the subject's latest unexpired result of each, and every version the
 * monitor knew to be listed in the timeline when it started, with its targets.
 *
 * Fields the monitor derives (`validity`, `passed`, `best_passed`, …) are known but not
 * kept: its validity is computed once at start-up and goes stale, and `passed` includes
 * tentative results. This tracker derives both itself (./standing.ts).
 */
import { z } from 'zod';
import { Lifetime } from './add-period.ts';

/** A testcase verdict: 1 pass, 0 aborted, -1 fail (`TESTCASE_VERDICTS` in scs_cert_lib.py). */
export const Verdict = z.union([z.literal(1), z.literal(0), z.literal(-1)]);
export type Verdict = z.output<typeof Verdict>;

/** A version's or target's result: a verdict, or null when a testcase has no result. */
const Outcome = Verdict.nullable();

/** `2026-12-01T18:28:21.134719`: the monitor's naive timestamps (no offset). */
export const CheckedAt = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[0-9:.]+([+-]\d{2}:\d{2}|Z)?)?$/, 'expected a timestamp YYYY-MM-DDTHH:MM:SS');

export const StatusTestcase = z.object({
  id: z.string(),
  lifetime: Lifetime.optional(),
  section: z.string().optional(),
  description: z.string().optional(),
  url: z.string().optional(),
  attn: z.number().optional(),
});

export const StatusResult = z.object({
  result: Verdict,
  checked_at: CheckedAt,
  report: z.string().optional(),
});

export const StatusVersion = z.object({
  /** Position in the scope file: the monitor lists versions newest first. */
  _idx: z.number().int(),
  result: Outcome,
  targets: z.record(z.string(), z.object({ testcases: z.array(z.string()), result: Outcome })),
  tc_target: z.record(z.string(), z.string()).optional(),
  validity: z.string().optional(),
});

export const StatusScope = z.object({
  name: z.string(),
  testcases: z.record(z.string(), StatusTestcase),
  results: z.record(z.string(), StatusResult),
  buckets: z.record(z.string(), z.array(z.string())).optional(),
  versions: z.record(z.string(), StatusVersion),
  relevant: z.array(z.string()).optional(),
  result: Outcome.optional(),
  passed: z.array(z.string()).optional(),
  passed_str: z.string().optional(),
  /** The `_idx` of the winning version. */
  best_passed: z.number().int().nullable().optional(),
  validity: z.string().nullable().optional(),
});

/** A subject's name is a path segment of the site and of the monitor's pages. */
const SUBJECT_NAME = 'expected a subject name of letters, digits, ".", "_" and "-"';
export const SubjectId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, SUBJECT_NAME);

/** subject → scope uuid → the scope's standing at the monitor. */
export const MonitorStatus = z.record(SubjectId, z.record(z.string().min(1), StatusScope), {
  error: (issue) => (issue.code === 'invalid_key' ? `invalid subject name: ${SUBJECT_NAME}` : undefined),
});
export type MonitorStatus = z.output<typeof MonitorStatus>;
