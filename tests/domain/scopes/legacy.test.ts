import { describe, expect, it } from 'vitest';
import { legacyTimeline, legacyValidityOn } from '../../../src/domain/scopes/legacy.ts';
import { LegacyVersion } from '../../../src/domain/schemas/scope-file.ts';
import { parseScopeText } from '../../../src/domain/scopes/scope-parse.ts';
import { periodsOf, validityOn } from '../../../src/domain/scopes/validity.ts';
import { validitiesOn } from '../../support/build-scope.ts';

const v = (raw: Record<string, unknown>) => LegacyVersion.parse(raw);

describe('legacyValidityOn (scope files before August 2024)', () => {
  it('reads deprecated_at as the first day no longer effective', () => {
    const v1 = v({ version: 'v1', stabilized_at: '2021-01-01', deprecated_at: '2023-10-31' });
    expect(legacyValidityOn(v1, '2023-10-30')).toBe('effective');
    expect(legacyValidityOn(v1, '2023-10-31')).toBe('deprecated');
    expect(legacyValidityOn(v1, '2023-11-01')).toBe('deprecated');
  });
  it('reads obsoleted_at as the last valid day (the check was now > obsoleted_at)', () => {
    const v1 = v({ version: 'v1', stabilized_at: '2021-01-01', obsoleted_at: '2023-10-31' });
    expect(legacyValidityOn(v1, '2023-10-30')).toBe('effective');
    expect(legacyValidityOn(v1, '2023-10-31')).toBe('effective');
    expect(legacyValidityOn(v1, '2023-11-01')).toBe('deprecated');
  });
  it('prefers deprecated_at when a version has both', () => {
    const v1 = v({
      version: 'v1',
      stabilized_at: '2021-01-01',
      obsoleted_at: '2023-12-31',
      deprecated_at: '2023-10-31',
    });
    expect(legacyValidityOn(v1, '2023-10-31')).toBe('deprecated');
  });
  it('is effective from stabilized_at, a draft before it, and not listed before it first appeared', () => {
    const v4 = v({ version: 'v4', stabilized_at: '2024-02-28' });
    expect(legacyValidityOn(v4, '2024-02-27')).toBe('draft');
    expect(legacyValidityOn(v4, '2024-02-28')).toBe('effective');
    expect(legacyValidityOn(v4, '2023-11-29', '2023-11-30')).toBe('deprecated');
    expect(legacyValidityOn(v4, '2023-11-30', '2023-11-30')).toBe('draft');
  });
});

describe('legacyTimeline', () => {
  // IaaS as of 2023-06-14 (#306): v1 and v2 with obsoleted_at, v3 stabilized the next day.
  const versions = [
    v({ version: 'v1', stabilized_at: '2021-01-01', obsoleted_at: '2023-10-31' }),
    v({ version: 'v2', stabilized_at: '2023-03-23', obsoleted_at: '2023-11-30' }),
    v({ version: 'v3', stabilized_at: '2023-06-15', obsoleted_at: '2024-04-30' }),
  ];
  const firstSeen: Record<string, string> = { v1: '2023-02-14', v2: '2023-03-28', v3: '2023-06-14' };
  const timeline = legacyTimeline(versions, (name) => firstSeen[name] ?? null);

  it('has one entry per day anything changes, newest first', () => {
    expect(timeline.map((e) => e.date)).toEqual([
      '2024-05-01',
      '2023-12-01',
      '2023-11-01',
      '2023-06-15',
      '2023-06-14',
      '2023-03-23',
      '2021-01-01',
    ]);
    expect(timeline[0]).toEqual({ date: '2024-05-01', versions: {} });
  });
  it('means on each boundary day what the legacy dates meant', () => {
    expect(validitiesOn(timeline, 'v1', ['2020-12-31', '2021-01-01', '2023-10-31', '2023-11-01'])).toEqual({
      '2020-12-31': 'deprecated',
      '2021-01-01': 'effective',
      '2023-10-31': 'effective',
      '2023-11-01': 'deprecated',
    });
    const v3 = ['2023-06-13', '2023-06-14', '2023-06-15', '2024-04-30', '2024-05-01'];
    expect(validitiesOn(timeline, 'v3', v3)).toEqual({
      '2023-06-13': 'deprecated',
      '2023-06-14': 'draft',
      '2023-06-15': 'effective',
      '2024-04-30': 'effective',
      '2024-05-01': 'deprecated',
    });
  });
  it('does not make a version a draft before it first appeared', () => {
    // v2 appeared on 2023-03-28, already stabilized on 2023-03-23: it never was a draft.
    expect(periodsOf(timeline, 'v2')).toEqual([
      { validity: 'deprecated', from: null, to: '2023-03-23' },
      { validity: 'effective', from: '2023-03-23', to: '2023-12-01' },
      { validity: 'deprecated', from: '2023-12-01', to: null },
    ]);
  });
  it('gives a file of drafts only a draft entry from the day it appeared', () => {
    const kaas = [v({ version: 'v1' }), v({ version: 'v2' })];
    expect(legacyTimeline(kaas, '2024-03-06')).toEqual([
      { date: '2024-03-06', versions: { v1: 'draft', v2: 'draft' } },
    ]);
    expect(legacyTimeline(kaas, () => '2024-03-06')).toEqual(legacyTimeline(kaas, '2024-03-06'));
  });
  it('keeps drafts since ever when nothing says when they appeared', () => {
    const tl = legacyTimeline([v({ version: 'v1', stabilized_at: '2024-01-01' })]);
    expect(validityOn(tl, 'v1', '2023-12-31')).toBe('deprecated'); // before the first entry
    expect(validityOn(tl, 'v1', '2024-01-01')).toBe('effective');
  });
  it('is order-independent and stable under a later commit day for known versions', () => {
    const later = legacyTimeline([...versions].reverse(), (name) => firstSeen[name] ?? '2024-01-18');
    expect(later).toEqual(timeline);
  });
});

describe('parseScopeText on the legacy format', () => {
  it('reads versions under a layer key (iaas:) and standards as includes', () => {
    const text = [
      'name: SCS Compatible',
      'url: https://example.invalid/scs-compatible.yaml',
      'iaas:',
      '  - version: v1',
      '    stabilized_at: 2021-01-01',
      '    # obsoleted_at: 2023-10-03',
      '    standards:',
      '      - name: Flavor naming',
      '        url: https://example.invalid/scs-0100-v1.md',
      '  - version: v2',
      '    standards:',
      '',
    ].join('\n');
    const parsed = parseScopeText(text, 'Tests/scs-compatible.yaml', '2023-02-14');
    expect(parsed.format).toBe('legacy');
    expect(parsed.uuid).toBeNull();
    expect(parsed.versions).toEqual([
      { name: 'v1', stabilizedAt: '2021-01-01', include: [{ ref: 'Flavor naming', parameters: {} }] },
      { name: 'v2', stabilizedAt: null, include: [] },
    ]);
    expect(parsed.timeline).toEqual([
      { date: '2023-02-14', versions: { v1: 'effective', v2: 'draft' } },
      { date: '2021-01-01', versions: { v1: 'effective' } },
    ]);
  });
  it('names file and key when neither timeline nor versions is there', () => {
    expect(() => parseScopeText('name: X\nfoo: 1\n', 'Tests/scs-compatible-x.yaml')).toThrow(
      /Tests\/scs-compatible-x\.yaml: timeline: missing; expected a timeline/,
    );
  });
});
