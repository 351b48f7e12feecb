/**
 * The scope model on the committed data/ (the sync's output from the real snapshot; another
 * test checks it byte for byte against a fresh sync): versions joined with their documents.
 */
import { describe, expect, it } from 'vitest';
import { deriveEvents } from '../../src/domain/events/events.ts';
import { fullTimeline } from '../../src/domain/scopes/scopes.ts';
import { periodsOf } from '../../src/domain/scopes/validity.ts';
import { readDataset } from '../../src/io/dataset.ts';
import { ROOT } from '../support/upstream-repo.ts';
import { join } from 'node:path';

const dataset = await readDataset(join(ROOT, 'data'));
const facts = (scope: string, version: string) =>
  dataset.scopes.find((s) => s.id === scope)!.facts.find((f) => f.name === version)!;

describe('scopes of the snapshot, joined with their documents', () => {
  it('IaaS v5.1 is scs-0501-v5 (its body says v5.1), stabilized 2024-12-19, and includes scs-0123-v1', () => {
    expect(facts('iaas', 'v5.1')).toMatchObject({
      document: 'scs-0501-v5',
      mappedBy: 'document body',
      stabilizedAt: '2024-12-19',
      stabilizedFrom: 'scope file',
    });
    expect(facts('iaas', 'v5.1').standards).toContain('scs-0123-v1');
    expect(facts('iaas', 'v5').document).toBeNull();
  });
  it('KaaS v1 is scs-0502-v1 and includes scs-0214-v2 and scs-0219-v1', () => {
    expect(facts('kaas', 'v1')).toMatchObject({ document: 'scs-0502-v1', stabilizedAt: '2024-11-26' });
    expect(facts('kaas', 'v1').standards).toEqual(expect.arrayContaining(['scs-0214-v2', 'scs-0219-v1']));
  });
  it('reports the v3 mismatch: YAML stabilized_at 2024-02-28, scs-0501-v3 2023-06-15', () => {
    expect(facts('iaas', 'v3').disagreements).toContainEqual({
      fact: 'stabilized_at',
      scopeFile: { file: 'Tests/scs-compatible-iaas.yaml', key: 'versions[v3].stabilized_at', value: '2024-02-28' },
      document: { file: 'Standards/scs-0501-v3-scs-compatible-iaas.md', key: 'stabilized_at', value: '2023-06-15' },
    });
    expect(dataset.meta.warnings).toContain(
      'SCS-compatible IaaS v3: the scope file and its document disagree on stabilized_at: Tests/scs-compatible-iaas.yaml: versions[v3].stabilized_at = 2024-02-28, but Standards/scs-0501-v3-scs-compatible-iaas.md: stabilized_at = 2023-06-15; both are kept',
    );
  });
  it('gives every version that was ever effective a stabilization day', () => {
    let checked = 0;
    for (const s of dataset.scopes) {
      const timeline = fullTimeline(s);
      for (const f of s.facts) {
        if (![...periodsOf(timeline, f.name), ...f.periods].some((p) => p.validity === 'effective')) continue;
        checked++;
        expect(f.stabilizedAt, `${s.id} ${f.name}`).not.toBeNull();
      }
    }
    expect(checked).toBeGreaterThanOrEqual(7);
  });
  it('one event per transition: IaaS v5.1 / scs-0501-v5 on 2024-12-19, KaaS v1 / scs-0502-v1 on 2024-11-26', () => {
    const events = deriveEvents(dataset);
    const on = (day: string) =>
      events
        .filter((e) => e.date === day && (e.kind === 'validity' || e.kind === 'document'))
        .map((e) => [e.id, e.title]);
    expect(on('2024-12-19')).toContainEqual([
      'scope/iaas/v5.1/effective',
      'IaaS v5.1 (scs-0501-v5) becomes effective on 2024-12-19',
    ]);
    expect(on('2024-12-19').map(([id]) => id)).not.toContain('document/scs-0501-v5/stable');
    expect(on('2024-11-26')).toContainEqual([
      'scope/kaas/v1/effective',
      'KaaS v1 (scs-0502-v1) becomes effective on 2024-11-26',
    ]);
    expect(on('2024-11-26').map(([id]) => id)).not.toContain('document/scs-0502-v1/stable');
  });
  it('credits KaaS v1 effective 2024-11-26 to #843; the revision of #844 keeps who made the change', () => {
    const kaas = dataset.scopes.find((s) => s.id === 'kaas')!;
    const fix = kaas.revisions.find((r) => r.pr === 844)!;
    expect(fix.madeBy).toMatchObject({ pr: 843, date: '2024-11-26' });
    const effective = deriveEvents(dataset).find((e) => e.id === 'scope/kaas/v1/effective')!;
    expect(effective.source?.pr).toBe(843);
    const announced = deriveEvents(dataset).find(
      (e) => e.kind === 'announced' && e.scope === 'kaas' && e.version === 'v1' && e.validity === 'effective',
    )!;
    expect(announced.title).toBe('KaaS v1 becomes effective on 2024-11-26');
    expect(announced.source?.pr).toBe(843);
  });
});
