/**
 * Stable JSON for committed data: keys sorted, 2-space indent, trailing newline, so the
 * same data always gives the same bytes and scheduled updates give small diffs.
 */
import { Dataset, Document, Meta, PullRequest, Scope } from '../schemas/data.ts';
import { z } from 'zod';

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

export function stableJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

/** The files of `data/`, each with the schema that validates it. */
export const DATA_FILES = {
  'meta.json': Meta,
  'scopes.json': z.array(Scope),
  'documents.json': z.array(Document),
  'pulls.json': z.array(PullRequest),
} as const;
export type DataFileName = keyof typeof DATA_FILES;

/** The dataset as file contents, in a canonical order. */
export function serializeDataset(dataset: Dataset): Record<DataFileName, string> {
  return {
    'meta.json': stableJson(dataset.meta),
    'scopes.json': stableJson([...dataset.scopes].sort((a, b) => (a.id < b.id ? -1 : 1))),
    'documents.json': stableJson([...dataset.documents].sort((a, b) => (a.id < b.id ? -1 : 1))),
    'pulls.json': stableJson([...dataset.pulls].sort((a, b) => a.number - b.number)),
  };
}

export { Dataset };
