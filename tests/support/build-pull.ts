/**
 * Pull requests built for domain tests: what a test does not set is what GitHub leaves empty
 * (no author, timestamps, labels, review, files), validated by the same schema as `data/`.
 */
import { PullRequest } from '../../src/domain/schemas/data.ts';

export function buildPull(fields: Partial<PullRequest> & Pick<PullRequest, 'number'>): PullRequest {
  return PullRequest.parse({
    title: `#${fields.number}`,
    state: 'open',
    author: null,
    createdAt: null,
    updatedAt: null,
    mergedAt: null,
    closedAt: null,
    labels: [],
    reviewDecision: null,
    files: [],
    documents: [],
    scopes: [],
    url: `https://github.com/SovereignCloudStack/standards/pull/${fields.number}`,
    ...fields,
  });
}
