import { describe, expect, it } from 'vitest';
import {
  CAPS,
  capWarning,
  firstRows,
  isCapWarning,
  MAX_PAGE_BYTES,
  MAX_PAGE_ROWS,
  MAX_PULLS,
  MAX_REVISION_TIMELINE_ENTRIES,
  MAX_SHOWN_SLIDES_CHARS,
  MAX_TIMELINE_ENTRIES,
} from '../../../src/domain/parse/caps.ts';
import { MAX_LIST_ENTRIES } from '../../../src/domain/parse/errors.ts';

describe('the caps on totals', () => {
  it('are what the sync applies by default, far above upstream and below the per-file limits', () => {
    expect(CAPS).toEqual({ timelineEntries: MAX_TIMELINE_ENTRIES, pulls: MAX_PULLS });
    // Upstream: 156 timeline entries over 30 revisions, about 360 pull requests.
    expect(MAX_TIMELINE_ENTRIES).toBeGreaterThan(10 * 156);
    expect(MAX_PULLS).toBeGreaterThan(10 * 360);
    expect(MAX_PULLS).toBeLessThan(MAX_LIST_ENTRIES);
    expect(MAX_PAGE_ROWS).toBeLessThan(MAX_PULLS);
    // Upstream's files have 2 to 8 entries; a revision at the cap still fits the total many times.
    expect(MAX_REVISION_TIMELINE_ENTRIES).toBeGreaterThan(50 * 8);
    expect(MAX_TIMELINE_ENTRIES).toBeGreaterThanOrEqual(10 * MAX_REVISION_TIMELINE_ENTRIES);
    // The largest slides of the snapshot's 204 weeks are about 10 KB.
    expect(MAX_SHOWN_SLIDES_CHARS).toBeLessThan(MAX_PAGE_BYTES / 10);
    expect(MAX_PAGE_BYTES).toBe(2 * 1024 * 1024);
  });
});

describe('capWarning and isCapWarning', () => {
  it('mark a warning as a cap that took effect, and only such warnings', () => {
    const w = capWarning('12 pull requests; only the newest 10 are kept');
    expect(w).toBe('cap reached: 12 pull requests; only the newest 10 are kept');
    expect(isCapWarning(w)).toBe(true);
    expect(
      isCapWarning(
        'Tests/scs-compatible-kaas.yaml at bb0ed13 (2024-11-26, #843): kept in the history as unparseable: cap reached: x',
      ),
    ).toBe(false);
  });
});

describe('firstRows', () => {
  const rows = Array.from({ length: 5 }, (_, i) => i + 1);
  it('shows every row up to the cap and says there are none more', () => {
    expect(firstRows(rows, 6)).toEqual({ shown: [1, 2, 3, 4, 5], more: 0 });
    expect(firstRows(rows, 5)).toEqual({ shown: [1, 2, 3, 4, 5], more: 0 });
  });
  it('past the cap shows the first ones and counts the rest', () => {
    expect(firstRows(rows, 4)).toEqual({ shown: [1, 2, 3, 4], more: 1 });
    expect(firstRows(rows, 0)).toEqual({ shown: [], more: 5 });
  });
  it('defaults to MAX_PAGE_ROWS', () => {
    const many = Array.from({ length: MAX_PAGE_ROWS + 1 }, (_, i) => i);
    expect(firstRows(many).shown).toHaveLength(MAX_PAGE_ROWS);
    expect(firstRows(many).more).toBe(1);
    expect(firstRows(many.slice(0, MAX_PAGE_ROWS)).more).toBe(0);
  });
});
