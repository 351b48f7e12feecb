/**
 * Shared fixtures of the subjects tests (tests/domain/subjects/): the tracker's scope X that
 * subjects are measured against, and one result of a monitor's testcase.
 */
import type { SubjectResult, SubjectScope } from '../../src/domain/subjects/schema.ts';
import { revision, scope } from './build-scope.ts';

/** X v1 effective 2025-01-01, warn 2025-06-01, deprecated 2025-09-01; v2 effective 2025-05-01; v3 draft from 2025-09-01. */
export const TRACKER_X = scope([
  revision('2024-12-01', [
    { date: '2025-01-01', versions: { v1: 'effective' } },
    { date: '2025-05-01', versions: { v1: 'effective', v2: 'effective' } },
    { date: '2025-06-01', versions: { v1: 'warn', v2: 'effective' } },
    { date: '2025-09-01', versions: { v1: 'deprecated', v2: 'effective', v3: 'draft' } },
  ]),
]);

/** A result of `testcase`, by default checked on Tuesday 2025-07-01 (a `week` lifetime ends 2025-07-14). */
export function result(
  testcase: string,
  verdict: SubjectResult['result'],
  checkedAt = '2025-07-01T10:00:00',
): SubjectResult {
  return { testcase, result: verdict, checkedAt, report: null };
}

/**
 * The monitor's scope X: testcases a–d (b lives a day, the others a week); v3 needs a–d, v2
 * a–c, v1 a and b, with d in v1's `preview` target (which compliance does not count).
 */
export function monitorScopeX(results: SubjectScope['results'], extra: Partial<SubjectScope> = {}): SubjectScope {
  return {
    uuid: 'uuid-x',
    name: 'SCS-compatible X',
    testcases: ['a', 'b', 'c', 'd'].map((id) => ({
      id,
      lifetime: id === 'b' ? 'day' : null,
      description: null,
      url: null,
    })),
    results,
    versions: [
      { name: 'v3', targets: [{ name: 'main', testcases: ['a', 'b', 'c', 'd'] }] },
      { name: 'v2', targets: [{ name: 'main', testcases: ['a', 'b', 'c'] }] },
      {
        name: 'v1',
        targets: [
          { name: 'main', testcases: ['a', 'b'] },
          { name: 'preview', testcases: ['d'] },
        ],
      },
    ],
    ...extra,
  };
}
