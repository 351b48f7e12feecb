/**
 * What the as-of island needs to run the domain in the browser for any day: the due view
 * (src/domain/events/due.ts) and what is coming with the readiness of draft scope versions
 * (src/domain/report/coming.ts). The dataset without the texts and addresses neither reads
 * (descriptions, URLs, authors, revision titles, the sync's warnings) and without the pull
 * requests that touch no standard or scope (readiness counts only those).
 */
import { touchesStandards } from '../domain/pulls/progress.ts';
import type { Dataset } from '../domain/schemas/data.ts';

export function asOfData(dataset: Dataset): Dataset {
  return {
    meta: { ...dataset.meta, warnings: [] },
    scopes: dataset.scopes.map((s) => ({
      ...s,
      url: null,
      modules: s.modules.map((m) => ({ ...m, url: null })),
      revisions: s.revisions.map((r) => ({ ...r, title: '', error: null })),
    })),
    documents: dataset.documents.map((d) => ({ ...d, description: null })),
    pulls: dataset.pulls.filter(touchesStandards).map((p) => ({ ...p, url: '', author: null })),
  };
}

/** Days with a pre-rendered as-of page: each day a scope's timeline changed. */
export function asOfDays(dataset: Dataset): string[] {
  const days = new Set<string>();
  for (const s of dataset.scopes) for (const r of s.revisions) if (r.format !== 'unparseable') days.add(r.date);
  return [...days].sort();
}
