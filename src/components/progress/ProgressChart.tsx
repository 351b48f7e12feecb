/**
 * A progress chart (recharts island). Props are plain data only (rows, series, how to plot
 * each series), so Astro can serialise them; the same rows are rendered as a table beside
 * the chart (ChartTable.astro). A fixed height, the width of its box (so a phone never
 * scrolls sideways). One y axis, one meaning: each chart plots one kind of number.
 * Lines are stepped, not smoothed: a value measured at a month's end holds until the next
 * one, and a curve between them would draw values nobody measured; a missing value is a gap.
 * The SVG is decoration for sighted readers: the page hides it from assistive technology
 * and gives the table instead, so the keyboard accessibility layer is off.
 */
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface PlotSeries {
  key: string;
  label: string;
  type: 'bar' | 'line';
  color: string;
  /** Bars with the same stack id are stacked. */
  stack?: string;
}

export interface ProgressChartProps {
  x: string;
  rows: Record<string, string | number | null>[];
  series: PlotSeries[];
  height: number;
  yLabel?: string;
}

const TEXT = 'currentColor';

export default function ProgressChart({ x, rows, series, height, yLabel }: ProgressChartProps) {
  return (
    <ResponsiveContainer width="100%" height={height} minWidth={0} initialDimension={{ width: 320, height }}>
      <ComposedChart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#8b949e" strokeOpacity={0.35} />
        <XAxis dataKey={x} tick={{ fill: TEXT, fontSize: 12 }} stroke={TEXT} minTickGap={16} />
        <YAxis
          allowDecimals={false}
          tick={{ fill: TEXT, fontSize: 12 }}
          stroke={TEXT}
          width={44}
          label={yLabel ? { value: yLabel, angle: -90, position: 'insideLeft', fill: TEXT, fontSize: 12 } : undefined}
        />
        <Tooltip contentStyle={{ background: 'var(--bg)', color: 'var(--fg)', border: '1px solid var(--border)' }} />
        {/* In the order of the series (and of the table), not sorted by name. */}
        <Legend itemSorter={null} formatter={(value: string) => <span style={{ color: 'var(--fg)' }}>{value}</span>} />
        {series.map((s) =>
          s.type === 'bar' ? (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              fill={s.color}
              stackId={s.stack}
              isAnimationActive={false}
            />
          ) : (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stroke={s.color}
              strokeWidth={2}
              dot={false}
              connectNulls={false}
              type="stepAfter"
              isAnimationActive={false}
            />
          ),
        )}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
