import { checkpointsApi } from './client-checkpoints';
import { clusterApi } from './client-cluster';
import { jarsApi } from './client-jars';
import { jobManagerApi } from './client-jobmanager';
import { jobsApi } from './client-jobs';
import { taskManagersApi } from './client-taskmanagers';
import { verticesApi } from './client-vertices';

/**
 * One function per Flink REST endpoint; `c` is the dashboard's cluster id, options come last:
 * `flink.getJob(c, jobId, { signal })`. The areas live in client-*.ts.
 */
export const flink = {
  ...clusterApi,
  ...jobManagerApi,
  ...taskManagersApi,
  ...jobsApi,
  ...checkpointsApi,
  ...verticesApi,
  ...jarsApi,
};
export type FlinkClient = typeof flink;

export type { Opts, MetricQuery } from './client-shared';
export type { ProfilingRequest } from './client-jobmanager';
export type { TaskManagersMetricQuery } from './client-taskmanagers';
export type {
  ExceptionsQuery,
  JobsMetricQuery,
  SavepointFormat,
  SavepointRequest,
  StopWithSavepointRequest,
} from './client-jobs';
export type { CheckpointRequest } from './client-checkpoints';
export type { FlameGraphQuery, SubtasksMetricQuery } from './client-vertices';
export {
  jarIdFromUpload,
  type JarPlanQuery,
  type JarPlanRequest,
  type JarRunRequest,
  type RestoreMode,
} from './client-jars';
