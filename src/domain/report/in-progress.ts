/**
 * What was in progress at the end of a report's period: the pull requests then open that
 * touch standards or scopes, with what they would do, how long they had been open and
 * whether they were stale, grouped by kind and by document.
 *
 * Their state, age and idleness are those of that day. What a pull request does is told
 * from all the data: one merged later did what its merged change did (so #835, open on
 * 2024-11-21 and titled "Stabilize scs-0214-v1", stabilized scs-0214-v2).
 */
import { z } from 'zod';
import { Day, type Day as DayType } from '../days/day.ts';
import { kindContext, PR_KIND_ORDER, PrKind, classifyPull } from '../pulls/pr-kind.ts';
import { progress } from '../pulls/progress.ts';
import type { Dataset } from '../schemas/data.ts';

/** The pull-request kinds (pr-kind.ts); `revision` also for one that names an existing document and is none of the others. */
export const InProgressKind = PrKind;
export type InProgressKind = z.output<typeof InProgressKind>;

export const IN_PROGRESS_LABELS: Record<InProgressKind, string> = {
  stabilization: 'stabilization',
  deprecation: 'deprecation',
  'scope-version': 'scope change',
  'new-draft': 'new draft',
  revision: 'revision',
  tests: 'conformance tests',
  editorial: 'editorial change',
  unknown: 'change',
};
const ORDER: readonly InProgressKind[] = PR_KIND_ORDER;

export const InProgressPull = z.object({
  number: z.number().int(),
  title: z.string(),
  url: z.string(),
  kind: InProgressKind,
  /** Documents it would change (its merged change's, where it merged later), else those it touches or names. */
  documents: z.array(z.string()),
  scopes: z.array(z.string()),
  opened: Day.nullable(),
  daysOpen: z.number().int().nullable(),
  idleDays: z.number().int().nullable(),
  stale: z.boolean(),
});
export type InProgressPull = z.output<typeof InProgressPull>;

export const InProgress = z.object({
  /** The day they were open on: the period's last day with data. */
  on: Day,
  pulls: z.array(InProgressPull),
  /** Document ids (or `scope:<id>`) with the numbers of the pull requests touching them. */
  byDocument: z.array(z.object({ group: z.string(), pulls: z.array(z.number().int()) })),
});
export type InProgress = z.output<typeof InProgress>;

/**
 * `asOf`: the dataset as it stood at the end of `on` (datasetAsOf); `full`: all the data,
 * for what the pull requests did once merged.
 */
export function inProgress(
  asOf: Pick<Dataset, 'pulls' | 'documents' | 'scopes'>,
  full: Pick<Dataset, 'pulls' | 'documents' | 'scopes'>,
  on: DayType,
  prUrl: (n: number) => string,
): InProgress {
  const known = kindContext(full.documents, full.scopes);
  const mergedLater = new Set(full.pulls.filter((p) => p.state === 'merged').map((p) => p.number));
  const ids = new Set(full.documents.map((d) => d.id));
  const pulls = progress(asOf, on).open.map((row): InProgressPull => {
    const pull = asOf.pulls.find((p) => p.number === row.number)!;
    // Classified by what it did once merged, if it merged later; else by what it was then.
    const later = mergedLater.has(pull.number) ? classifyPull({ ...pull, state: 'merged' }, known) : null;
    const c = later?.certain ? later : row.classification;
    const documents =
      c.documents.length > 0 ? c.documents : row.groups.filter((g) => !g.startsWith('scope:') && g !== 'other');
    const kind: InProgressKind = c.kind === 'unknown' && documents.some((d) => ids.has(d)) ? 'revision' : c.kind;
    return {
      number: row.number,
      title: row.title,
      url: prUrl(row.number),
      kind,
      documents,
      scopes: pull.scopes,
      opened: row.opened,
      daysOpen: row.ageDays,
      idleDays: row.idleDays,
      stale: row.stale,
    };
  });
  pulls.sort(
    (a, b) =>
      ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || (a.daysOpen ?? 0) - (b.daysOpen ?? 0) || a.number - b.number,
  );
  const groups = new Map<string, number[]>();
  for (const p of pulls)
    for (const g of [...p.documents, ...p.scopes.map((s) => `scope:${s}`)])
      groups.set(g, [...(groups.get(g) ?? []), p.number]);
  const byDocument = [...groups]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([group, numbers]) => ({ group, pulls: numbers }));
  return { on, pulls, byDocument };
}
