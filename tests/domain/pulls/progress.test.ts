/**
 * The progress view: review state, age and idle days from the day part of timestamps,
 * staleness on its boundary, grouping by kind and by document, on made-up and real pulls.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { kindContext } from '../../../src/domain/pulls/pr-kind.ts';
import {
  groupLabel,
  groupSubject,
  progress,
  progressRow,
  reviewState,
  STALE_PULL_DAYS,
} from '../../../src/domain/pulls/progress.ts';
import type { Dataset, PullRequest } from '../../../src/domain/schemas/data.ts';
import { realData } from '../../support/real-data.ts';

let data: Dataset;
beforeAll(async () => {
  data = await realData();
});

const base: PullRequest = {
  number: 90010,
  title: 'Add scs-0999-v1',
  state: 'open',
  author: 'someone',
  createdAt: '2025-01-01T23:30:00-05:00',
  updatedAt: '2025-02-01T00:30:00+01:00',
  mergedAt: null,
  closedAt: null,
  labels: ['SCS-VP10'],
  reviewDecision: null,
  files: ['Standards/scs-0999-v1-new.md'],
  documents: ['scs-0999-v1'],
  scopes: [],
  url: 'https://github.com/SovereignCloudStack/standards/pull/90010',
};

describe('reviewState', () => {
  it('is draft, ready, approved or changes requested', () => {
    expect(reviewState({ state: 'draft', reviewDecision: 'APPROVED' })).toBe('draft');
    expect(reviewState({ state: 'open', reviewDecision: null })).toBe('ready');
    expect(reviewState({ state: 'open', reviewDecision: 'REVIEW_REQUIRED' })).toBe('ready');
    expect(reviewState({ state: 'open', reviewDecision: 'APPROVED' })).toBe('approved');
    expect(reviewState({ state: 'open', reviewDecision: 'CHANGES_REQUESTED' })).toBe('changes requested');
  });
});

describe('progressRow days', () => {
  it('counts from the day written in the timestamp, not its UTC day', () => {
    const ctx = kindContext([], []);
    // 2025-01-01T23:30-05:00 is 2025-01-02 in UTC; 2025-02-01T00:30+01:00 is 2025-01-31 in UTC.
    const row = progressRow(base, '2025-02-01', ctx);
    expect(row).toMatchObject({
      opened: '2025-01-01',
      ageDays: 31,
      updated: '2025-02-01',
      idleDays: 0,
      stale: false,
      kind: 'new-draft',
      review: 'ready',
    });
  });
  it(`is stale after ${STALE_PULL_DAYS} idle days: not on day 30, from day 31`, () => {
    const ctx = kindContext([], []);
    expect(progressRow(base, '2025-03-02', ctx)).toMatchObject({ idleDays: 29, stale: false });
    expect(progressRow(base, '2025-03-03', ctx)).toMatchObject({ idleDays: 30, stale: false });
    expect(progressRow(base, '2025-03-04', ctx)).toMatchObject({ idleDays: 31, stale: true });
  });
  it('groups a pull request under each document and scope it touches', () => {
    const ctx = kindContext([], []);
    expect(
      progressRow(
        { ...base, scopes: ['iaas'], files: [...base.files, 'Tests/scs-compatible-iaas.yaml'] },
        '2025-02-01',
        ctx,
      ).groups,
    ).toEqual(['scope:iaas', 'scs-0999-v1']);
    expect(
      progressRow({ ...base, documents: [], files: ['Standards/scs-xxxx-v1-machine-identity.md'] }, '2025-02-01', ctx)
        .groups,
    ).toEqual(['scs-xxxx-v1-machine-identity']);
  });
});

describe('progress on the snapshot', () => {
  it('on 2026-08-21 lists the open pull requests that touch standards, stalest first', () => {
    const p = progress(data, '2026-08-21');
    const numbers = p.open.map((r) => r.number);
    for (const n of [140, 461, 576, 630, 842, 1106, 1166, 1195, 1250, 1265, 1266])
      expect(numbers, `#${n}`).toContain(n);
    // #187 changes Standards/ too; nothing merged or closed is listed as open.
    expect(numbers).toContain(187);
    expect(p.open.every((r) => data.pulls.find((x) => x.number === r.number)!.state === 'open')).toBe(true);
    const idle = p.open.map((r) => r.idleDays!);
    expect([...idle].sort((a, b) => b - a)).toEqual(idle);
    const r1265 = p.open.find((r) => r.number === 1265)!;
    expect(r1265).toMatchObject({ opened: '2026-08-21', ageDays: 0, idleDays: 0, stale: false, kind: 'new-draft' });
    const r842 = p.open.find((r) => r.number === 842)!;
    expect(r842).toMatchObject({ opened: '2024-11-25', stale: true, kind: 'scope-version', groups: ['scope:kaas'] });
  });

  it('groups by kind in a fixed order and by document', () => {
    const p = progress(data, '2026-08-21');
    expect(p.byKind.map((g) => g.kind)).toEqual(['scope-version', 'new-draft', 'revision', 'tests']);
    expect(p.byKind.flatMap((g) => g.rows).length).toBe(p.open.length);
    const g0219 = p.byDocument.find((g) => g.group === 'scs-0219-v1')!;
    expect(g0219.rows.map((r) => r.number)).toEqual([1166]);
    expect(p.byDocument.find((g) => g.group === 'scs-0219-v2')!.rows.map((r) => r.number)).toEqual([1195]);
  });

  it('"(new)" only for what is no document and no series of the data: not #1166 (scs-0219-v1) nor #1250 (the series scs-0128)', () => {
    const p = progress(data, '2026-08-21');
    const labelsOf = (n: number) =>
      p.open.find((r) => r.number === n)!.groups.map((g) => groupLabel(groupSubject(g, data)));
    // "Update SCS-0219 …" names the series too; the document it edits stands for it.
    expect(labelsOf(1166)).toEqual(['scs-0219-v1: KaaS Networking Standard']);
    expect(labelsOf(1250)).toEqual([
      `scs-0128 (series): ${data.documents.filter((d) => d.series === 'scs-0128').at(-1)!.title}`,
    ]);
    expect(labelsOf(1195)).toEqual(['scs-0219-v2 (new)']);
    expect(labelsOf(842)).toEqual(['SCS-compatible KaaS']);
    const news = p.byDocument.filter((g) => groupSubject(g.group, data).kind === 'new').map((g) => g.group);
    for (const g of news) {
      expect(
        data.documents.some((d) => d.id === g || d.series === g),
        g,
      ).toBe(false);
    }
    expect(news).toEqual(expect.arrayContaining(['scs-0219-v2', 'scs-0220-v1', 'scs-xxxx-v1-machine-identity']));
  });

  it('built for 2025-01-15 shows what was open then, and what merged or closed in the 28 days before', () => {
    const p = progress(data, '2025-01-15');
    const numbers = p.open.map((r) => r.number);
    expect(numbers).toContain(842);
    expect(numbers).not.toContain(1265);
    // #841 was open until 2025-05-07.
    expect(numbers).toContain(841);
    expect(p.recentSince).toBe('2024-12-19');
    expect(p.recent.map((r) => `${r.number} ${r.outcome} ${r.on}`)).toContain('859 merged 2024-12-20');
    expect(p.recent.every((r) => r.on >= '2024-12-19' && r.on <= '2025-01-15')).toBe(true);
  });
});
