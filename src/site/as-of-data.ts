/**
 * What the as-of island needs to run the domain in the browser (src/domain/events/due.ts): scopes
 * with their revisions and documents with their history, without module lists, URLs and
 * texts that view does not read.
 */
import type { DueInput } from '../domain/events/due.ts';
import type { Dataset } from '../domain/schemas/data.ts';

export function asOfData(dataset: Dataset): DueInput {
  const lean = <T extends { include: unknown[] }>(v: T): T => ({ ...v, include: [] });
  return {
    scopes: dataset.scopes.map((s) => ({
      ...s,
      url: null,
      modules: [],
      versions: s.versions.map(lean),
      revisions: s.revisions.map((r) => ({ ...r, versions: r.versions.map(lean) })),
    })),
    documents: dataset.documents.map((d) => ({ ...d, description: null })),
  };
}

/** Days with a pre-rendered as-of page: each day a scope's timeline changed. */
export function asOfDays(dataset: Dataset): string[] {
  const days = new Set<string>();
  for (const s of dataset.scopes) for (const r of s.revisions) if (r.format !== 'unparseable') days.add(r.date);
  return [...days].sort();
}
