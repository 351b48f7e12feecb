/**
 * The numbers behind the progress charts: month ends and quarter edges on made-up data
 * (the day before, of and after a transition), and spot checks on the snapshot.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type ChartData,
  documentsByStateMonthly,
  effectiveVersionsMonthly,
  median,
  monthEnd,
  monthsBetween,
  openPullsMonthly,
  progressCharts,
  transitionsPerQuarter,
  withoutEmptySeries,
} from '../../../src/domain/pulls/progress-charts.ts';
import type { Dataset, Document, DocumentChange, PullRequest } from '../../../src/domain/schemas/data.ts';
import { realData } from '../../support/real-data.ts';

let data: Dataset;
beforeAll(async () => {
  data = await realData();
});

const change = (
  date: string,
  status: DocumentChange['status'],
  stabilizedAt: string | null = null,
  deprecatedAt: string | null = null,
): DocumentChange => ({
  commit: '0'.repeat(40),
  date,
  pr: null,
  status,
  stabilizedAt,
  deprecatedAt,
  rejectedAt: null,
});
const doc = (id: string, history: DocumentChange[]): Document => ({
  id,
  series: id.slice(0, 8),
  version: 'v1',
  slug: 'x',
  file: `Standards/${id}-x.md`,
  title: id,
  type: 'Standard',
  status: history.at(-1)!.status,
  track: 'IaaS',
  stabilizedAt: history.at(-1)!.stabilizedAt,
  deprecatedAt: history.at(-1)!.deprecatedAt,
  rejectedAt: null,
  replaces: [],
  replacedBy: [],
  supplements: [],
  description: null,
  history,
});

describe('calendar helpers', () => {
  it('months and month ends', () => {
    expect(monthsBetween('2024-11-30', '2025-02-01')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthEnd('2024-02', '2025-01-01')).toBe('2024-02-29');
    expect(monthEnd('2025-01', '2025-01-15')).toBe('2025-01-15');
    expect([median([]), median([3]), median([5, 1, 3]), median([4, 1, 2, 3])]).toEqual([null, 3, 3, 2.5]);
  });
});

describe('documentsByStateMonthly (scs-0001-v1, front matter as it stood)', () => {
  it('counts a document Stable from the month whose end lies on or after stabilized_at', () => {
    // Added 2024-01-10 as Draft; on 2024-02-20 the front matter says Stable from 2024-03-31.
    const d = doc('scs-9001-v1', [change('2024-01-10', 'Draft'), change('2024-02-20', 'Stable', '2024-03-31')]);
    const rows = documentsByStateMonthly([d], '2024-04-02').rows;
    expect(rows.map((r) => `${r.month} D${r.Draft} S${r.Stable}`)).toEqual([
      '2024-01 D1 S0',
      '2024-02 D1 S0',
      '2024-03 D0 S1',
      '2024-04 D0 S1',
    ]);
    // Built on 2024-03-30, the running month is measured on that day: still Draft.
    expect(documentsByStateMonthly([d], '2024-03-30').rows.at(-1)).toMatchObject({
      month: '2024-03',
      Draft: 1,
      Stable: 0,
    });
  });
  it('on the snapshot: 2024-11 ends with 21 Stable documents; supplements are not counted', () => {
    const chart = documentsByStateMonthly(data.documents, '2025-01-15');
    const supplements = data.documents.filter((d) => d.type === 'Supplement').length;
    expect(supplements).toBeGreaterThan(15);
    expect(chart.note).toBe(
      `The ${supplements} supplements are not counted: they have no lifecycle of their own (scs-0001-v1).`,
    );
    expect(chart.rows.find((r) => r.month === '2024-11')).toMatchObject({
      month: '2024-11',
      Stable: 21,
      Deprecated: 3,
      Rejected: 0,
    });
  });
  it('does not show #981 (2025-09-09, supplements lose their status field) as drafts vanishing', () => {
    const rows = documentsByStateMonthly(data.documents, '2026-08-21').rows;
    const aug = rows.find((r) => r.month === '2025-08')!;
    const sep = rows.find((r) => r.month === '2025-09')!;
    // What #981 changed is no standard's state: the counts of September differ from August's
    // only by what other pull requests did (at most a couple of documents), not by 17 drafts.
    expect(Math.abs(Number(sep.Draft) - Number(aug.Draft))).toBeLessThanOrEqual(2);
    // The count never falls by more than the documents that changed state that month.
    for (let i = 1; i < rows.length; i++) {
      const total = (r: (typeof rows)[number]) =>
        Number(r.Draft) + Number(r.Stable) + Number(r.Deprecated) + Number(r.Rejected);
      expect(total(rows[i]!), String(rows[i]!.month)).toBeGreaterThanOrEqual(total(rows[i - 1]!) - 1);
    }
  });
  it('a supplement with a status is still not counted', () => {
    const s: Document = { ...doc('scs-9001-w1', [change('2024-01-10', 'Draft')]), type: 'Supplement' };
    expect(
      documentsByStateMonthly([s, doc('scs-9002-v1', [change('2024-01-10', 'Draft')])], '2024-01-31').rows,
    ).toEqual([{ month: '2024-01', Draft: 1, Stable: 0, Deprecated: 0, Rejected: 0 }]);
  });
});

describe('transitionsPerQuarter', () => {
  it('puts a transition in the quarter of its date, and not before it happened', () => {
    const d1 = doc('scs-9001-v1', [change('2024-01-01', 'Stable', '2024-03-31')]);
    const d2 = doc('scs-9002-v1', [change('2024-01-01', 'Deprecated', '2024-01-01', '2024-04-01')]);
    expect(transitionsPerQuarter([d1, d2], '2024-04-01').rows).toEqual([
      { quarter: '2024-Q1', stabilized: 2, deprecated: 0 },
      { quarter: '2024-Q2', stabilized: 0, deprecated: 1 },
    ]);
    expect(transitionsPerQuarter([d1, d2], '2024-03-31').rows).toEqual([
      { quarter: '2024-Q1', stabilized: 2, deprecated: 0 },
    ]);
  });
  it('on the snapshot: 11 standards stabilized in 2024-Q4', () => {
    expect(transitionsPerQuarter(data.documents, '2025-01-15').rows.find((r) => r.quarter === '2024-Q4')).toEqual({
      quarter: '2024-Q4',
      stabilized: 11,
      deprecated: 1,
    });
  });
});

describe('openPullsMonthly', () => {
  const pr = (n: number, created: string, merged: string | null): PullRequest => ({
    number: n,
    title: 't',
    state: merged ? 'merged' : 'open',
    author: null,
    createdAt: created,
    updatedAt: created,
    mergedAt: merged,
    closedAt: merged,
    labels: [],
    reviewDecision: null,
    files: ['Standards/scs-0001-v1-x.md'],
    documents: [],
    scopes: [],
    url: 'https://example.invalid',
  });
  it('counts open at month end and the median days to merge of those merged in the month, one chart each', () => {
    const charts = openPullsMonthly(
      [
        pr(1, '2024-01-10T10:00:00Z', '2024-02-01T00:10:00+01:00'),
        pr(2, '2024-01-31T10:00:00Z', '2024-02-10T10:00:00Z'),
        pr(3, '2024-02-29T10:00:00Z', null),
      ],
      '2024-03-05',
    );
    expect(charts.open.rows).toEqual([
      { month: '2024-01', open: 2 },
      { month: '2024-02', open: 1 },
      { month: '2024-03', open: 1 },
    ]);
    expect(charts.merged.rows).toEqual([
      { month: '2024-01', merged: 0 },
      { month: '2024-02', merged: 2 },
      { month: '2024-03', merged: 0 },
    ]);
    // 22 days (2024-02-01 as written, not 2024-01-31 in UTC) and 10 days; no median in a month without merges.
    expect(charts.daysToMerge.rows).toEqual([
      { month: '2024-01', medianDaysToMerge: null },
      { month: '2024-02', medianDaysToMerge: 16 },
      { month: '2024-03', medianDaysToMerge: null },
    ]);
    // One meaning per axis: each chart has one series.
    for (const c of Object.values(charts)) expect(c.series).toHaveLength(1);
  });
});

describe('progressCharts', () => {
  it('leaves out series without data and names them (no legend entry without data): Rejected', () => {
    const charts = progressCharts(data, '2026-08-21');
    expect(charts.documentsByState.series.map((s) => s.key)).toEqual(['Draft', 'Stable', 'Deprecated']);
    expect(charts.documentsByState.omitted.map((s) => s.label)).toEqual(['Rejected']);
    expect(charts.documentsByState.rows.every((r) => !('Rejected' in r))).toBe(true);
    const all: Record<string, ChartData> = { ...charts };
    for (const [name, chart] of Object.entries(all)) {
      for (const s of chart.series)
        expect(
          chart.rows.some((r) => r[s.key] !== null && r[s.key] !== 0),
          `${name} ${s.key}`,
        ).toBe(true);
    }
  });
  it('draws nothing past the day it is measured on (the data ends 2026-08-21)', () => {
    const charts: Record<string, ChartData> = { ...progressCharts(data, '2026-08-21') };
    for (const [name, chart] of Object.entries(charts)) {
      const last = String(chart.rows.at(-1)![chart.x]);
      expect(last, name).toBe(chart.x === 'quarter' ? '2026-Q3' : '2026-08');
    }
  });
  it('withoutEmptySeries keeps a chart whose series all have data as it is', () => {
    const chart = {
      x: 'month',
      xLabel: 'Month',
      series: [
        { key: 'a', label: 'A' },
        { key: 'b', label: 'B' },
      ],
      rows: [
        { month: '2024-01', a: 0, b: null },
        { month: '2024-02', a: 1, b: 2 },
      ],
      omitted: [],
      note: null,
    };
    expect(withoutEmptySeries(chart)).toBe(chart);
    expect(withoutEmptySeries({ ...chart, rows: [{ month: '2024-01', a: 1, b: null }] })).toMatchObject({
      series: [{ key: 'a' }],
      omitted: [{ key: 'b' }],
      rows: [{ month: '2024-01', a: 1 }],
    });
  });
});

describe('effectiveVersionsMonthly (scs-0003-v1, timeline as it stood)', () => {
  it('on the snapshot: IaaS has v4 and v5 effective at the end of 2024-11, KaaS v1 from 2024-11', () => {
    const rows = effectiveVersionsMonthly(data.scopes, '2025-01-15').rows;
    expect(rows.find((r) => r.month === '2024-10')).toEqual({ month: '2024-10', iaas: 1, kaas: 0 });
    expect(rows.find((r) => r.month === '2024-11')).toEqual({ month: '2024-11', iaas: 2, kaas: 1 });
    expect(rows.at(-1)).toEqual({ month: '2025-01', iaas: 2, kaas: 1 });
  });
});
