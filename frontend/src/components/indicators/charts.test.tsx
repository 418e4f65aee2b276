import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DistributionChart, formatFigure, ordinal, TrendChart } from './charts';

describe('indicator charts', () => {
  it('says ranks as ordinals and figures as the dashboard shows them', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 111].map(ordinal)).toEqual([
      '1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '111th',
    ]);
    expect(formatFigure(12345.678)).toBe('12,345.68');
    expect(formatFigure(null)).toBe('–');
  });

  it('gives every trend figure in a table beside the drawing, named by the caption', () => {
    render(
      <TrendChart
        title="QOF achievement"
        unit="%"
        seriesName="Median across practices"
        points={[
          { period: '2025-Q1', value: 91.5, lowerQuartile: 90, median: 91.5, upperQuartile: 93 },
          { period: '2025-Q2', value: 92, lowerQuartile: 90.5, median: 92, upperQuartile: 94 },
        ]}
      />,
    );
    const figure = screen.getByRole('figure');
    expect(within(figure).getByRole('img').getAttribute('aria-labelledby')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'QOF achievement: Median across practices by period' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByRole('cell', { name: '93' })).toBeTruthy();
  });

  it('marks the highlighted practice by shape and in words, not by colour alone', () => {
    const { container } = render(
      <DistributionChart
        title="List size"
        unit="patients"
        period="2026-03"
        higherIsBetter
        points={[
          { key: 'own', label: 'Station Road Surgery', value: 7000, highlighted: true },
          { key: 'a', label: 'Another practice', value: 9000 },
        ]}
      />,
    );
    expect(container.querySelectorAll('rect')).toHaveLength(1);
    expect(screen.getByText(/Station Road Surgery is the diamond/)).toBeTruthy();
  });
});
