import { useId } from 'react';
import { Table } from '../Table';

/** A number as the dashboard shows it: at most two decimal places, with thousands separated. */
export function formatFigure(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
}

export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

const width = 640;
const height = 220;
const margin = { top: 16, right: 16, bottom: 36, left: 56 };

function scale(domain: [number, number], range: [number, number]) {
  const [d0, d1] = domain[0] === domain[1] ? [domain[0] - 1, domain[1] + 1] : domain;
  return (value: number) => range[0] + ((value - d0) / (d1 - d0)) * (range[1] - range[0]);
}

export interface TrendPoint {
  period: string;
  value: number | null;
  lowerQuartile?: number | null;
  median?: number | null;
  upperQuartile?: number | null;
}

/**
 * A line of one practice's (or the median's) figures across periods, with the middle half of practices shaded,
 * drawn in SVG; the table beneath gives every figure the chart shows.
 */
export function TrendChart({ title, unit, points, seriesName }: {
  title: string;
  unit: string;
  points: TrendPoint[];
  seriesName: string;
}) {
  const captionId = useId();
  const numbers = points.flatMap((p) => [p.value, p.lowerQuartile, p.upperQuartile]).filter(
    (v): v is number => typeof v === 'number',
  );
  const hasBand = points.some((p) => typeof p.lowerQuartile === 'number');
  const x = scale([0, Math.max(points.length - 1, 1)], [margin.left, width - margin.right]);
  // A line chart need not start at zero: the axis spans the figures with a little room either side.
  const spread = Math.max(...numbers) - Math.min(...numbers) || Math.abs(numbers[0] ?? 1) || 1;
  const [low, high] = [Math.min(...numbers) - spread * 0.1, Math.max(...numbers) + spread * 0.1];
  const y = scale([low, high], [height - margin.bottom, margin.top]);
  const line = points
    .map((p, i) => (p.value === null ? null : `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`))
    .filter(Boolean)
    .join(' ');
  const band = points
    .map((p, i) => (typeof p.upperQuartile === 'number' ? `${x(i).toFixed(1)},${y(p.upperQuartile).toFixed(1)}` : null))
    .filter(Boolean)
    .concat(
      points
        .map((p, i) => (typeof p.lowerQuartile === 'number' ? `${x(i).toFixed(1)},${y(p.lowerQuartile).toFixed(1)}` : null))
        .filter(Boolean)
        .reverse(),
    )
    .join(' ');
  return (
    <figure className="app-chart">
      <figcaption id={captionId}>
        <strong>{title}</strong>: {seriesName} by period{hasBand ? ', with the middle half of practices shaded' : ''}
        {unit ? ` (${unit})` : ''}.
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={captionId} className="app-chart__svg">
        {hasBand && <polygon points={band} className="app-chart__band" />}
        <line x1={margin.left} x2={width - margin.right} y1={height - margin.bottom} y2={height - margin.bottom} className="app-chart__axis" />
        {points.map((p, i) => (
          <text key={p.period} x={x(i)} y={height - 12} textAnchor="middle" className="app-chart__label">
            {points.length > 8 && i % 2 ? '' : p.period}
          </text>
        ))}
        {[0, 0.5, 1].map((f) => {
          const value = low + f * (high - low);
          return (
            <text key={f} x={margin.left - 6} y={y(value) + 4} textAnchor="end" className="app-chart__label">
              {formatFigure(value)}
            </text>
          );
        })}
        <polyline points={line} className="app-chart__line" />
        {points.map((p, i) =>
          p.value === null ? null : <circle key={p.period} cx={x(i)} cy={y(p.value)} r={4} className="app-chart__point" />,
        )}
      </svg>
      <Table
        caption={`${title}: ${seriesName} by period`}
        head={['Period', seriesName, ...(hasBand ? ['Lower quartile', 'Median', 'Upper quartile'] : [])]}
        rows={points.map((p) => ({
          key: p.period,
          cells: [
            p.period,
            formatFigure(p.value),
            ...(hasBand ? [formatFigure(p.lowerQuartile), formatFigure(p.median), formatFigure(p.upperQuartile)] : []),
          ],
        }))}
        compact
      />
    </figure>
  );
}

export interface DistributionPoint {
  key: string;
  label: string;
  value: number;
  highlighted?: boolean;
}

/**
 * Every practice's figure for one period as a dot on one axis, best on the right; the highlighted practice is a
 * larger diamond, named in the caption, so it is not told by colour alone. The table lists the same figures.
 */
export function DistributionChart({ title, unit, period, points, higherIsBetter }: {
  title: string;
  unit: string;
  period: string;
  points: DistributionPoint[];
  higherIsBetter: boolean;
}) {
  const captionId = useId();
  const values = points.map((p) => p.value);
  const x = scale(
    higherIsBetter ? [Math.min(...values), Math.max(...values)] : [Math.max(...values), Math.min(...values)],
    [margin.left, width - margin.right],
  );
  const highlighted = points.find((p) => p.highlighted);
  const axis = 60;
  return (
    <figure className="app-chart">
      <figcaption id={captionId}>
        <strong>{title}</strong>, {period}: {points.length} practices{unit ? ` (${unit})` : ''}, best on the right
        {highlighted ? `; ${highlighted.label} is the diamond` : ''}.
      </figcaption>
      <svg viewBox={`0 0 ${width} 100`} role="img" aria-labelledby={captionId} className="app-chart__svg">
        <line x1={margin.left} x2={width - margin.right} y1={axis} y2={axis} className="app-chart__axis" />
        {points.map((p) =>
          p.highlighted ? (
            <rect
              key={p.key}
              x={x(p.value) - 7}
              y={axis - 7}
              width={14}
              height={14}
              transform={`rotate(45 ${x(p.value)} ${axis})`}
              className="app-chart__highlight"
            />
          ) : (
            <circle key={p.key} cx={x(p.value)} cy={axis} r={5} className="app-chart__point" />
          ),
        )}
        <text x={margin.left} y={92} className="app-chart__label">
          {formatFigure(higherIsBetter ? Math.min(...values) : Math.max(...values))}
        </text>
        <text x={width - margin.right} y={92} textAnchor="end" className="app-chart__label">
          {formatFigure(higherIsBetter ? Math.max(...values) : Math.min(...values))}
        </text>
      </svg>
      <Table
        caption={`${title}, ${period}: every practice's figure`}
        head={['Practice', 'Figure']}
        rows={points.map((p) => ({ key: p.key, cells: [p.highlighted ? <strong>{p.label}</strong> : p.label, formatFigure(p.value)] }))}
        compact
      />
    </figure>
  );
}
