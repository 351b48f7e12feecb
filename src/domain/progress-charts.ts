/**
 * The numbers behind the progress charts. Each function returns plain rows (strings and
 * numbers only): the chart island plots them and the page renders the very same rows as a
 * table, so what a screen reader or a browser without JavaScript gets is what the chart shows.
 * Points are month ends (or `today` for the running month), so a month shows how it ended.
 */
import { addDays, addMonths, dayOfTimestamp, daysBetween, minDay, startOfMonth, type Day } from './day.ts';
import { openedOn } from './dataset-as-of.ts';
import { documentStateOn, documentTransitions } from './document-state.ts';
import { touchesStandards } from './progress.ts';
import { revisionAsOf } from './scopes.ts';
import type { Document, PullRequest, Scope } from './schemas/data.ts';
import { validitiesOn, versionNames } from './validity.ts';

export type ChartRow = Record<string, string | number | null>;

/** One plotted series: the row key it reads, and its label in the legend and table header. */
export interface Series {
  key: string;
  label: string;
}

export interface ChartData {
  /** The row key of the x axis (`month`, `quarter`). */
  x: string;
  xLabel: string;
  series: Series[];
  rows: ChartRow[];
}

/** `YYYY-MM` of every month from the one of `from` to the one of `to`. */
export function monthsBetween(from: Day, to: Day): string[] {
  const out: string[] = [];
  for (let m = startOfMonth(from); m <= to; m = addMonths(m, 1)) out.push(m.slice(0, 7));
  return out;
}

/** The day a month is measured on: its last day, or `today` while it runs. */
export function monthEnd(month: string, today: Day): Day {
  return minDay(addDays(addMonths(`${month}-01`, 1), -1), today);
}

export function quarterOf(day: Day): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

function quartersBetween(from: Day, to: Day): string[] {
  const out: string[] = [];
  for (let m = startOfMonth(from); m <= to; m = addMonths(m, 3)) {
    const q = quarterOf(m);
    if (!out.includes(q)) out.push(q);
  }
  if (!out.includes(quarterOf(to))) out.push(quarterOf(to));
  return out;
}

const DOCUMENT_STATES = ['Draft', 'Stable', 'Deprecated', 'Rejected'] as const;

/**
 * Documents by state at each month's end (scs-0001-v1), with the front matter as it stood
 * then: the last history change by that day gives status and dates.
 */
export function documentsByStateMonthly(documents: readonly Document[], today: Day): ChartData {
  const first = documents.flatMap((d) => d.history.map((h) => h.date)).sort()[0];
  const rows: ChartRow[] = [];
  if (first !== undefined) {
    for (const month of monthsBetween(first, today)) {
      const day = monthEnd(month, today);
      const row: ChartRow = { month, Draft: 0, Stable: 0, Deprecated: 0, Rejected: 0 };
      for (const doc of documents) {
        const last = doc.history.filter((h) => h.date <= day).at(-1);
        if (!last) continue;
        const { state } = documentStateOn(last, day);
        if (state !== null) row[state] = (row[state] as number) + 1;
      }
      rows.push(row);
    }
  }
  return { x: 'month', xLabel: 'Month', series: DOCUMENT_STATES.map((s) => ({ key: s, label: s })), rows };
}

