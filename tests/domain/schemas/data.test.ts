import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  Dataset,
  Document,
  Meta,
  Provenance,
  PullRequest,
  Scope,
  Sha,
  Timestamp,
} from '../../../src/domain/schemas/data.ts';
import { documentOf, revision, scope, sha } from '../../support/build-scope.ts';
import { DATA_DIR } from '../../support/real-data.ts';
import { buildPull } from '../../support/build-pull.ts';

const ok = (schema: { safeParse: (v: unknown) => { success: boolean } }, value: unknown) =>
  schema.safeParse(value).success;
const raw = (file: string): unknown => JSON.parse(readFileSync(join(DATA_DIR, file), 'utf8'));

describe('the committed data/ files', () => {
  it('all fit the schemas, and parsing changes nothing in them (no defaults, no transforms)', () => {
    const input = {
      meta: raw('meta.json'),
      scopes: raw('scopes.json'),
      documents: raw('documents.json'),
      pulls: raw('pulls.json'),
    };
    expect(Dataset.parse(input)).toEqual(input);
  });
});

describe('Sha', () => {
  it('takes 40 lower-case hex digits only', () => {
    expect(ok(Sha, 'a'.repeat(40))).toBe(true);
    for (const bad of ['a'.repeat(39), 'a'.repeat(41), 'A'.repeat(40), 'g'.repeat(40), `${'a'.repeat(40)}\n`])
      expect(ok(Sha, bad), bad).toBe(false);
  });
});

describe('Timestamp', () => {
  it('takes an ISO 8601 instant with Z or an offset, and fractions of a second', () => {
    for (const t of [
      '2026-08-21T17:06:47+02:00',
      '2026-08-21T15:06:47Z',
      '2026-08-21T15:06:47.123Z',
      '2024-02-29T23:59:59-05:00',
    ])
      expect(ok(Timestamp, t), t).toBe(true);
  });
  it('refuses a day that does not exist, an hour 24, a missing offset, a bare day', () => {
    for (const t of [
      '2024-02-30T10:00:00Z',
      '2025-02-29T10:00:00Z',
      '2026-08-21T24:00:00Z',
      '2026-08-21T17:06:47',
      '2026-08-21',
      '2026-08-21 17:06:47Z',
      '',
    ]) {
      const result = Timestamp.safeParse(t);
      expect(result.success, t).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('expected an ISO 8601 timestamp');
    }
  });
  it('refuses a real day outside the handled range, saying the range', () => {
    const result = Timestamp.safeParse('1969-12-31T23:59:59Z');
    expect(result.error?.issues[0]?.message).toBe(
      'expected an ISO 8601 timestamp on a day from 1970-01-01 to 9000-12-31',
    );
    expect(ok(Timestamp, '1970-01-01T00:00:00Z')).toBe(true);
    expect(ok(Timestamp, '9000-12-31T23:59:59Z')).toBe(true);
    expect(ok(Timestamp, '9001-01-01T00:00:00Z')).toBe(false);
  });
});

describe('Provenance', () => {
  it('takes a commit, a calendar day and a positive pull request number or null', () => {
    expect(ok(Provenance, { commit: sha('x'), date: '2024-11-26', pr: 843 })).toBe(true);
    expect(ok(Provenance, { commit: sha('x'), date: '2024-11-26', pr: null })).toBe(true);
    for (const pr of [0, -1, 1.5, '843'])
      expect(ok(Provenance, { commit: sha('x'), date: '2024-11-26', pr }), String(pr)).toBe(false);
    expect(ok(Provenance, { commit: sha('x'), date: '2024-11-26T10:00:00Z', pr: null })).toBe(false);
  });
});

describe('Scope', () => {
  const s = scope([revision('2024-11-26', [{ date: '2024-11-26', versions: { v4: 'effective' } }])], { id: 'iaas' });
  it('takes a scope as the builders make it', () => {
    expect(Scope.parse(s)).toEqual(s);
  });
  it('refuses an id that would not make a clean URL segment', () => {
    for (const id of ['IaaS', 'ia/as', 'ia as', '', '../x']) expect(ok(Scope, { ...s, id }), id).toBe(false);
  });
  it('refuses a revision in an unknown format or a version name with a slash', () => {
    expect(ok(Scope, { ...s, revisions: [{ ...s.revisions[0]!, format: 'yaml' }] })).toBe(false);
    expect(ok(Scope, { ...s, versions: [{ name: 'v5/warn', stabilizedAt: null, include: [] }] })).toBe(false);
  });
  it('refuses include parameters that are not text (the sync stringifies them)', () => {
    expect(
      ok(Scope, {
        ...s,
        versions: [{ name: 'v4', stabilizedAt: null, include: [{ ref: 'opc', parameters: { n: 3 } }] }],
      }),
    ).toBe(false);
    expect(
      ok(Scope, {
        ...s,
        versions: [{ name: 'v4', stabilizedAt: null, include: [{ ref: 'opc', parameters: { n: '3' } }] }],
      }),
    ).toBe(true);
  });
});

describe('Document', () => {
  it('takes a document, and a supplement with a w-version', () => {
    expect(ok(Document, documentOf({ id: 'scs-0214-v2' }))).toBe(true);
    expect(ok(Document, documentOf({ id: 'scs-0214-w1', type: 'Supplement', status: null }))).toBe(true);
  });
  it('refuses an id, series or version that is not of the scs-NNNN-vN form', () => {
    const d = documentOf({ id: 'scs-0214-v2' });
    for (const id of ['scs-214-v2', 'scs-0214-x2', 'SCS-0214-v2', 'scs-0214-v2-slug'])
      expect(ok(Document, { ...d, id }), id).toBe(false);
    expect(ok(Document, { ...d, series: 'scs-0214-v2' })).toBe(false);
    expect(ok(Document, { ...d, version: '2' })).toBe(false);
  });
  it('refuses a status in another case (the sync normalises it before)', () => {
    expect(ok(Document, { ...documentOf({ id: 'scs-0214-v2' }), status: 'stable' })).toBe(false);
  });
});

describe('PullRequest and Meta', () => {
  const p = buildPull({
    number: 1,
    title: 't',
    state: 'merged',
    createdAt: '2024-01-01T00:00:00Z',
    url: 'https://x.invalid/1',
  });
  it('takes the four pull-request states and GitHub review decisions', () => {
    for (const state of ['open', 'draft', 'merged', 'closed'])
      expect(ok(PullRequest, { ...p, state }), state).toBe(true);
    expect(ok(PullRequest, { ...p, state: 'MERGED' })).toBe(false);
    expect(ok(PullRequest, { ...p, reviewDecision: 'APPROVED' })).toBe(true);
    expect(ok(PullRequest, { ...p, reviewDecision: 'COMMENTED' })).toBe(false);
    expect(ok(PullRequest, { ...p, number: 0 })).toBe(false);
  });
  it('takes only schema version 1 and the three pull-request sources', () => {
    const meta = Meta.parse(raw('meta.json'));
    expect(ok(Meta, { ...meta, schemaVersion: 2 })).toBe(false);
    expect(ok(Meta, { ...meta, pullRequestSource: 'gitlab' })).toBe(false);
    expect(ok(Meta, { ...meta, pullsAsOf: '2026-08-32' })).toBe(false);
  });
});
