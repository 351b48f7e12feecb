import { describe, expect, it } from 'vitest';
import {
  axisTicks,
  barLabel,
  chartGeometry,
  chartRange,
  chartRows,
  describeRows,
  xOfDay,
} from '../../../src/domain/scopes/timeline-chart.ts';
import type { TimelineEntry } from '../../../src/domain/schemas/scope-file.ts';
import { FIRST_DAY, isDay, LAST_DAY } from '../../../src/domain/days/day.ts';

const timeline: TimelineEntry[] = [
  { date: '2025-02-01', versions: { 'v5.1': 'effective', v4: 'warn' } },
  { date: '2024-12-19', versions: { 'v5.1': 'effective', v4: 'effective' } },
  { date: '2025-07-01', versions: { 'v5.1': 'effective' } },
];

describe('chartRows', () => {
  it('puts the newest version first and drops versions never listed', () => {
    expect(chartRows(timeline, ['v4', 'v5.1', 'v9']).map((r) => r.version)).toEqual(['v5.1', 'v4']);
  });
});

describe('chartRange and axis', () => {
  it('spans whole quarters from the first transition to six months after the last', () => {
    const rows = chartRows(timeline, ['v4', 'v5.1']);
    expect(chartRange(rows, '2025-01-15')).toEqual({ start: '2024-10-01', end: '2026-01-01' });
    expect(chartRange(rows, '2026-03-02')).toEqual({ start: '2024-10-01', end: '2026-07-01' });
  });
  it('stays within four-digit years for every day the schemas accept (FIRST_DAY…LAST_DAY)', () => {
    const rows = chartRows(
      [
        { date: LAST_DAY, versions: { v1: 'effective' } },
        { date: FIRST_DAY, versions: { v1: 'draft' } },
      ],
      ['v1'],
    );
    const range = chartRange(rows, LAST_DAY);
    expect(range).toEqual({ start: '1970-01-01', end: '9001-04-01' });
    // The ticks of the last years (the whole span has 84 000 months): four-digit days to the end.
    const ticks = axisTicks('8999-01-01', range.end, 0, 1000);
    expect(ticks.at(-1)!.day <= range.end && ticks.every((t) => isDay(t.day))).toBe(true);
  });
  it('maps days linearly and clamps outside the range', () => {
    expect(xOfDay('2025-01-01', '2025-01-01', '2025-01-11', 0, 100)).toBe(0);
    expect(xOfDay('2025-01-06', '2025-01-01', '2025-01-11', 0, 100)).toBe(50);
    expect(xOfDay('2030-01-01', '2025-01-01', '2025-01-11', 0, 100)).toBe(100);
  });
  it('labels years at January and quarters when there is room', () => {
    const ticks = axisTicks('2024-10-01', '2025-07-01', 0, 900);
    expect(ticks.map((t) => t.label ?? '')).toEqual(['Q4', '', '', '2025', '', '', 'Q2', '', '', '']);
    const crowded = axisTicks('2020-01-01', '2026-01-01', 0, 300);
    expect(crowded.filter((t) => t.label).map((t) => t.label)).toEqual([
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
    ]);
  });
});

describe('chartGeometry', () => {
  const rows = chartRows(timeline, ['v4', 'v5.1']);
  const chart = chartGeometry(rows, { today: '2025-01-15' });
  it('draws one bar per dated period, none for "not yet listed"', () => {
    expect(chart.bars.filter((b) => b.version === 'v4').map((b) => [b.validity, b.from, b.to])).toEqual([
      ['effective', '2024-12-19', '2025-02-01'],
      ['warn', '2025-02-01', '2025-07-01'],
      ['deprecated', '2025-07-01', null],
    ]);
  });
  it('puts bars end to end, open-ended ones to the right edge, and the today line between', () => {
    const [a, b, c] = chart.bars.filter((x) => x.version === 'v4');
    expect(a!.x + a!.width).toBeCloseTo(b!.x, 0);
    expect(c!.x + c!.width).toBeCloseTo(chart.plotRight, 0);
    expect(chart.today!.x).toBeGreaterThan(a!.x);
    expect(chart.today!.x).toBeLessThan(b!.x);
  });
  it('writes the validity on bars wide enough for it', () => {
    expect(chart.bars.find((b) => b.validity === 'deprecated')!.label).toBe('deprecated');
    const narrow = chartGeometry(rows, { today: '2025-01-15', range: { start: '2015-01-01', end: '2030-01-01' } });
    expect(narrow.bars.find((b) => b.validity === 'effective' && b.version === 'v4')!.label).toBeNull();
  });
  it('describes the rows in words, end days inclusive', () => {
    expect(describeRows(rows)).toBe(
      'v5.1: effective from 2024-12-19. v4: effective from 2024-12-19 to 2025-01-31, warn from 2025-02-01 to 2025-06-30, deprecated from 2025-07-01.',
    );
  });
});

describe("labels at the edge of a phone's first view (x = 480)", () => {
  it('keeps a bar label that does not straddle the edge where it is, 5 units into the bar', () => {
    expect(barLabel('effective', 100, 300, 480)).toEqual({ label: 'effective', labelX: 105 });
    expect(barLabel('effective', 480, 300, 480)).toEqual({ label: 'effective', labelX: 485 });
    expect(barLabel('effective', 100, 30, 480)).toMatchObject({ label: null });
  });
  it('moves a label that would straddle it just past the edge, or drops it when the bar has no room there', () => {
    // 'deprecated' is about 74 units wide: from 455 it would end past 480.
    expect(barLabel('deprecated', 450, 300, 480)).toEqual({ label: 'deprecated', labelX: 485 });
    expect(barLabel('deprecated', 450, 90, 480)).toMatchObject({ label: null });
    // Starting 75 units before the edge, it ends before it (455 - 380 = 75 > 74).
    expect(barLabel('deprecated', 375, 300, 480)).toEqual({ label: 'deprecated', labelX: 380 });
  });
  it('leaves a tick unlabelled whose label would straddle the edge', () => {
    const ticks = axisTicks('2024-01-01', '2026-01-01', 0, 730, 26, 370);
    const labelled = ticks.filter((t) => t.label !== null);
    expect(labelled.every((t) => !(t.x < 370 && t.x + 26 > 370))).toBe(true);
    const cut = ticks.find((t) => t.x < 370 && t.x + 26 > 370 && t.kind !== 'month');
    expect(cut?.label ?? null).toBeNull();
    expect(axisTicks('2024-01-01', '2026-01-01', 0, 730).filter((t) => t.label !== null).length).toBeGreaterThan(
      labelled.length,
    );
  });
});
