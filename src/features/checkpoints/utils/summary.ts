import type { CheckpointingStatistics, StatsSummary } from '@/api/flink/schemas';
import { summarize } from '@/lib/stats';
import type { CheckpointRow } from './checkpoint-rows';

/*
 * The summary table: min/avg/max/p50/p90/p99 of end-to-end duration, checkpointed size and
 * processed data over completed checkpoints. Flink's own figures come first (min/avg/max cover
 * every completed checkpoint since the job started, its percentiles a window of recent ones);
 * where Flink sends no percentile ("NaN", or an older version without them) the value is
 * computed from the retained history and marked so.
 */

export type SummaryMetric = 'duration' | 'checkpointedSize' | 'processedData' | 'persistedData';
export const STAT_KEYS = ['min', 'avg', 'max', 'p50', 'p90', 'p99'] as const;
export type StatKey = (typeof STAT_KEYS)[number];

export interface StatFigure {
  value: number | undefined;
  /** 'flink': from Flink's summary; 'history': computed here from the retained history. */
  source: 'flink' | 'history' | undefined;
}

export interface SummaryLine {
  metric: SummaryMetric;
  label: string;
  format: 'duration' | 'bytes';
  figures: Record<StatKey, StatFigure>;
  /** How many completed entries of the retained history the 'history' figures are computed from. */
  historyCount: number;
}

const METRICS: {
  metric: SummaryMetric;
  label: string;
  format: 'duration' | 'bytes';
  flink: keyof CheckpointingStatistics['summary'];
}[] = [
  { metric: 'duration', label: 'End-to-end duration', format: 'duration', flink: 'end_to_end_duration' },
  {
    metric: 'checkpointedSize',
    label: 'Checkpointed data size',
    format: 'bytes',
    flink: 'checkpointed_size',
  },
  { metric: 'processedData', label: 'Processed (in-flight) data', format: 'bytes', flink: 'processed_data' },
  { metric: 'persistedData', label: 'Persisted (in-flight) data', format: 'bytes', flink: 'persisted_data' },
];

const finite = (n: number | undefined): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;

function fromFlink(s: StatsSummary | undefined, key: StatKey): number | undefined {
  if (!s) return undefined;
  const v = s[key];
  return finite(v) ? v : undefined;
}

/** Percentiles of one metric over the completed entries of the history (savepoints included, as in Flink). */
export function historyStats(rows: readonly CheckpointRow[], metric: SummaryMetric) {
  const values = rows.filter((r) => r.status === 'COMPLETED').map((r) => r[metric]);
  return summarize(values);
}

export function summaryLines(stats: CheckpointingStatistics, rows: readonly CheckpointRow[]): SummaryLine[] {
  // Flink answers min = max = avg = 0 before the first completed checkpoint: that is "no data".
  const flinkHasData = stats.counts.completed > 0;
  return METRICS.map(({ metric, label, format, flink }) => {
    const own = historyStats(rows, metric);
    const flinkSummary = flinkHasData ? stats.summary[flink] : undefined;
    const figures = {} as Record<StatKey, StatFigure>;
    for (const key of STAT_KEYS) {
      const f = fromFlink(flinkSummary, key);
      const h = own[key];
      figures[key] =
        f !== undefined
          ? { value: f, source: 'flink' }
          : h !== undefined
            ? { value: h, source: 'history' }
            : { value: undefined, source: undefined };
    }
    return { metric, label, format, figures, historyCount: own.count };
  });
}
