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

/** The value axis's tick labels as drawn, and its unit above them. */
function yAxis(container: HTMLElement) {
  const labels = [
    ...container.querySelectorAll('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value'),
  ].map((t) => ({ text: t.textContent, lines: t.querySelectorAll('tspan').length }));
  return {
    labels: labels.map((l) => l.text),
    wrapped: labels.filter((l) => l.lines > 1).map((l) => l.text),
    unit: container.querySelector('[data-testid="axis-unit"]')?.textContent ?? '',
  };
}

describe('value axis convention (src/lib/axis-ticks.ts) in every chart kind', { timeout: SLOW_CI_MS }, () => {
  const MiB = 1024 ** 2;
  const at = (vs: number[]) => vs.map((v, i) => ({ t: t0 + i * 10_000, v }));

  it('TimeSeriesChart: bytes in one unit above the axis, bare ticks that never wrap', () => {
    const { container } = render(
      <TimeSeriesChart
        title="Heap"
        format="bytes"
        timeZone="UTC"
        width={400}
        height={180}
        series={[{ key: 'heap', label: 'Used', points: at([150 * MiB, 191 * MiB, 170 * MiB]) }]}
      />,
    );
    expect(yAxis(container)).toEqual({
      labels: ['0', '50', '100', '150', '200'],
      wrapped: [],
      unit: 'MiB',
    });
  });

  it('TimeSeriesChart: a count of things gets whole ticks; a hidden series leaves the axis', () => {
    const { container } = render(
      <TimeSeriesChart
        title="Task managers"
        timeZone="UTC"
        width={400}
        height={180}
        series={[
          { key: 'tm', label: 'Task managers', points: at([2, 2, 2]) },
          { key: 'slots', label: 'Slots', points: at([12, 12, 12]) },
        ]}
      />,
    );
    expect(yAxis(container)).toEqual({ labels: ['0', '5', '10', '15'], wrapped: [], unit: '' });
    fireEvent.click(screen.getByRole('button', { name: 'Slots' }));
    // Not 0 / 0.5 / 1 / 1.5 / 2 task managers.
    expect(yAxis(container).labels).toEqual(['0', '1', '2']);
  });

  it('TimeSeriesChart: a small share gets the decimals it needs, each tick distinct', () => {
    const { container } = render(
      <TimeSeriesChart
        title="Time spent in GC"
        format="percent"
        yDomain={[0, 'auto']}
        timeZone="UTC"
        width={400}
        height={180}
        series={[{ key: 'gc', label: 'G1', points: at([0.0001, 0.0003, 0.0002]) }]}
      />,
    );
    expect(yAxis(container)).toEqual({ labels: ['0', '0.01', '0.02', '0.03'], wrapped: [], unit: '%' });
  });

  it('BarChart: checkpoint sizes in MiB, durations in seconds', () => {
    const sizes = render(
      <BarChart
        title="Checkpointed size"
        valueLabel="Size"
        format="bytes"
        width={400}
        height={180}
        data={[
          { id: '1', value: 200 * MiB },
          { id: '2', value: 343 * MiB },
        ]}
      />,
    );
    expect(yAxis(sizes.container)).toEqual({
      labels: ['0', '100', '200', '300', '400'],
      wrapped: [],
      unit: 'MiB',
    });
    sizes.unmount();
    const durations = render(
      <BarChart
        title="Duration"
        valueLabel="Duration"
        format="duration"
        width={400}
        height={180}
        data={[
          { id: '1', value: 1_200 },
          { id: '2', value: 95_000 },
        ]}
      />,
    );
    expect(yAxis(durations.container)).toEqual({
      labels: ['0', '30', '60', '90', '120'],
      wrapped: [],
      unit: 's',
    });
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
    expect(formatValue(1536, 'byte-rate')).toBe('1.50 KiB/s');
    expect(formatExactValue(1536, 'byte-rate')).toBe('1,536 B/s');
  });
});
