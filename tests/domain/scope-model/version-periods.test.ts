import { describe, expect, it } from 'vitest';
import { documentOnlyFacts } from '../../../src/domain/scope-model/version-facts.ts';
import { versionPeriodOn, versionPeriods } from '../../../src/domain/scope-model/version-periods.ts';
import { documentOf, revision, scope, sha } from '../../support/build-scope.ts';

// v1 from the timeline of the scope file; v2 only in its document (scs-0599-v2), added 2024-09-01.
const history = [
  {
    commit: sha('added'),
    date: '2024-09-01',
    pr: null,
    status: 'Draft' as const,
    stabilizedAt: null,
    deprecatedAt: null,
    rejectedAt: null,
  },
];
const doc = documentOf({
  id: 'scs-0599-v2',
  track: 'Scopes',
  status: 'Deprecated',
  stabilizedAt: '2025-03-01',
  deprecatedAt: '2026-01-01',
  history,
});
const x = scope(
  [
    revision('2024-06-01', [
      { date: '2024-07-01', versions: { v1: 'effective' } },
      { date: '2025-02-01', versions: { v1: 'warn' } },
    ]),
  ],
  {
    facts: [documentOnlyFacts('v2', { doc, body: { versionName: null, standards: ['scs-0100-v3'] } })],
  },
);

describe('versionPeriods', () => {
  it('takes a version of the scope file from its timeline (scs-0003-v1)', () => {
    expect(versionPeriods(x, 'v1')).toEqual([
      { validity: 'deprecated', from: null, to: '2024-07-01' },
      { validity: 'effective', from: '2024-07-01', to: '2025-02-01' },
      { validity: 'warn', from: '2025-02-01', to: null },
    ]);
  });

  it('takes a version only its document knows from the document’s dates', () => {
    expect(versionPeriods(x, 'v2').map((p) => [p.validity, p.from, p.to])).toEqual([
      ['deprecated', null, '2024-09-01'],
      ['draft', '2024-09-01', '2025-03-01'],
      ['effective', '2025-03-01', '2026-01-01'],
      ['deprecated', '2026-01-01', null],
    ]);
  });

  it('gives a copy: changing the answer changes no fact', () => {
    versionPeriods(x, 'v2')[0]!.validity = 'warn';
    expect(x.facts[0]!.periods[0]!.validity).toBe('deprecated');
  });
});

describe('versionPeriodOn: the day before, of and after each transition', () => {
  it.each([
    ['v1', '2024-06-30', 'deprecated'],
    ['v1', '2024-07-01', 'effective'],
    ['v1', '2024-07-02', 'effective'],
    ['v1', '2025-01-31', 'effective'],
    ['v1', '2025-02-01', 'warn'],
    ['v1', '2025-02-02', 'warn'],
    ['v2', '2024-08-31', 'deprecated'],
    ['v2', '2024-09-01', 'draft'],
    ['v2', '2025-02-28', 'draft'],
    ['v2', '2025-03-01', 'effective'],
    ['v2', '2025-12-31', 'effective'],
    ['v2', '2026-01-01', 'deprecated'],
    ['v2', '2026-01-02', 'deprecated'],
  ] as const)('%s on %s is %s', (version, day, validity) => {
    expect(versionPeriodOn(x, version, day).validity).toBe(validity);
  });
});
