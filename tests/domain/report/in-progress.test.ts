import { beforeAll, describe, expect, it } from 'vitest';
import { datasetAsOf, pullStateAsOf } from '../../../src/domain/dataset/dataset-as-of.ts';
import { PR_KIND_ORDER } from '../../../src/domain/pulls/pr-kind.ts';
import { progress, STALE_PULL_DAYS, touchesStandards } from '../../../src/domain/pulls/progress.ts';
import { IN_PROGRESS_LABELS, InProgress, InProgressKind, inProgress } from '../../../src/domain/report/in-progress.ts';
import type { Dataset } from '../../../src/domain/schemas/data.ts';
import { realData } from '../../support/real-data.ts';

let data: Dataset;
beforeAll(async () => {
  data = await realData();
});

const url = (n: number) => `https://example.invalid/pull/${n}`;
const on = (day: string) => inProgress(datasetAsOf(data, day), data, day, url);

describe('IN_PROGRESS_LABELS', () => {
  it('word every kind', () => {
    expect(Object.keys(IN_PROGRESS_LABELS).sort()).toEqual([...InProgressKind.options].sort());
  });
});

describe('inProgress on the real data, 2024-11-21 (a SIG Standards call)', () => {
  it('tells what #835 did from what it did once merged: titled "Stabilize scs-0214-v1", it stabilized scs-0214-v2', () => {
    const r = on('2024-11-21');
    expect(r.pulls.find((p) => p.number === 835)).toMatchObject({
      kind: 'stabilization',
      documents: ['scs-0214-v2'],
      url: url(835),
    });
    // From what was known on the day alone, it touched more than the document it stabilized.
    const asOf = datasetAsOf(data, '2024-11-21');
    const then = inProgress(asOf, asOf, '2024-11-21', url).pulls.find((p) => p.number === 835)!;
    expect(then.documents).toContain('scs-0214-v1');
  });
  it('lists #835 from the day it was opened until the day before it merged', () => {
    const pull = data.pulls.find((p) => p.number === 835)!;
    const opened = pull.createdAt!.slice(0, 10);
    const merged = pull.mergedAt!.slice(0, 10);
    const numbers = (day: string) => on(day).pulls.map((p) => p.number);
    expect(numbers('2024-11-19')).not.toContain(835);
    expect(opened).toBe('2024-11-20');
    expect(on(opened).pulls.find((p) => p.number === 835)).toMatchObject({ opened, daysOpen: 0 });
    expect(on('2024-11-25').pulls.find((p) => p.number === 835)?.daysOpen).toBe(5);
    expect(merged).toBe('2024-11-26');
    expect(numbers(merged)).not.toContain(835);
  });
  it('lists exactly the pull requests then open that touch standards or scopes', () => {
    const day = '2024-11-21';
    const r = on(day);
    const expected = data.pulls
      .filter((p) => touchesStandards(p) && ['open', 'draft'].includes(pullStateAsOf(p, day) ?? ''))
      .map((p) => p.number)
      .sort((a, b) => a - b);
    expect(expected.length).toBeGreaterThan(5);
    expect(r.pulls.map((p) => p.number).sort((a, b) => a - b)).toEqual(expected);
    expect(r.on).toBe(day);
  });
  it('orders by kind, then the newest first, then by number', () => {
    const { pulls } = on('2024-11-21');
    for (let i = 1; i < pulls.length; i++) {
      const [a, b] = [pulls[i - 1]!, pulls[i]!];
      const ka = PR_KIND_ORDER.indexOf(a.kind);
      const kb = PR_KIND_ORDER.indexOf(b.kind);
      expect(ka <= kb, `#${a.number} before #${b.number}`).toBe(true);
      if (ka === kb)
        expect(
          (a.daysOpen ?? 0) < (b.daysOpen ?? 0) || ((a.daysOpen ?? 0) === (b.daysOpen ?? 0) && a.number < b.number),
          `#${a.number} before #${b.number}`,
        ).toBe(true);
    }
  });
  it(`calls a pull request stale when idle more than ${STALE_PULL_DAYS} days`, () => {
    const { pulls } = on('2024-11-21');
    expect(pulls.some((p) => p.stale)).toBe(true);
    for (const p of pulls) expect(p.stale, `#${p.number}`).toBe(p.idleDays !== null && p.idleDays > STALE_PULL_DAYS);
  });
  it('calls a pull request of unknown kind a revision when it names an existing document', () => {
    const day = '2024-11-21';
    const rows = new Map(progress(datasetAsOf(data, day), day).open.map((r) => [r.number, r]));
    const ids = new Set(data.documents.map((d) => d.id));
    const revisions = on(day).pulls.filter((p) => p.kind === 'revision');
    expect(revisions.length).toBeGreaterThan(0);
    for (const p of revisions) {
      const row = rows.get(p.number)!;
      expect(
        row.kind === 'revision' || (row.kind === 'unknown' && p.documents.some((d) => ids.has(d))),
        `#${p.number}`,
      ).toBe(true);
    }
  });
  it('groups the pull requests by each document and scope they touch, groups sorted', () => {
    const r = on('2024-11-21');
    const groups = r.byDocument.map((g) => g.group);
    expect(groups).toEqual([...groups].sort());
    for (const { group, pulls } of r.byDocument) {
      const expected = r.pulls
        .filter((p) => p.documents.includes(group) || p.scopes.map((s) => `scope:${s}`).includes(group))
        .map((p) => p.number);
      expect(pulls, group).toEqual(expected);
    }
    expect(r.byDocument.find((g) => g.group === 'scs-0214-v2')?.pulls).toEqual([835]);
  });
  it('fits its own schema', () => {
    const r = on('2024-11-21');
    expect(InProgress.parse(r)).toEqual(r);
  });
});

describe('inProgress on a day with scope changes open', () => {
  it('groups a pull request changing a scope file under `scope:<id>`', () => {
    const day = data.meta.pullsAsOf;
    const r = on(day);
    const scoped = r.pulls.filter((p) => p.scopes.length > 0);
    expect(scoped.length).toBeGreaterThan(0);
    for (const p of scoped)
      for (const s of p.scopes)
        expect(r.byDocument.find((g) => g.group === `scope:${s}`)?.pulls, `#${p.number}`).toContain(p.number);
  });
  it('lists nothing before the first pull request was opened', () => {
    expect(on('2021-01-01')).toEqual({ on: '2021-01-01', pulls: [], byDocument: [] });
  });
});
