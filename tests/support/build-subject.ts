/**
 * Shared fixtures of the subjects tests (tests/domain/subjects/): the tracker's scope X that
 * subjects are measured against, and one result of a monitor's testcase.
 */
import type { SubjectResult } from '../../src/domain/subjects/schema.ts';
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
