/**
 * Geometry of the scope timeline chart (one row per version, one bar per period, a month
 * and quarter axis, a today line), computed here so the SVG component only draws. Units are
 * SVG user units of a fixed-width viewBox; days map linearly to x.
 */
import {
  addDays,
  addMonths,
  daysBetween,
  maxDay,
  minDay,
  startOfMonth,
  startOfQuarter,
  type Day,
} from '../days/day.ts';
import type { Validity } from '../schemas/validity.ts';
import { periodsOf, type Period } from './validity.ts';
import type { TimelineEntry } from '../schemas/scope-file.ts';

export interface ChartLayout {
  width: number;
  labelWidth: number;
  rightPad: number;
  axisHeight: number;
  rowHeight: number;
  rowGap: number;
  /**
   * Where a phone's first view of the chart begins, in user units: no label may straddle it.
   * The chart is at least 44rem (704 px) wide and opens scrolled to its right end
   * (global.css), so a 390 px phone, with 366 px for the content, first shows the right
   * 366/704 of it.
   */
  narrowViewStart: number;
}

/** Version names stand left of the rows and again right of them (where a scrolled chart starts on a phone). */
export const DEFAULT_LAYOUT: ChartLayout = {
  width: 1000,
  labelWidth: 64,
  rightPad: 52,
  axisHeight: 34,
  rowHeight: 24,
  rowGap: 8,
  narrowViewStart: Math.round(1000 * (1 - 366 / 704)),
};

export interface TimelineRow {
  version: string;
  /** Periods as scs-0003-v1 derives them; the leading "not yet listed" one is not drawn. */
  periods: Period[];
}

export interface ChartBar {
  version: string;
  row: number;
  validity: Validity;
  from: Day | null;
  to: Day | null;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The validity written on the bar when it fits; null when too narrow (the table has it). */
  label: string | null;
  /** Where the label starts: just inside the bar, or just past the phone's view edge when it would straddle it. */
  labelX: number;
}

export interface ChartTick {
  day: Day;
  x: number;
  kind: 'year' | 'quarter' | 'month';
  label: string | null;
}

export interface Chart {
  start: Day;
  end: Day;
  width: number;
  height: number;
  plotLeft: number;
  plotRight: number;
  /** `ChartLayout.narrowViewStart`: labels drawn next to a line are kept off it too. */
  narrowViewStart: number;
  rows: { version: string; y: number; labelY: number }[];
  bars: ChartBar[];
  ticks: ChartTick[];
  today: { day: Day; x: number } | null;
  marker: { day: Day; x: number } | null;
}

/** Rows of a timeline: newest version first, by the day it was first listed as anything but deprecated. */
export function chartRows(timeline: readonly TimelineEntry[], versions: readonly string[]): TimelineRow[] {
  const rows = versions.map((version) => ({ version, periods: periodsOf(timeline, version) }));
  const firstListed = (r: TimelineRow) => r.periods.find((p) => p.validity !== 'deprecated')?.from ?? null;
  return rows
    .filter((r) => r.periods.length > 1 || firstListed(r) !== null)
    .sort((a, b) => {
      const fa = firstListed(a);
      const fb = firstListed(b);
      if (fa === fb) return a.version < b.version ? 1 : -1;
      if (fa === null) return 1;
      if (fb === null) return -1;
      return fa < fb ? 1 : -1;
    });
}

/**
 * The days the chart spans: from the quarter of the first transition to a quarter at least
 * three months after the last transition, today and the marker.
 */
export function chartRange(
  rows: readonly TimelineRow[],
  today: Day | null,
  marker: Day | null = null,
): { start: Day; end: Day } {
  const days: Day[] = [];
  for (const r of rows) for (const p of r.periods) if (p.from) days.push(p.from);
  if (today) days.push(today);
  if (marker) days.push(marker);
  if (days.length === 0) throw new Error('a chart needs at least one dated period, today or a marker');
  const first = days.reduce(minDay);
  const last = days.reduce(maxDay);
  return { start: startOfQuarter(first), end: startOfQuarter(addMonths(last, 6)) };
}

