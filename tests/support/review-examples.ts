/**
 * What the review of a real change says, shared by the test that reviews it in the snapshot
 * (tests/cli/review.test.ts) and the test that renders such a review (tests/domain/review/).
 */
import type { ReadinessChange } from '../../src/domain/review/readiness-change.ts';

/** #835 makes scs-0214-v2 Stable, the last standard of KaaS v1 that was not. */
export const PR835_KAAS_READINESS: ReadinessChange = {
  scope: 'kaas',
  version: 'v1',
  label: 'KaaS v1',
  before: 'scs-0214-v2 Draft',
  after: 'every included standard Stable',
  notStableBefore: ['scs-0214-v2'],
  notStableAfter: [],
  sentence: 'KaaS v1: scs-0214-v2 Draft → every included standard Stable',
};
