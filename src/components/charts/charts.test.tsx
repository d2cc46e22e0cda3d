import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { BarChart } from './bar-chart';
import { timeTickFormatter } from './time-format';
import { TimeSeriesChart } from './time-series-chart';
import { formatExactValue, formatValue } from '@/lib/value-format';

// Rendering in jsdom is slow on a loaded CI machine; the assertions, not the clock, are the test.
const SLOW_CI_MS = 30_000;

const t0 = Date.UTC(2026, 0, 15, 12, 0, 0);
const series = [
  { key: 'in', label: 'Records in', points: [0, 1, 2, 3].map((i) => ({ t: t0 + i * 10_000, v: 100 * i })) },
  { key: 'out.total', label: 'Records out', points: [0, 2].map((i) => ({ t: t0 + i * 10_000, v: 50 * i })) },
];

describe('TimeSeriesChart', { timeout: SLOW_CI_MS }, () => {
  it('draws each series, red dots for markers and a legend that hides series', () => {
    const { container } = render(
      <TimeSeriesChart
        title="Throughput"
        series={series}
        timeZone="UTC"
        width={600}
        markers={[{ t: t0 + 10_000, v: 100, label: 'Checkpoint 7 failed' }]}
      />,
    );
    expect(screen.getByRole('figure', { name: 'Throughput' })).toBeInTheDocument();
    expect(container.querySelectorAll('.recharts-line-curve')).toHaveLength(2);
    const dot = container.querySelector('.recharts-reference-dot circle');
    expect(dot).toHaveAttribute('fill', '#dc2626');
    expect(screen.getByText('1 marked')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Records out' }));
    expect(screen.getByRole('button', { name: 'Records out' })).toHaveAttribute('aria-pressed', 'false');
    expect(container.querySelectorAll('.recharts-line-curve')).toHaveLength(1);
  });

  it('lists the plotted values in a table for screen readers, exact values in data-value', () => {
    render(<TimeSeriesChart title="Throughput" series={series} timeZone="UTC" width={600} />);
    const table = screen.getByRole('table', { name: 'Throughput' });
    expect([...table.querySelectorAll('th[scope="col"]')].map((th) => th.textContent)).toEqual([
      'Time',
      'Records in',
      'Records out',
    ]);
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows.map((r) => Number(r.getAttribute('data-t')))).toEqual(
      [0, 1, 2, 3].map((i) => t0 + i * 10_000),
    );
    expect([...rows[2]!.querySelectorAll('td')].map((td) => td.getAttribute('data-value'))).toEqual([
      '200',
      '100',
    ]);
    expect([...rows[1]!.querySelectorAll('td')].map((td) => td.getAttribute('data-value'))).toEqual([
      '100',
      '',
    ]);
    expect(rows[0]!.querySelector('th')).toHaveTextContent('12:00:00');
  });

  it('labels the time axis in the chosen zone', () => {
    const { container } = render(<TimeSeriesChart title="T" series={series} timeZone="UTC" width={600} />);
    const ticks = [
      ...container.querySelectorAll('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value'),
    ].map((t) => t.textContent);
    expect(ticks[0]).toBe('12:00:00');
    const local = timeTickFormatter('local', 60_000)(t0);
    const expected = new Date(t0).toLocaleTimeString('en-GB', { hourCycle: 'h23' });
    expect(local).toBe(expected);
  });

  it('shows an empty state without points', () => {
    render(
      <TimeSeriesChart
        title="T"
        series={[{ key: 'a', label: 'A', points: [] }]}
        timeZone="local"
        empty="Waiting for the first poll"
      />,
    );
    expect(screen.getByText('Waiting for the first poll')).toBeInTheDocument();
  });
});

describe('BarChart', { timeout: SLOW_CI_MS }, () => {
  it('colours each bar by tone and reports clicks', () => {
    const onSelect = vi.fn();
    const { container } = render(
      <BarChart
        title="Checkpoint duration"
        valueLabel="Duration"
        format="duration"
        width={500}
        data={[
          { id: '41', value: 1200, tone: 'ok' },
          { id: '42', value: 60_000, tone: 'bad' },
          { id: '43', value: 900, tone: 'ok' },
        ]}
        onSelect={onSelect}
      />,
    );
    const bars = [...container.querySelectorAll('[data-testid="bar"]')];
    expect(bars.map((b) => b.getAttribute('data-tone'))).toEqual(['ok', 'bad', 'ok']);
    expect(bars[1]).toHaveAttribute('fill', '#dc2626');
    fireEvent.click(bars[1] as Element);
    expect(onSelect).toHaveBeenCalledWith('42');
  });
});

describe('value formats', () => {
  it('gives a short label and an exact one', () => {
    expect(formatValue(1536, 'bytes')).toBe('1.50 KiB');
    expect(formatExactValue(1536, 'bytes')).toBe('1,536 B');
    expect(formatValue(0.425, 'percent')).toBe('43 %');
    expect(formatValue(0.042, 'percent')).toBe('4.2 %');
    expect(formatExactValue(0.123456, 'percent')).toBe('12.3456 %');
    expect(formatValue(65_000, 'duration')).toBe('1 m 5 s');
    expect(formatExactValue(65_000, 'duration')).toBe('65,000 ms');
    expect(formatValue(12_345_678, 'count')).toBe('12.3M');
    expect(formatValue(NaN, 'count')).toBe('—');
  });
});
