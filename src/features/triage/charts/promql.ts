/**
 * The Prometheus equivalent of a metric-store series recorded by the triage collectors (see
 * collect/samples.ts), for clusters whose metrics a Prometheus scrapes from Flink's reporter.
 */
import { flinkPromQL } from '@/api/prometheus';

/**
 * A label matcher that also matches the reporter's sanitised label values (with
 * `filterLabelValueCharacters`, characters other than letters, digits, `_` and `:` become `_`).
 */
export function looseLabel(name: string, value: string): string {
  const pattern = [...value].map((ch) => (/[A-Za-z0-9]/.test(ch) ? ch : '.')).join('');
  return `${name}=~${JSON.stringify(pattern)}`;
}

export function promqlForSeries(clusterId: string, key: string): string | undefined {
  const prefix = `flink:${clusterId}:`;
  if (!key.startsWith(prefix)) return undefined;
  const rest = key.slice(prefix.length);
  switch (rest) {
    case 'records-in':
      return flinkPromQL.clusterRecordsIn();
    case 'heap-max':
      return flinkPromQL.heapUsedMax();
    case 'gc-max':
      return flinkPromQL.gcShareMax();
    case 'taskmanagers':
      return 'flink_jobmanager_numRegisteredTaskManagers';
  }
  const job = /^job:([^:]+):(.+)$/.exec(rest);
  if (job) {
    const [, id = '', metric] = job;
    const j = looseLabel('job_id', id);
    switch (metric) {
      case 'records-in':
        return `sum(flink_taskmanager_job_task_numRecordsInPerSecond{${j}})`;
      case 'bp':
        return `max(flink_taskmanager_job_task_backPressuredTimeMsPerSecond{${j}}) / 1000`;
      case 'cp-duration':
        return `max(flink_jobmanager_job_lastCheckpointDuration{${j}})`;
      case 'cp-size':
        return `max(flink_jobmanager_job_lastCheckpointSize{${j}})`;
      case 'cp-failed':
        return `max(flink_jobmanager_job_numberOfFailedCheckpoints{${j}})`;
      case 'restarts':
        return `max(flink_jobmanager_job_numRestarts{${j}})`;
      default:
        return undefined;
    }
  }
  if (rest.startsWith('tm:')) {
    const i = rest.lastIndexOf(':');
    const tmId = rest.slice(3, i);
    const metric = rest.slice(i + 1);
    const tm = looseLabel('tm_id', tmId);
    if (metric === 'heap') return `max(flink_taskmanager_Status_JVM_Memory_Heap_Used{${tm}})`;
    if (metric === 'gc')
      return `max(rate(flink_taskmanager_Status_JVM_GarbageCollector_All_Time{${tm}}[1m])) / 1000`;
  }
  return undefined;
}
