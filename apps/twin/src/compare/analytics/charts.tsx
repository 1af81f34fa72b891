/**
 * The analytics charts, in SVG (crisp on a projector, readable by screen readers through their
 * titles and the table beside them): the downtime per year of each architecture on a log scale
 * (Monte Carlo mean with its 95% interval, and the Markov closed form), and the distribution of
 * the downtime per run.
 */
import type { ClosedForm, ComparisonSummary } from '@ft/engine/alternatives';
import { formatDuration } from '../format.ts';
import type { Architecture } from '../serviceTracker.ts';
import { ARCHITECTURE_NAMES } from '../setup.ts';
import { binLabel, intervalRows, logTicks } from './chartModel.ts';

const ARCHS: readonly Architecture[] = ['ftserver', 'cluster', 'conventional'];

export const ARCH_COLORS: Record<Architecture, string> = {
  ftserver: '#38c976',
  cluster: '#f0b429',
  conventional: '#ff7a59',
};

/** Mean downtime per year with its interval and the closed form, per architecture (log x). */
export function IntervalChart({
  summary,
  closedForm,
}: {
  summary: ComparisonSummary;
  closedForm: Record<Architecture, ClosedForm>;
}) {
  const width = 640;
  const rowH = 44;
  const left = 150;
  const right = 20;
  const top = 14;
  const height = top + rowH * ARCHS.length + 34;
  const rows = intervalRows(summary, closedForm);
  const { min, max, ticks } = logTicks(rows.flatMap((r) => [r.lowS, r.highS, r.closedS, r.meanS]));
  const x = (s: number) =>
    left +
    ((Math.log10(Math.max(s, min)) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))) *
      (width - left - right);
  return (
    <svg
      className="cmp-chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby="cmp-interval-title"
      data-testid="compare.chart.interval"
    >
      <title id="cmp-interval-title">
        Downtime per service and year: Monte Carlo mean with its 95% interval, and the Markov closed
        form, per architecture (logarithmic scale)
      </title>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={top - 6} y2={height - 28} className="cmp-grid" />
          <text x={x(t)} y={height - 12} className="cmp-axis" textAnchor="middle">
            {formatDuration(t * 1000)}
          </text>
        </g>
      ))}
      {rows.map((r, i) => {
        const y = top + i * rowH + rowH / 2;
        const color = ARCH_COLORS[r.architecture];
        return (
          <g key={r.architecture}>
            <text x={left - 12} y={y + 5} className="cmp-label" textAnchor="end">
              {ARCHITECTURE_NAMES[r.architecture]}
            </text>
            <line x1={x(r.lowS)} x2={x(r.highS)} y1={y} y2={y} stroke={color} strokeWidth={4} />
            <line
              x1={x(r.lowS)}
              x2={x(r.lowS)}
              y1={y - 8}
              y2={y + 8}
              stroke={color}
              strokeWidth={2}
            />
            <line
              x1={x(r.highS)}
              x2={x(r.highS)}
              y1={y - 8}
              y2={y + 8}
              stroke={color}
              strokeWidth={2}
            />
            <circle cx={x(r.meanS)} cy={y} r={6} fill={color} />
            <path
              d={`M ${x(r.closedS)} ${y - 9} l 7 9 l -7 9 l -7 -9 z`}
              fill="none"
              stroke="#e3e9f1"
              strokeWidth={2}
            >
              <title>Markov closed form: {formatDuration(r.closedS * 1000)} a year</title>
            </path>
          </g>
        );
      })}
    </svg>
  );
}

/** Runs per downtime bin, grouped by architecture. */
export function DowntimeHistogram({ summary }: { summary: ComparisonSummary }) {
  const width = 640;
  const height = 220;
  const left = 40;
  const bottom = 40;
  const top = 10;
  const edges = summary.ftserver.histogram.edgesS;
  const maxCount = Math.max(1, ...ARCHS.flatMap((a) => summary[a].histogram.counts));
  const groupW = (width - left - 10) / edges.length;
  const barW = (groupW - 6) / ARCHS.length;
  const y = (n: number) => top + (1 - n / maxCount) * (height - top - bottom);
  return (
    <svg
      className="cmp-chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby="cmp-hist-title"
      data-testid="compare.chart.histogram"
    >
      <title id="cmp-hist-title">
        Number of simulated runs by downtime per run, for each architecture
      </title>
      <line x1={left} x2={width - 10} y1={y(0)} y2={y(0)} className="cmp-grid" />
      <text x={left - 6} y={y(maxCount) + 4} className="cmp-axis" textAnchor="end">
        {maxCount}
      </text>
      <text x={left - 6} y={y(0)} className="cmp-axis" textAnchor="end">
        0
      </text>
      {edges.map((edge, bin) => {
        const gx = left + bin * groupW;
        return (
          <g key={edge}>
            {ARCHS.map((arch, k) => {
              const n = summary[arch].histogram.counts[bin];
              return (
                <rect
                  key={arch}
                  x={gx + 3 + k * barW}
                  y={y(n)}
                  width={Math.max(1, barW - 1)}
                  height={y(0) - y(n)}
                  fill={ARCH_COLORS[arch]}
                >
                  <title>
                    {ARCHITECTURE_NAMES[arch]}: {n} run(s) with {binLabel(edges, bin)} of downtime
                  </title>
                </rect>
              );
            })}
            <text
              x={gx + groupW / 2}
              y={height - bottom + 16}
              className="cmp-axis"
              textAnchor="middle"
            >
              {binLabel(edges, bin, true)}
            </text>
          </g>
        );
      })}
      <text x={left} y={height - 6} className="cmp-axis">
        downtime per run →
      </text>
    </svg>
  );
}
