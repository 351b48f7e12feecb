/**
 * A progress chart (recharts island). Props are plain data only (rows, series, how to plot
 * each series), so Astro can serialise them; the same rows are rendered as a table beside
 * the chart (ChartTable.astro). Fixed size: the SVG scales down with CSS, never measures.
 * The SVG is decoration for sighted readers: the page hides it from assistive technology
 * and gives the table instead, so the keyboard accessibility layer is off.
 */
import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';

export interface PlotSeries {
  key: string;
  label: string;
  type: 'bar' | 'line';
  /** Left or right y axis (a second unit, such as days). */
  axis?: 'left' | 'right';
  color: string;
  /** Bars with the same stack id are stacked. */
  stack?: string;
}

export interface ProgressChartProps {
  x: string;
  rows: Record<string, string | number | null>[];
  series: PlotSeries[];
  height: number;
  width?: number;
  leftLabel?: string;
  rightLabel?: string;
}

const TEXT = 'currentColor';

export default function ProgressChart({ x, rows, series, height, width = 760, leftLabel, rightLabel }: ProgressChartProps) {
  const hasRight = series.some((s) => s.axis === 'right');
  return (
    <ComposedChart width={width} height={height} data={rows} accessibilityLayer={false} margin={{ top: 8, right: hasRight ? 8 : 24, bottom: 8, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" stroke="#8b949e" strokeOpacity={0.35} />
      <XAxis dataKey={x} tick={{ fill: TEXT, fontSize: 12 }} stroke={TEXT} minTickGap={16} />
      <YAxis yAxisId="left" allowDecimals={false} tick={{ fill: TEXT, fontSize: 12 }} stroke={TEXT} label={leftLabel ? { value: leftLabel, angle: -90, position: 'insideLeft', fill: TEXT, fontSize: 12 } : undefined} />
      {hasRight && (
        <YAxis yAxisId="right" orientation="right" tick={{ fill: TEXT, fontSize: 12 }} stroke={TEXT} label={rightLabel ? { value: rightLabel, angle: 90, position: 'insideRight', fill: TEXT, fontSize: 12 } : undefined} />
      )}
      <Tooltip contentStyle={{ background: 'var(--bg)', color: 'var(--fg)', border: '1px solid var(--border)' }} />
      <Legend formatter={(value: string) => <span style={{ color: 'var(--fg)' }}>{value}</span>} />
      {series.map((s) =>
        s.type === 'bar' ? (
          <Bar key={s.key} dataKey={s.key} name={s.label} yAxisId={s.axis ?? 'left'} fill={s.color} stackId={s.stack} isAnimationActive={false} />
        ) : (
          <Line key={s.key} dataKey={s.key} name={s.label} yAxisId={s.axis ?? 'left'} stroke={s.color} strokeWidth={2} dot={false} connectNulls type="monotone" isAnimationActive={false} />
        ),
      )}
    </ComposedChart>
  );
}
