/**
 * The numbers behind the progress charts. Each function returns plain rows (strings and
 * numbers only): the chart island plots them and the page renders the very same rows as a
 * table, so what a screen reader or a browser without JavaScript gets is what the chart shows.
 * Points are month ends (or `today` for the running month), so a month shows how it ended.
 */
import {
  addDays,
  addMonths,
  dayOfTimestamp,
  daysBetween,
  minDay,
  quarterOf,
  startOfMonth,
  type Day,
} from '../days/day.ts';
import { openedOn } from '../dataset/dataset-as-of.ts';
import { documentStateOn, documentTransitions } from '../documents/document-state.ts';
import { touchesStandards } from './progress.ts';
import { revisionAsOf } from '../scopes/scopes.ts';
import type { Document, PullRequest, Scope } from '../schemas/data.ts';
import { validitiesOn, versionNames } from '../scopes/validity.ts';

export type SeriesRow = Record<string, string | number | null>;

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
  rows: SeriesRow[];
  /** Series left out because no row has a value other than 0 or none (no legend entry without data). */
  omitted: Series[];
  /** What the chart does not count, in a sentence for the page; null when it counts everything. */
  note: string | null;
}

/** The chart without the series that have no data: a legend entry for them would promise a line that is not there. */
export function withoutEmptySeries(chart: ChartData): ChartData {
  const hasData = (s: Series) => chart.rows.some((r) => r[s.key] !== null && r[s.key] !== 0);
  const drop = chart.series.filter((s) => !hasData(s));
  if (drop.length === 0) return chart;
  const keys = new Set(drop.map((s) => s.key));
  return {
    ...chart,
    series: chart.series.filter((s) => !keys.has(s.key)),
    rows: chart.rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !keys.has(k)))),
    omitted: [...chart.omitted, ...drop],
  };
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
 * then: the last history change by that day gives status and dates. Supplements are not
 * counted in any month: they have no lifecycle of their own, and since #981 (2025-09-09) they
 * carry no status, so counting their earlier `status: Draft` would show drafts vanishing.
 */
export function documentsByStateMonthly(documents: readonly Document[], today: Day): ChartData {
  const counted = documents.filter((d) => d.type !== 'Supplement');
  const first = counted.flatMap((d) => d.history.map((h) => h.date)).sort()[0];
  const rows: SeriesRow[] = [];
  if (first !== undefined) {
    for (const month of monthsBetween(first, today)) {
      const day = monthEnd(month, today);
      const row: SeriesRow = { month, Draft: 0, Stable: 0, Deprecated: 0, Rejected: 0 };
      for (const doc of counted) {
        const last = doc.history.filter((h) => h.date <= day).at(-1);
        if (!last) continue;
        const { state } = documentStateOn(last, day);
        if (state !== null) row[state] = (row[state] as number) + 1;
      }
      rows.push(row);
    }
  }
  const supplements = documents.length - counted.length;
  return {
    x: 'month',
    xLabel: 'Month',
    series: DOCUMENT_STATES.map((s) => ({ key: s, label: s })),
    rows,
    omitted: [],
    note:
      supplements === 0
        ? null
        : `The ${supplements} supplements are not counted: they have no lifecycle of their own (scs-0001-v1).`,
  };
}

