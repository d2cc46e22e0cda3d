/**
 * The values a time series chart draws, as a table for screen readers (and anyone reading the
 * page's text): the newest `MAX_ROWS` rows, one column per series. Each row carries its time
 * (`data-t`, ms) and each cell its exact value (`data-value`), so tests and tools read what is
 * plotted without parsing formatted text.
 */
import { formatTimestamp, type TimeZoneChoice } from '@/lib/format';
import { formatValue, type ValueFormat } from '@/lib/value-format';

const MAX_ROWS = 120;

export interface ChartDataRow {
  t: number;
  /** Value of each series, in series order; undefined where the series has no point at `t`. */
  values: readonly (number | undefined)[];
}

export function ChartDataTable({
  title,
  labels,
  rows,
  format,
  timeZone,
}: {
  title: string;
  labels: readonly string[];
  rows: readonly ChartDataRow[];
  format: ValueFormat;
  timeZone: TimeZoneChoice;
}) {
  const shown = rows.slice(-MAX_ROWS);
  return (
    <table className="sr-only" data-testid="chart-data">
      <caption>
        {title}
        {rows.length > shown.length ? ` (the newest ${shown.length} of ${rows.length} values)` : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          {labels.map((l, i) => (
            <th scope="col" key={i}>
              {l}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {shown.map((r) => (
          <tr key={r.t} data-t={r.t}>
            <th scope="row">{formatTimestamp(r.t, timeZone)}</th>
            {r.values.map((v, i) => (
              <td key={i} data-value={v ?? ''}>
                {v === undefined ? '' : formatValue(v, format)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
