import { describe, expect, it } from 'vitest';
import { Finding, findingKey, RULES, RuleId } from '../../../src/domain/rules/finding.ts';
import { sha } from '../../support/build-scope.ts';

const r1: Finding = {
  rule: 'R1',
  severity: 'violation',
  section: RULES.R1.section,
  scope: 'iaas',
  commit: sha('r1'),
  landed: '2024-11-26',
  pr: 843,
  message: 'v5 is effective from 2024-12-01 but not stabilized',
  values: { version: 'v5', date: '2024-12-01', validity: 'effective' },
};

describe('RULES and RuleId', () => {
  it('describe each rule once, with a severity and a section of scs-0003-v1', () => {
    expect(Object.keys(RULES)).toEqual(RuleId.options);
    for (const [id, rule] of Object.entries(RULES)) {
      expect(rule.section, id).toMatch(/^scs-0003-v1, /);
      expect(rule.rule.length, id).toBeGreaterThan(10);
    }
  });
  it('make R1 to R5 violations and the SHOULD-rules advisories', () => {
    const bySeverity = (s: string) =>
      Object.entries(RULES)
        .filter(([, r]) => r.severity === s)
        .map(([id]) => id);
    expect(bySeverity('violation')).toEqual(['R1', 'R2', 'R3', 'R4', 'R5']);
    expect(bySeverity('advisory')).toEqual(['notice', 'effective-count', 'overlap']);
  });
});

describe('Finding', () => {
  it('takes a finding as the checks make it', () => {
    expect(Finding.parse(r1)).toEqual(r1);
    expect(Finding.safeParse({ ...r1, pr: null }).success).toBe(true);
  });
  it('refuses an unknown rule, severity or landing day, and a value that is not text', () => {
    expect(Finding.safeParse({ ...r1, rule: 'R6' }).success).toBe(false);
    expect(Finding.safeParse({ ...r1, severity: 'error' }).success).toBe(false);
    expect(Finding.safeParse({ ...r1, landed: '2024-11-31' }).success).toBe(false);
    expect(Finding.safeParse({ ...r1, values: { version: 5 } }).success).toBe(false);
    expect(Finding.safeParse({ ...r1, pr: 1.5 }).success).toBe(false);
  });
});

describe('findingKey', () => {
  it('is the same for the same rule and values, in any key order', () => {
    expect(findingKey({ rule: 'R1', values: { version: 'v5', date: '2024-12-01' } })).toBe(
      findingKey({ rule: 'R1', values: { date: '2024-12-01', version: 'v5' } }),
    );
    expect(findingKey({ rule: 'R1', values: { version: 'v5', date: '2024-12-01' } })).toBe(
      'R1|date=2024-12-01,version=v5',
    );
  });
  it('differs by rule and by any value', () => {
    const keys = new Set([
      findingKey({ rule: 'R1', values: { version: 'v5' } }),
      findingKey({ rule: 'R4', values: { version: 'v5' } }),
      findingKey({ rule: 'R1', values: { version: 'v4' } }),
      findingKey({ rule: 'R1', values: { version: 'v5', date: '2024-12-01' } }),
    ]);
    expect(keys.size).toBe(4);
  });
  it('keeps an overlap the same while it ends on the same day, wherever it starts', () => {
    const a = findingKey({ rule: 'overlap', values: { from: '2025-01-01', to: '2025-04-01', versions: 'v4, v5' } });
    const pruned = findingKey({
      rule: 'overlap',
      values: { from: '2025-02-01', to: '2025-04-01', versions: 'v4, v5' },
    });
    expect(a).toBe(pruned);
    expect(findingKey({ rule: 'overlap', values: { from: '2025-01-01', to: '2025-05-01' } })).not.toBe(a);
  });
  it('reads an overlap without an end as ending on no day, not as a crash', () => {
    expect(findingKey({ rule: 'overlap', values: { from: '2025-01-01' } })).toBe('overlap|to=');
  });
});
