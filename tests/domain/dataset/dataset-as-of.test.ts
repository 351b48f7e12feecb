import { describe, expect, it } from 'vitest';
import {
  datasetAsOf,
  documentAsOf,
  openedOn,
  pullAsOf,
  pullStateAsOf,
  scopeAsOf,
} from '../../../src/domain/dataset/dataset-as-of.ts';
import { addDays } from '../../../src/domain/days/day.ts';
import type { DocumentChange, PullRequest } from '../../../src/domain/schemas/data.ts';
import { documentOf, revision, scope, sha } from '../../support/build-scope.ts';
import { realData } from '../../support/real-data.ts';
import { buildPull } from '../../support/build-pull.ts';

const change = (date: string, extra: Partial<DocumentChange> = {}): DocumentChange => ({
  commit: sha(date),
  date,
  pr: null,
  status: 'Draft',
  stabilizedAt: null,
  deprecatedAt: null,
  rejectedAt: null,
  ...extra,
});

function pr(extra: Partial<PullRequest>): PullRequest {
  return buildPull({
    number: 7,
    title: 't',
    author: 'a',
    createdAt: '2025-03-10T09:00:00Z',
    updatedAt: '2025-03-10T09:00:00Z',
    ...extra,
  });
}

describe('documentAsOf', () => {
  const doc = documentOf({
    id: 'scs-0100-v3',
    status: 'Deprecated',
    stabilizedAt: '2023-02-21',
    deprecatedAt: '2025-06-01',
    history: [
      change('2022-11-01'),
      change('2023-02-21', { status: 'Stable', stabilizedAt: '2023-02-21' }),
      change('2025-05-20', { status: 'Deprecated', stabilizedAt: '2023-02-21', deprecatedAt: '2025-06-01' }),
    ],
  });
  it('did not exist the day before it was added, and did on that day, as a Draft', () => {
    expect(documentAsOf(doc, '2022-10-31')).toBeNull();
    expect(documentAsOf(doc, '2022-11-01')).toMatchObject({
      status: 'Draft',
      stabilizedAt: null,
      deprecatedAt: null,
      history: [doc.history[0]],
    });
  });
  it('takes its lifecycle fields from the last change on or before the day', () => {
    expect(documentAsOf(doc, '2023-02-20')?.status).toBe('Draft');
    expect(documentAsOf(doc, '2023-02-21')).toMatchObject({
      status: 'Stable',
      stabilizedAt: '2023-02-21',
      deprecatedAt: null,
    });
    expect(documentAsOf(doc, '2025-05-19')).toMatchObject({ status: 'Stable', deprecatedAt: null });
    // The change landed on 2025-05-20 and announced a deprecation for 2025-06-01: known from its landing.
    expect(documentAsOf(doc, '2025-05-20')).toMatchObject({ status: 'Deprecated', deprecatedAt: '2025-06-01' });
    expect(documentAsOf(doc, '2030-01-01')).toEqual(doc);
  });
});

describe('scopeAsOf', () => {
  const r1 = revision('2024-11-26', [{ date: '2024-11-26', versions: { v4: 'effective' } }]);
  const broken = revision('2024-12-01', [], { format: 'unparseable', error: 'bad indentation', versions: [] });
  const r2 = revision('2025-01-10', [
    { date: '2025-02-01', versions: { v5: 'effective', v4: 'warn' } },
    { date: '2024-11-26', versions: { v4: 'effective' } },
  ]);
  const s = scope([r1, broken, r2]);
  it('did not exist before its first revision', () => {
    expect(scopeAsOf(s, '2024-11-25')).toBeNull();
    expect(scopeAsOf(s, '2024-11-26')).toMatchObject({ timeline: r1.timeline, versions: r1.versions, revisions: [r1] });
  });
  it('keeps the last parseable timeline past an unparseable revision, and lists that revision', () => {
    const asOf = scopeAsOf(s, '2024-12-01')!;
    expect(asOf.revisions).toEqual([r1, broken]);
    expect(asOf.timeline).toEqual(r1.timeline);
  });
  it('shows a later revision from the day it landed on', () => {
    expect(scopeAsOf(s, '2025-01-09')!.timeline).toEqual(r1.timeline);
    expect(scopeAsOf(s, '2025-01-10')!.timeline).toEqual(r2.timeline);
    expect(scopeAsOf(s, '2025-01-10')!.versions.map((v) => v.name)).toEqual(['v5', 'v4']);
  });
});

