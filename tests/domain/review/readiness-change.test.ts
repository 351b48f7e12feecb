/**
 * How a proposed change moves the readiness of draft scope versions: both sides assembled as
 * the sync assembles them, on a small built history (IaaS v4 effective, v5 a draft including
 * a Draft and a Stable standard), and the readiness on the landing day compared.
 */
import { describe, expect, it } from 'vitest';
import { assemble } from '../../../src/domain/upstream/assemble.ts';
import { readinessChanges, standingWords } from '../../../src/domain/review/readiness-change.ts';
import { readinessOf } from '../../../src/domain/report/readiness.ts';
import type { UpstreamSnapshot } from '../../../src/domain/upstream/upstream.ts';
import { history } from '../../support/build-snapshot.ts';

const IAAS = 'Tests/scs-compatible-iaas.yaml';
const FLAVORS = 'Standards/scs-0100-v3-flavor-naming.md';
const ENTROPY = 'Standards/scs-0101-v1-entropy.md';
const IMAGES = 'Standards/scs-0102-v1-image-metadata.md';
const doc = (title: string, status: string, extra = '') =>
  `---\ntitle: ${title}\ntype: Standard\nstatus: ${status}\ntrack: IaaS\n${extra}---\n\n# ${title}\n`;
const MODULES = ['scs-0100-v3', 'scs-0101-v1', 'scs-0102-v1'].map((id) => `  - id: ${id}\n    name: ${id}\n`).join('');
const scopeText = (opts: { v5?: string[]; timeline?: string; extraVersion?: string } = {}) =>
  `uuid: 50393e6f-2ae1-4c5c-a62c-3b75f2abef3f\nname: SCS-compatible IaaS\nmodules:\n${MODULES}timeline:\n${
    opts.timeline ?? ''
  }  - date: 2024-03-01\n    versions:\n      v4: effective\n      v5: draft\n${
    opts.extraVersion ? `      ${opts.extraVersion}: draft\n` : ''
  }versions:\n  - version: v4\n    stabilized_at: 2024-02-28\n    include: [scs-0101-v1]\n  - version: v5\n    include: [${(
    opts.v5 ?? ['scs-0100-v3', 'scs-0101-v1']
  ).join(', ')}]\n${opts.extraVersion ? `  - version: ${opts.extraVersion}\n    include: [scs-0102-v1]\n` : ''}`;

const ON = '2024-11-21';
const start = {
  at: '2024-03-01T10:00:00Z',
  message: 'Start (#100)',
  set: {
    [IAAS]: scopeText(),
    [FLAVORS]: doc('Flavor naming', 'Draft'),
    [ENTROPY]: doc('Entropy', 'Stable', 'stabilized_at: 2024-02-01\n'),
    [IMAGES]: doc('Image metadata', 'Draft'),
  },
};
const dataset = (s: UpstreamSnapshot) => assemble(s, [], 'git').dataset;
const before = dataset(history([start]));
/** The base with one more commit landing on ON. */
const after = (set: Record<string, string>) =>
  dataset(history([start, { at: `${ON}T12:00:00Z`, message: 'Change (#900)', set }]));

describe('readinessChanges', () => {
  it('a stabilization: IaaS v5 goes from "scs-0100-v3 Draft" to every included standard Stable', () => {
    const a = after({ [FLAVORS]: doc('Flavor naming', 'Stable', `stabilized_at: ${ON}\n`) });
    expect(readinessChanges(before, a, ON)).toEqual([
      {
        scope: 'iaas',
        version: 'v5',
        label: 'IaaS v5',
        before: 'scs-0100-v3 Draft',
        after: 'every included standard Stable',
        notStableBefore: ['scs-0100-v3'],
        notStableAfter: [],
        sentence: 'IaaS v5: scs-0100-v3 Draft → every included standard Stable',
      },
    ]);
  });

  it('counts the state on the landing day: stabilized_at the day before or of it moves readiness, the day after does not', () => {
    const stabilized = (day: string) =>
      readinessChanges(before, after({ [FLAVORS]: doc('Flavor naming', 'Stable', `stabilized_at: ${day}\n`) }), ON);
    expect(stabilized('2024-11-20').map((c) => c.after)).toEqual(['every included standard Stable']);
    expect(stabilized('2024-11-21').map((c) => c.after)).toEqual(['every included standard Stable']);
    expect(stabilized('2024-11-22')).toEqual([]);
  });

  it('a scope-file change that includes one more standard in the draft says which', () => {
    const a = after({ [IAAS]: scopeText({ v5: ['scs-0100-v3', 'scs-0101-v1', 'scs-0102-v1'] }) });
    expect(readinessChanges(before, a, ON).map((c) => [c.sentence, c.notStableAfter])).toEqual([
      [
        'IaaS v5: scs-0100-v3 Draft → scs-0100-v3 Draft, scs-0102-v1 Draft (now includes scs-0102-v1)',
        ['scs-0100-v3', 'scs-0102-v1'],
      ],
    ]);
    const dropped = after({ [IAAS]: scopeText({ v5: ['scs-0101-v1'] }) });
    expect(readinessChanges(before, dropped, ON).map((c) => c.sentence)).toEqual([
      'IaaS v5: scs-0100-v3 Draft → every included standard Stable (no longer scs-0100-v3)',
    ]);
  });

  it('a version that becomes a draft, and one that leaves draft, with its validity then', () => {
    const added = after({ [IAAS]: scopeText({ extraVersion: 'v6' }) });
    expect(readinessChanges(before, added, ON).map((c) => [c.sentence, c.before, c.after])).toEqual([
      ['IaaS v6 becomes a draft: scs-0102-v1 Draft', null, 'scs-0102-v1 Draft'],
    ]);
    const effective = after({
      [IAAS]: scopeText({ timeline: `  - date: ${ON}\n    versions:\n      v4: effective\n      v5: effective\n` }),
    });
    expect(readinessChanges(before, effective, ON).map((c) => [c.sentence, c.after, c.notStableAfter])).toEqual([
      ['IaaS v5 leaves draft: effective on 2024-11-21 (before: scs-0100-v3 Draft)', null, []],
    ]);
  });

  it('nothing for a change that moves no readiness (a title, an unrelated file)', () => {
    expect(readinessChanges(before, after({ [FLAVORS]: doc('Flavor names', 'Draft'), 'README.md': 'x' }), ON)).toEqual(
      [],
    );
  });
});

describe('standingWords', () => {
  it('the standards left to stabilize with their states, else that none is left, else that it includes none', () => {
    const r = readinessOf(before, 'iaas', 'v5', ON)!;
    expect(standingWords(r)).toBe('scs-0100-v3 Draft');
    expect(standingWords({ ...r, standards: r.standards.filter((s) => s.state === 'Stable') })).toBe(
      'every included standard Stable',
    );
    expect(standingWords({ ...r, standards: [] })).toBe('includes no standard yet');
  });
});