/** Documents that turned Stable and Deprecated in each quarter, up to `today` (scs-0001-v1 dates). */
export function transitionsPerQuarter(documents: readonly Document[], today: Day): ChartData {
  const transitions = documents.flatMap((d) => documentTransitions(d)).filter((t) => t.on <= today);
  const first = transitions.map((t) => t.on).sort()[0];
  const rows: ChartRow[] = [];
  if (first !== undefined) {
    for (const quarter of quartersBetween(first, today)) {
      const inQuarter = transitions.filter((t) => quarterOf(t.on) === quarter);
      rows.push({
        quarter,
        stabilized: inQuarter.filter((t) => t.state === 'Stable').length,
        deprecated: inQuarter.filter((t) => t.state === 'Deprecated').length,
      });
    }
  }
  return { x: 'quarter', xLabel: 'Quarter', series: [{ key: 'stabilized', label: 'Stabilized' }, { key: 'deprecated', label: 'Deprecated' }], rows };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Pull requests touching standards open at each month's end, those merged in the month, and
 * the median days from opening to merge of those merged in the month (null: none merged).
 */
export function openPullsMonthly(pulls: readonly PullRequest[], today: Day): ChartData {
  // Each pull request's days, read once: the loop below runs months × pull requests.
  const spans = pulls.flatMap((p) => {
    const opened = openedOn(p);
    if (opened === null) return [];
    const merged = p.mergedAt === null ? null : dayOfTimestamp(p.mergedAt);
    const closed = merged ?? (p.closedAt === null ? null : dayOfTimestamp(p.closedAt));
    const created = p.createdAt === null ? null : dayOfTimestamp(p.createdAt);
    return [{ opened, ended: closed, merged, toMerge: created !== null && merged !== null ? daysBetween(created, merged) : null }];
  });
  const first = spans.map((s) => s.opened).sort()[0];
  const rows: ChartRow[] = [];
  if (first !== undefined) {
    for (const month of monthsBetween(first, today)) {
      const day = monthEnd(month, today);
      // Open at the end of the day, as pullStateAsOf tells it.
      const open = spans.filter((s) => s.opened <= day && (s.ended === null || s.ended > day)).length;
      const merged = spans.filter((s) => s.merged !== null && s.merged.slice(0, 7) === month && s.merged <= today);
      rows.push({ month, open, merged: merged.length, medianDaysToMerge: median(merged.flatMap((s) => (s.toMerge === null ? [] : [s.toMerge]))) });
    }
  }
  return {
    x: 'month',
    xLabel: 'Month',
    series: [
      { key: 'open', label: 'Open at month end' },
      { key: 'merged', label: 'Merged in month' },
      { key: 'medianDaysToMerge', label: 'Median days to merge' },
    ],
    rows,
  };
}

/**
 * Scope versions `effective` at each month's end (scs-0003-v1), by the timeline as it stood
 * on `main` that day (revisionAsOf); warn does not count. One series per scope.
 */
export function effectiveVersionsMonthly(scopes: readonly Scope[], today: Day): ChartData {
  const first = scopes.flatMap((s) => s.revisions.map((r) => r.date)).sort()[0];
  const rows: ChartRow[] = [];
  if (first !== undefined) {
    for (const month of monthsBetween(first, today)) {
      const day = monthEnd(month, today);
      const row: ChartRow = { month };
      for (const scope of scopes) {
        const r = revisionAsOf(scope, day);
        row[scope.id] = r === null ? 0 : validitiesOn(r.timeline, versionNames(r.versions, r.timeline), day).filter((v) => v.validity === 'effective').length;
      }
      rows.push(row);
    }
  }
  return { x: 'month', xLabel: 'Month', series: scopes.map((s) => ({ key: s.id, label: s.name })), rows };
}

export interface ProgressCharts {
  documentsByState: ChartData;
  transitionsPerQuarter: ChartData;
  openPulls: ChartData;
  effectiveVersions: ChartData;
}

/** All four charts of the progress page, for `today`: the page and its tests call this one function. */
export function progressCharts(dataset: { documents: readonly Document[]; pulls: readonly PullRequest[]; scopes: readonly Scope[] }, today: Day): ProgressCharts {
  return {
    documentsByState: documentsByStateMonthly(dataset.documents, today),
    transitionsPerQuarter: transitionsPerQuarter(dataset.documents, today),
    openPulls: openPullsMonthly(dataset.pulls.filter(touchesStandards), today),
    effectiveVersions: effectiveVersionsMonthly(dataset.scopes, today),
  };
}
