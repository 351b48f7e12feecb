import { describe, expect, it } from 'vitest';
import { Validity } from '../../../src/domain/schemas/validity.ts';
import { realData } from '../../support/real-data.ts';

describe('Validity', () => {
  it('holds exactly the four states of scs-0003-v1, in lifecycle order', () => {
    expect(Validity.options).toEqual(['draft', 'effective', 'warn', 'deprecated']);
  });
  it('accepts each state as written and nothing else: no other case, no typo, no padding', () => {
    for (const v of Validity.options) expect(Validity.parse(v)).toBe(v);
    for (const bad of ['Effective', 'EFFECTIVE', 'effectiv', ' warn', 'warn ', 'stable', 'obsolete', '', null, 1]) {
      expect(Validity.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
  it('names the allowed states when it refuses one', () => {
    const result = Validity.safeParse('effectiv');
    expect(result.error?.issues[0]?.message).toMatch(/draft.*effective.*warn.*deprecated/);
  });
  it('covers every validity in the real timelines', async () => {
    const dataset = await realData();
    const seen = new Set(
      dataset.scopes.flatMap((s) => s.revisions.flatMap((r) => r.timeline.flatMap((e) => Object.values(e.versions)))),
    );
    expect(seen.size).toBeGreaterThan(0);
    for (const v of seen) expect(Validity.options).toContain(v);
  });
});
