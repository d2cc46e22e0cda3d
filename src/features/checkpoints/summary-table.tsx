import { ExactValue } from '@/components/exact-value';
import { formatBytes, formatDuration } from '@/lib/format';
import { formatExactValue } from '@/lib/value-format';
import { STAT_KEYS, type StatFigure, type SummaryLine } from './utils/summary';

const HEAD: Record<(typeof STAT_KEYS)[number], string> = {
  min: 'Min',
  avg: 'Average',
  max: 'Max',
  p50: 'p50',
  p90: 'p90',
  p99: 'p99',
};

/**
 * Min/avg/max/p50/p90/p99 over completed checkpoints. Figures Flink does not send (percentiles
 * before enough data, older versions) are computed from the retained history and marked.
 */
export function SummaryTable({ lines }: { lines: readonly SummaryLine[] }) {
  const fromHistory = lines.some((l) => Object.values(l.figures).some((f) => f.source === 'history'));
  const count = lines[0]?.historyCount ?? 0;
  return (
    <section aria-label="Checkpoint summary" data-testid="checkpoint-summary">
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <table className="w-full min-w-[40rem] border-collapse text-sm">
          <thead className="bg-slate-50 dark:bg-slate-800">
            <tr>
              <th
                scope="col"
                className="px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-slate-500"
              >
                Completed checkpoints
              </th>
              {STAT_KEYS.map((k) => (
                <th
                  key={k}
                  scope="col"
                  className="px-3 py-2 text-right text-xs font-medium uppercase tracking-wide text-slate-500"
                >
                  {HEAD[k]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr
                key={l.metric}
                className="border-t border-slate-100 dark:border-slate-800"
                data-testid={`summary-${l.metric}`}
              >
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  {l.label}
                </th>
                {STAT_KEYS.map((k) => (
                  <td key={k} className="px-3 py-2 text-right tabular-nums" data-stat={k}>
                    <Figure figure={l.figures[k]} format={l.format} count={l.historyCount} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-1.5 text-xs text-slate-500">
        Min, average and max cover every completed checkpoint since the job started; Flink’s percentiles a
        window of recent ones.
        {fromHistory ? (
          <>
            {' '}
            <span className="border-b border-dotted border-slate-500">Dotted</span> figures are computed here
            from the {count} completed checkpoint{count === 1 ? '' : 's'} Flink still retains, because Flink
            sent none.
          </>
        ) : null}
      </p>
    </section>
  );
}

function Figure({
  figure,
  format,
  count,
}: {
  figure: StatFigure;
  format: 'duration' | 'bytes';
  count: number;
}) {
  const text = format === 'bytes' ? formatBytes(figure.value) : formatDuration(figure.value);
  if (figure.source !== 'history') {
    return (
      <span data-source={figure.source}>
        <ExactValue value={figure.value} format={format} />
      </span>
    );
  }
  return (
    <span
      data-source="history"
      className="cursor-help border-b border-dotted border-slate-500"
      title={`${formatExactValue(figure.value, format)}, computed from the ${count} retained completed checkpoint${count === 1 ? '' : 's'} (Flink sent no value)`}
    >
      {text}
    </span>
  );
}
