/**
 * The metric values the triage collectors record in the browser's metric store on every poll, so
 * problem and trend charts have a history (and keep it across reloads). Keys:
 *   flink:<c>:records-in                  records/s read by all running jobs (over the counters' change windows)
 *   flink:<c>:heap-max                    heap used of the fullest task manager (bytes)
 *   flink:<c>:gc-max                      GC time share of the busiest task manager
 *   flink:<c>:taskmanagers                registered task managers
 *   flink:<c>:job:<j>:records-in          records/s read by the job's vertices
 *   flink:<c>:job:<j>:bp                  worst vertex back-pressured share
 *   flink:<c>:job:<j>:cp-duration|cp-size latest completed checkpoint
 *   flink:<c>:job:<j>:cp-failed|restarts  counters
 *   flink:<c>:job:<j>:wm-lag              event-time lag of the watched vertices
 *   flink:<c>:tm:<tm>:heap|gc             per task manager (when asked for)
 *   seatunnel:<c>:job:<j>:source-count|sink-count
 */
import { aggregatedValues, metricValues } from '@/api/flink/metric-values';
import { FLINK_METRIC_FETCH_INTERVAL_MS, latestCounterRate } from '@/lib/counter-rate';
import { vertexShares } from '../rules/backpressure';
import type { FlinkHistory } from '../rules/history';
import { GC_TIME_PER_SECOND, HEAP_USED } from '../rules/task-managers';
import type { FlinkInput, SeaTunnelInput } from '../rules/types';
import { worstLag } from '../rules/watermarks';

/** A batch of values measured at one time. */
export interface SampleBatch {
  t: number;
  values: Record<string, number | undefined>;
}

export const flinkKey = (c: string, ...rest: string[]) => ['flink', c, ...rest].join(':');

/**
 * `metricFetchIntervalMs`: the cluster's `metrics.fetcher.update-interval`, how often its counters
 * can change (records-in is a rate over the counter's change windows, see src/lib/counter-rate.ts).
 */
export function flinkSamples(
  input: FlinkInput,
  history: FlinkHistory,
  metricFetchIntervalMs: number = FLINK_METRIC_FETCH_INTERVAL_MS,
): SampleBatch[] {
  const c = input.cluster.id;
  const out: SampleBatch[] = [];
  const add = (t: number, values: SampleBatch['values']) => out.push({ t, values });

  let total: { t: number; v: number } | undefined;
  for (const [jobId, d] of Object.entries(input.jobDetails)) {
    if (d.data.state !== 'RUNNING') continue;
    const r = latestCounterRate(history.jobRecords[jobId] ?? [], { expectedWindowMs: metricFetchIntervalMs });
    if (r) {
      add(r.t, { [flinkKey(c, 'job', jobId, 'records-in')]: r.v });
      total = { t: Math.max(total?.t ?? 0, r.t), v: (total?.v ?? 0) + r.v };
    }
    const shares = Object.values(vertexShares(input, history, jobId));
    if (shares.length) add(d.at, { [flinkKey(c, 'job', jobId, 'bp')]: Math.max(...shares.map((s) => s.bp)) });
    const lag = worstLag(input, history, jobId);
    const lastWm = lag?.samples[lag.samples.length - 1];
    if (lag && lastWm)
      add(lastWm.t, { [flinkKey(c, 'job', jobId, 'wm-lag')]: lastWm.t + input.clockOffsetMs - lastWm.v });
  }
  if (total) add(total.t, { [flinkKey(c, 'records-in')]: total.v });

  for (const [jobId, cp] of Object.entries(input.checkpoints)) {
    const latest = cp.data.latest.completed;
    add(cp.at, {
      [flinkKey(c, 'job', jobId, 'cp-failed')]: cp.data.counts.failed,
      ...(latest
        ? {
            [flinkKey(c, 'job', jobId, 'cp-duration')]: latest.end_to_end_duration,
            [flinkKey(c, 'job', jobId, 'cp-size')]: latest.checkpointed_size ?? latest.state_size,
          }
        : {}),
    });
  }
  for (const [jobId, m] of Object.entries(input.jobMetrics)) {
    add(m.at, { [flinkKey(c, 'job', jobId, 'restarts')]: metricValues(m.data).numRestarts });
  }
  if (input.tmAggregate) {
    const max = aggregatedValues(input.tmAggregate.data, 'max');
    const gc = max[GC_TIME_PER_SECOND];
    add(input.tmAggregate.at, {
      [flinkKey(c, 'heap-max')]: max[HEAP_USED],
      [flinkKey(c, 'gc-max')]: gc === undefined ? undefined : gc / 1000,
    });
  }
  if (input.taskManagers)
    add(input.taskManagers.at, { [flinkKey(c, 'taskmanagers')]: input.taskManagers.data.length });
  for (const [tmId, m] of Object.entries(input.tmMetrics)) {
    const v = metricValues(m.data);
    const gc = v[GC_TIME_PER_SECOND];
    add(m.at, {
      [flinkKey(c, 'tm', tmId, 'heap')]: v[HEAP_USED],
      [flinkKey(c, 'tm', tmId, 'gc')]: gc === undefined ? undefined : gc / 1000,
    });
  }
  return out;
}

const count = (n: number | string | null): number | undefined => {
  if (n === null) return undefined;
  const v = Number(n);
  return Number.isFinite(v) ? v : undefined;
};

export function seatunnelSamples(input: SeaTunnelInput): SampleBatch[] {
  if (!input.running) return [];
  const values: SampleBatch['values'] = {};
  for (const job of input.running.data) {
    values[`seatunnel:${input.cluster.id}:job:${job.jobId}:source-count`] = count(
      job.metrics.sourceReceivedCount,
    );
    values[`seatunnel:${input.cluster.id}:job:${job.jobId}:sink-count`] = count(job.metrics.sinkWriteCount);
  }
  return [{ t: input.running.at, values }];
}
