/** The project's own `data/` (the sync's output from the upstream snapshot), read once. */
import { resolve } from 'node:path';
import { readDataset } from '../../src/io/dataset.ts';
import type { Dataset, PullRequest } from '../../src/domain/schemas/data.ts';

export const DATA_DIR = resolve(import.meta.dirname, '../../data');

let cached: Promise<Dataset> | null = null;
export function realData(): Promise<Dataset> {
  cached ??= readDataset(DATA_DIR);
  return cached;
}

export function pull(dataset: Dataset, n: number): PullRequest {
  const p = dataset.pulls.find((x) => x.number === n);
  if (!p) throw new Error(`pull request #${n} is not in data/pulls.json`);
  return p;
}
