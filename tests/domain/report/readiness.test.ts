/** Readiness of draft scope versions, on the project's data (the snapshot) and on small built cases. */
import { describe, expect, it } from 'vitest';
import {
  draftReadiness,
  draftVersions,
  readinessOf,
  scopeDraftReadiness,
} from '../../../src/domain/report/readiness.ts';
import { realData } from '../../support/real-data.ts';

const data = await realData();

describe('readinessOf on the snapshot', () => {
  it('KaaS v1 on 2024-11-21, as on the SIG slide: scs-0214-v2 still Draft with its stabilization PR #835 open', () => {
    const r = readinessOf(data, 'kaas', 'v1', '2024-11-21')!;
    expect(r.words).toBe(
      'KaaS v1: scs-0210-v2 and scs-0219-v1 Stable, CNCF Kubernetes conformance (external test); scs-0214-v2 Draft, stabilization PR #835 open 1 day',
    );
    expect(r.validity).toBe('draft');
    expect(r.notStable).toEqual(['scs-0214-v2']);
    expect(r.standards.map((s) => [s.id, s.state, s.external])).toEqual([
      ['cncf-k8s-conformance', null, true], // scs-0201-v1 was added only in 2026 (#1154)
      ['scs-0210-v2', 'Stable', false],
      ['scs-0214-v2', 'Draft', false],
      ['scs-0219-v1', 'Stable', false],
    ]);
    expect(r.standards.find((s) => s.id === 'scs-0214-v2')!.pulls).toEqual([
      {
        number: 835,
        url: 'https://github.com/SovereignCloudStack/standards/pull/835',
        kind: 'stabilization',
        daysOpen: 1,
      },
    ]);
  });

  it('counts scs-0214-v2 and scs-0214-v2-manual, two modules of one document, once', () => {
    const ids = readinessOf(data, 'kaas', 'v1', '2024-11-25')!.standards.map((s) => s.id);
    expect(ids.filter((id) => id.startsWith('scs-0214'))).toEqual(['scs-0214-v2']);
  });

  it('on the day before, of and after KaaS v1 turns effective (2024-11-26): a draft, then no longer', () => {
    expect(draftVersions(data, 'kaas', '2024-11-25')).toEqual(['v1']);
    expect(draftVersions(data, 'kaas', '2024-11-26')).toEqual([]);
    expect(draftVersions(data, 'kaas', '2024-11-27')).toEqual([]);
    expect(readinessOf(data, 'kaas', 'v1', '2024-11-26')!.notStable).toEqual([]);
    expect(readinessOf(data, 'kaas', 'v1', '2024-11-26')!.words).toMatch(/\(every included standard Stable\)/);
  });

  it('uses the version descriptor as it stood: on 2024-11-14 KaaS v1 did not yet include scs-0219-v1', () => {
    const ids = readinessOf(data, 'kaas', 'v1', '2024-11-14')!.standards.map((s) => s.id);
    expect(ids).not.toContain('scs-0219-v1');
    expect(ids).toContain('scs-0214-v2');
  });

  it('IaaS next today: what it adds over v5.1 is not Stable yet (scs-0102-v2, scs-0123-v2)', () => {
    expect(draftVersions(data, 'iaas', '2026-12-01')).toEqual(['next']);
    const r = readinessOf(data, 'iaas', 'next', '2026-12-01')!;
    expect(r.notStable).toEqual(expect.arrayContaining(['scs-0102-v2', 'scs-0123-v2']));
    expect(r.pullsAsOf).toBe('2026-08-21');
  });

  it('knows no version the scope did not have on the day', () => {
    expect(readinessOf(data, 'kaas', 'v9', '2024-11-21')).toBeNull();
    expect(readinessOf(data, 'paas', 'v1', '2024-11-21')).toBeNull();
    expect(readinessOf(data, 'kaas', 'v1', '2023-01-01')).toBeNull(); // no KaaS file yet
  });

  it('draftReadiness lists every draft version of every scope', () => {
    expect(draftReadiness(data, '2024-11-21').map((r) => r.label)).toEqual(['KaaS v1']);
    expect(draftReadiness(data, '2024-11-07').map((r) => r.label)).toEqual(['IaaS v5', 'KaaS v2', 'KaaS v1']);
    expect(scopeDraftReadiness(data, 'kaas', '2024-11-07').map((r) => r.label)).toEqual(['KaaS v2', 'KaaS v1']);
    expect(scopeDraftReadiness(data, 'kaas', '2024-11-26')).toEqual([]);
  });
});
