import type { IndicatorsOverviewQuery } from '../../generated/graphql';
import { Table } from '../Table';
import { formatFigure, TrendChart } from './charts';

export type Summary = IndicatorsOverviewQuery['indicators'][number]['publicSummary'][number];

/** The aggregate form (public, and Part I): quartiles and mean of every period, or why a period is withheld. */
export function PublicSummary({ name, unit, summaries }: { name: string; unit: string; summaries: Summary[] }) {
  const shown = summaries.filter((s) => !s.withheldReason);
  return (
    <>
      {shown.length > 1 && (
        <TrendChart
          title={name}
          unit={unit}
          seriesName="Median across practices"
          points={shown.map((s) => ({
            period: s.period,
            value: s.median ?? null,
            lowerQuartile: s.lowerQuartile,
            median: s.median,
            upperQuartile: s.upperQuartile,
          }))}
        />
      )}
      <Table
        caption={`${name}: aggregates across practices`}
        head={['Period', 'Practices', 'Lower quartile', 'Median', 'Upper quartile', 'Mean']}
        rows={summaries.map((s) => ({
          key: s.period,
          cells: s.withheldReason
            ? [s.period, `Withheld: ${s.withheldReason}`, '–', '–', '–', '–']
            : [
                s.period,
                String(s.practices),
                formatFigure(s.lowerQuartile),
                formatFigure(s.median),
                formatFigure(s.upperQuartile),
                formatFigure(s.mean),
              ],
        }))}
        compact
      />
    </>
  );
}