describe('openedOn and pullStateAsOf', () => {
  it('opens on the day part of createdAt, as written, whatever its offset', () => {
    // 23:30 at -05:00 is already the 11th in UTC; the day as written stays the 10th.
    const late = pr({ createdAt: '2025-03-10T23:30:00-05:00' });
    expect(openedOn(late)).toBe('2025-03-10');
    expect(pullStateAsOf(late, '2025-03-09')).toBeNull();
    expect(pullStateAsOf(late, '2025-03-10')).toBe('open');
  });
  it('falls back to the merge or close day without a creation time, and is unknown without any', () => {
    expect(openedOn(pr({ createdAt: null, mergedAt: '2025-04-01T10:00:00Z', state: 'merged' }))).toBe('2025-04-01');
    expect(openedOn(pr({ createdAt: null, closedAt: '2025-04-02T10:00:00Z', state: 'closed' }))).toBe('2025-04-02');
    const unknown = pr({ createdAt: null, updatedAt: null });
    expect(openedOn(unknown)).toBeNull();
    expect(pullStateAsOf(unknown, '2030-01-01')).toBeNull();
  });
  it('is open until the day before the merge and merged from that day on', () => {
    const merged = pr({ state: 'merged', mergedAt: '2025-03-20T12:00:00Z', closedAt: '2025-03-20T12:00:00Z' });
    expect(pullStateAsOf(merged, '2025-03-19')).toBe('open');
    expect(pullStateAsOf(merged, '2025-03-20')).toBe('merged');
    expect(pullStateAsOf(merged, '2025-03-21')).toBe('merged');
  });
  it('is closed from its close day on when not merged', () => {
    const closed = pr({ state: 'closed', closedAt: '2025-03-15T08:00:00Z' });
    expect(pullStateAsOf(closed, '2025-03-14')).toBe('open');
    expect(pullStateAsOf(closed, '2025-03-15')).toBe('closed');
  });
  it('keeps the current draft flag while it is open', () => {
    expect(pullStateAsOf(pr({ state: 'draft' }), '2025-03-10')).toBe('draft');
  });
});

describe('pullAsOf', () => {
  const merged = pr({
    state: 'merged',
    updatedAt: '2025-03-25T10:00:00Z',
    mergedAt: '2025-03-20T12:00:00Z',
    closedAt: '2025-03-20T12:00:00Z',
  });
  it('forgets the merge, the close and later updates before their day', () => {
    expect(pullAsOf(merged, '2025-03-19')).toEqual({
      ...merged,
      state: 'open',
      mergedAt: null,
      closedAt: null,
      updatedAt: merged.createdAt,
    });
  });
  it('keeps what had happened by the day', () => {
    expect(pullAsOf(merged, '2025-03-20')).toEqual({ ...merged, updatedAt: merged.createdAt });
    expect(pullAsOf(merged, '2025-03-25')).toEqual(merged);
  });
  it('is null before it was opened', () => {
    expect(pullAsOf(merged, '2025-03-09')).toBeNull();
  });
});

describe('datasetAsOf on the real data', () => {
  it('is the data itself on its own day, and keeps only what existed on an earlier day', async () => {
    const dataset = await realData();
    const end = dataset.meta.pullsAsOf;
    const now = datasetAsOf(dataset, end);
    expect(now.scopes).toEqual(dataset.scopes);
    expect(now.documents).toEqual(dataset.documents);
    expect(now.meta).toBe(dataset.meta);

    const day = '2024-06-30';
    const then = datasetAsOf(dataset, day);
    expect(then.documents.length).toBeGreaterThan(0);
    expect(then.documents.length).toBeLessThan(dataset.documents.length);
    for (const d of then.documents)
      expect(
        d.history.every((h) => h.date <= day),
        d.id,
      ).toBe(true);
    for (const s of then.scopes)
      expect(
        s.revisions.every((r) => r.date <= day),
        s.id,
      ).toBe(true);
    for (const p of then.pulls) {
      expect(openedOn(p)! <= day, `#${p.number}`).toBe(true);
      for (const t of [p.mergedAt, p.closedAt]) if (t !== null) expect(t.slice(0, 10) <= day).toBe(true);
    }
    expect(then.pulls.length).toBe(dataset.pulls.filter((p) => openedOn(p) !== null && openedOn(p)! <= day).length);
    // A day later, nothing that existed is lost.
    expect(datasetAsOf(dataset, addDays(day, 1)).documents.length).toBeGreaterThanOrEqual(then.documents.length);
  });
});
