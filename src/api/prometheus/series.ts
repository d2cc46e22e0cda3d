import type { Point } from '@/lib/metric-history';
import type { QueryRangeAnswer } from './schemas';

/** One series of a range query, ready for a chart: times in ms, only finite values. */
export interface PromSeries {
  /** `{job_id="…", tm_id="…"}`: the label set, stable across polls. */
  key: string;
  labels: Record<string, string>;
  points: Point[];
}

export function labelKey(labels: Record<string, string>): string {
  const inner = Object.keys(labels)
    .filter((k) => k !== '__name__')
    .sort()
    .map((k) => `${k}=${JSON.stringify(labels[k])}`)
    .join(',');
  return `${labels.__name__ ?? ''}{${inner}}`;
}

export function toSeries(answer: QueryRangeAnswer): PromSeries[] {
  return answer.data.result.map((r) => ({
    key: labelKey(r.metric),
    labels: r.metric,
    points: r.values
      .map(([t, v]) => ({ t: Math.round(t * 1000), v: Number(v) }))
      .filter((p) => Number.isFinite(p.t) && Number.isFinite(p.v)),
  }));
}

/** A PromQL string literal: `"` and `\` escaped. */
export function promString(value: string): string {
  return JSON.stringify(value);
}

/*
 * Flink's Prometheus reporter (flink-metrics-prometheus) names a metric after its scope and name
 * with `_` for `.`, e.g. `flink_taskmanager_job_task_numRecordsInPerSecond`, and puts the scope's
 * variables in labels: job_id, job_name, task_id, task_name, subtask_index, tm_id, host, …
 */
export const flinkPromQL = {
  /** Records per second into the job's tasks, summed over subtasks. */
  jobRecordsIn: (jobId: string) =>
    `sum(flink_taskmanager_job_task_numRecordsInPerSecond{job_id=${promString(jobId)}})`,
  /** Records per second out of the job's tasks, summed over subtasks. */
  jobRecordsOut: (jobId: string) =>
    `sum(flink_taskmanager_job_task_numRecordsOutPerSecond{job_id=${promString(jobId)}})`,
  /** The worst subtask's back-pressured share (ms per second / 1000). */
  jobBackPressure: (jobId: string) =>
    `max(flink_taskmanager_job_task_backPressuredTimeMsPerSecond{job_id=${promString(jobId)}}) / 1000`,
  checkpointDuration: (jobId: string) =>
    `max(flink_jobmanager_job_lastCheckpointDuration{job_id=${promString(jobId)}})`,
  checkpointSize: (jobId: string) =>
    `max(flink_jobmanager_job_lastCheckpointSize{job_id=${promString(jobId)}})`,
  /** Heap used of the fullest task manager. */
  heapUsedMax: () => 'max(flink_taskmanager_Status_JVM_Memory_Heap_Used)',
  heapUsed: (tmId: string) => `flink_taskmanager_Status_JVM_Memory_Heap_Used{tm_id=${promString(tmId)}}`,
  /** GC time share of the busiest task manager, from the cumulative GC time counter. */
  gcShareMax: () => 'max(rate(flink_taskmanager_Status_JVM_GarbageCollector_All_Time[1m])) / 1000',
  /** Records per second into all tasks of the cluster. */
  clusterRecordsIn: () => 'sum(flink_taskmanager_job_task_numRecordsInPerSecond)',
};