/** Documents that turned Stable and Deprecated in each quarter, up to `today` (scs-0001-v1 dates). */
export function transitionsPerQuarter(documents: readonly Document[], today: Day): ChartData {
  const transitions = documents.flatMap((d) => documentTransitions(d)).filter((t) => t.on <= today);
  const first = transitions.map((t) => t.on).sort()[0];
  const rows: SeriesRow[] = [];
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
  return {
    x: 'quarter',
    xLabel: 'Quarter',
    series: [
      { key: 'stabilized', label: 'Stabilized' },
      { key: 'deprecated', label: 'Deprecated' },
    ],
    rows,
    omitted: [],
    note: null,
  };
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
 * Three charts, one meaning per axis: a count at an instant, a count over a month, a duration.
 */
export function openPullsMonthly(
  pulls: readonly PullRequest[],
  today: Day,
): { open: ChartData; merged: ChartData; daysToMerge: ChartData } {
  // Each pull request's days, read once: the loop below runs months × pull requests.
  const spans = pulls.flatMap((p) => {
    const opened = openedOn(p);
    if (opened === null) return [];
    const merged = p.mergedAt === null ? null : dayOfTimestamp(p.mergedAt);
    const closed = merged ?? (p.closedAt === null ? null : dayOfTimestamp(p.closedAt));
    const created = p.createdAt === null ? null : dayOfTimestamp(p.createdAt);
    return [
      {
        opened,
        ended: closed,
        merged,
        toMerge: created !== null && merged !== null ? daysBetween(created, merged) : null,
      },
    ];
  });
  const first = spans.map((s) => s.opened).sort()[0];
  const rows: SeriesRow[] = [];
  if (first !== undefined) {
    for (const month of monthsBetween(first, today)) {
      const day = monthEnd(month, today);
      // Open at the end of the day, as pullStateAsOf tells it.
      const open = spans.filter((s) => s.opened <= day && (s.ended === null || s.ended > day)).length;
      const merged = spans.filter((s) => s.merged !== null && s.merged.slice(0, 7) === month && s.merged <= today);
      rows.push({
        month,
        open,
        merged: merged.length,
        medianDaysToMerge: median(merged.flatMap((s) => (s.toMerge === null ? [] : [s.toMerge]))),
      });
    }
  }
  const one = (key: string, label: string): ChartData => ({
    x: 'month',
    xLabel: 'Month',
    series: [{ key, label }],
    rows: rows.map((r) => ({ month: r.month!, [key]: r[key]! })),
    omitted: [],
    note: null,
  });
  return {
    open: one('open', 'Open at month end'),
    merged: one('merged', 'Merged in month'),
    daysToMerge: {
      ...one('medianDaysToMerge', 'Median days to merge'),
      note: 'A month in which nothing merged has no median (shown as —, no point drawn).',
    },
  };
}

/**
 * Scope versions `effective` at each month's end (scs-0003-v1), by the timeline as it stood
 * on `main` that day (revisionAsOf); warn does not count. One series per scope.
 */
export function effectiveVersionsMonthly(scopes: readonly Scope[], today: Day): ChartData {
  const first = scopes.flatMap((s) => s.revisions.map((r) => r.date)).sort()[0];
  const rows: SeriesRow[] = [];
  if (first !== undefined) {
    for (const month of monthsBetween(first, today)) {
      const day = monthEnd(month, today);
      const row: SeriesRow = { month };
      for (const scope of scopes) {
        const r = revisionAsOf(scope, day);
        row[scope.id] =
          r === null
            ? 0
            : validitiesOn(r.timeline, versionNames(r.versions, r.timeline), day).filter(
                (v) => v.validity === 'effective',
              ).length;
      }
      rows.push(row);
    }
  }
  return {
    x: 'month',
    xLabel: 'Month',
    series: scopes.map((s) => ({ key: s.id, label: s.name })),
    rows,
    omitted: [],
    note: null,
  };
}

export interface ProgressCharts {
  documentsByState: ChartData;
  transitionsPerQuarter: ChartData;
  openPulls: ChartData;
  mergedPulls: ChartData;
  daysToMerge: ChartData;
  effectiveVersions: ChartData;
}

/**
 * All charts of the progress page, for `today`: the page and its tests call this one function.
 * Series without data are left out (withoutEmptySeries) and named in `omitted`.
 */
export function progressCharts(
  dataset: { documents: readonly Document[]; pulls: readonly PullRequest[]; scopes: readonly Scope[] },
  today: Day,
): ProgressCharts {
  const pulls = openPullsMonthly(dataset.pulls.filter(touchesStandards), today);
  const w = withoutEmptySeries;
  return {
    documentsByState: w(documentsByStateMonthly(dataset.documents, today)),
    transitionsPerQuarter: w(transitionsPerQuarter(dataset.documents, today)),
    openPulls: w(pulls.open),
    mergedPulls: w(pulls.merged),
    daysToMerge: w(pulls.daysToMerge),
    effectiveVersions: w(effectiveVersionsMonthly(dataset.scopes, today)),
  };
}
