import { describe, expect, it } from 'vitest';
import { periodsOf, validityOn } from '../../src/domain/validity.ts';
import type { TimelineEntry } from '../../src/domain/schemas/scope-file.ts';

// Entries deliberately out of order: scs-0003-v1 says order does not matter.
const timeline: TimelineEntry[] = [
  { date: '2025-02-01', versions: { 'v5.1': 'effective', v4: 'warn' } },
  { date: '2024-12-19', versions: { 'v5.1': 'effective', v4: 'effective', v3: 'deprecated' } },
  { date: '2025-07-01', versions: { 'v5.1': 'effective' } },
];

describe('validityOn (scs-0003-v1)', () => {
  it('is deprecated before the first entry, for every version', () => {
    expect(validityOn(timeline, 'v4', '2024-12-18')).toBe('deprecated');
    expect(validityOn(timeline, 'v5.1', '2024-12-18')).toBe('deprecated');
  });
  it('applies an entry from its own day on', () => {
    expect(validityOn(timeline, 'v4', '2024-12-19')).toBe('effective');
    expect(validityOn(timeline, 'v4', '2025-01-31')).toBe('effective');
    expect(validityOn(timeline, 'v4', '2025-02-01')).toBe('warn');
    expect(validityOn(timeline, 'v4', '2025-02-02')).toBe('warn');
  });
  it('treats a version the entry does not list as deprecated', () => {
    expect(validityOn(timeline, 'v4', '2025-06-30')).toBe('warn');
    expect(validityOn(timeline, 'v4', '2025-07-01')).toBe('deprecated');
    expect(validityOn(timeline, 'v4', '2025-07-02')).toBe('deprecated');
  });
});

describe('periodsOf', () => {
  it('gives consecutive periods with exclusive ends', () => {
    expect(periodsOf(timeline, 'v4')).toEqual([
      { validity: 'deprecated', from: null, to: '2024-12-19' },
      { validity: 'effective', from: '2024-12-19', to: '2025-02-01' },
      { validity: 'warn', from: '2025-02-01', to: '2025-07-01' },
      { validity: 'deprecated', from: '2025-07-01', to: null },
    ]);
  });
});