/** x of the start of a day, linear in days between the plot's edges. */
export function xOfDay(day: Day, start: Day, end: Day, left: number, right: number): number {
  const span = daysBetween(start, end);
  const clamped = day < start ? start : day > end ? end : day;
  return round(left + ((right - left) * daysBetween(start, clamped)) / span);
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Month ticks; quarters labelled Q1–Q4 when a quarter is at least `minLabelSpace` units wide,
 * years always labelled at January.
 */
export function axisTicks(
  start: Day,
  end: Day,
  left: number,
  right: number,
  minLabelSpace = 26,
  edge: number | null = null,
): ChartTick[] {
  const ticks: ChartTick[] = [];
  const perDay = (right - left) / daysBetween(start, end);
  const quarterWide = perDay * 91 >= minLabelSpace;
  for (let d = startOfMonth(start); d <= end; d = addMonths(d, 1)) {
    if (d < start) continue;
    const month = Number(d.slice(5, 7));
    const x = xOfDay(d, start, end, left, right);
    // A label starting at the right edge, or across the edge of a phone's view, would be cut off.
    if (right - x < minLabelSpace || (edge !== null && x < edge && x + minLabelSpace > edge)) {
      ticks.push({ day: d, x, kind: month === 1 ? 'year' : (month - 1) % 3 === 0 ? 'quarter' : 'month', label: null });
      continue;
    }
    if (month === 1) ticks.push({ day: d, x, kind: 'year', label: d.slice(0, 4) });
    else if ((month - 1) % 3 === 0)
      ticks.push({ day: d, x, kind: 'quarter', label: quarterWide ? `Q${(month - 1) / 3 + 1}` : null });
    else ticks.push({ day: d, x, kind: 'month', label: null });
  }
  return ticks;
}

/** Rough width of a label at 11px in the system font: enough to decide whether it fits. */
export function labelWidth(text: string): number {
  return text.length * 6.6 + 8;
}

/**
 * Where a bar's label starts: 5 units into the bar, unless it would straddle `edge` (cut
 * there on a phone: "sprecated"); then just past the edge if the bar has room there, else
 * no label at all.
 */
export function barLabel(
  text: string,
  x: number,
  width: number,
  edge: number,
): { label: string; labelX: number } | { label: null; labelX: number } {
  const w = labelWidth(text);
  if (w > width) return { label: null, labelX: x + 5 };
  const start = x + 5;
  if (!(start < edge && start + w > edge)) return { label: text, labelX: start };
  if (edge + 5 + w <= x + width) return { label: text, labelX: edge + 5 };
  return { label: null, labelX: start };
}

export function chartGeometry(
  rows: readonly TimelineRow[],
  options: { today: Day | null; marker?: Day | null; layout?: ChartLayout; range?: { start: Day; end: Day } },
): Chart {
  const layout = options.layout ?? DEFAULT_LAYOUT;
  const marker = options.marker ?? null;
  const { start, end } = options.range ?? chartRange(rows, options.today, marker);
  const left = layout.labelWidth;
  const right = layout.width - layout.rightPad;
  const x = (d: Day) => xOfDay(d, start, end, left, right);
  const bars: ChartBar[] = [];
  const placed = rows.map((r, i) => {
    const y = layout.axisHeight + i * (layout.rowHeight + layout.rowGap);
    return { version: r.version, y, labelY: y + layout.rowHeight / 2 };
  });
  rows.forEach((r, i) => {
    const y = placed[i]!.y;
    for (const p of r.periods) {
      if (p.from === null) continue; // before the first entry: not yet listed
      if (p.to !== null && p.to <= start) continue;
      if (p.from >= end) continue;
      const x0 = x(p.from);
      const x1 = p.to === null ? right : x(p.to);
      const width = round(Math.max(1, x1 - x0));
      bars.push({
        version: r.version,
        row: i,
        validity: p.validity,
        from: p.from,
        to: p.to,
        x: x0,
        y,
        width,
        height: layout.rowHeight,
        ...barLabel(p.validity, x0, width, layout.narrowViewStart),
      });
    }
  });
  const height = layout.axisHeight + rows.length * (layout.rowHeight + layout.rowGap) + 4;
  const inRange = (d: Day | null) => d !== null && d >= start && d <= end;
  return {
    start,
    end,
    width: layout.width,
    height,
    plotLeft: left,
    plotRight: right,
    narrowViewStart: layout.narrowViewStart,
    rows: placed,
    bars,
    ticks: axisTicks(start, end, left, right, 26, layout.narrowViewStart),
    today: inRange(options.today) ? { day: options.today!, x: x(options.today!) } : null,
    marker: inRange(marker) ? { day: marker!, x: x(marker!) } : null,
  };
}

/** The chart in words, for the SVG's description: each version's periods. */
export function describeRows(rows: readonly TimelineRow[]): string {
  return rows
    .map((r) => {
      const parts = r.periods
        .filter((p) => p.from !== null)
        .map((p) => (p.to ? `${p.validity} from ${p.from} to ${addDays(p.to, -1)}` : `${p.validity} from ${p.from}`));
      return `${r.version}: ${parts.length ? parts.join(', ') : 'never listed'}.`;
    })
    .join(' ');
}
