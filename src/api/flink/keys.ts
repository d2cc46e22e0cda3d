/*
 * Hierarchical query keys: every key starts with its parent's, so invalidating a node clears
 * everything below it, e.g. `invalidateQueries({ queryKey: flinkKeys.job(c, id) })` clears the
 * job's details, checkpoints, vertices, subtasks, metrics and operation statuses.
 *
 *   cluster ─┬─ config, overview, datasets, savepoint-disposal
 *            ├─ jobs ─┬─ overview, list, metrics
 *            │        └─ <jobId> ─┬─ details, status, plan, config, exceptions, ...
 *            │                    ├─ checkpoints ─ stats, config, details/<id>/<vertexId>, trigger/<t>
 *            │                    ├─ savepoints/<t>, rescaling/<t>
 *            │                    └─ vertices ─ <vertexId> ─┬─ details, backpressure, flamegraph, metrics, ...
 *            │                                              └─ subtasks ─ <index> ─ details, metrics, attempts/<n>
 *            ├─ taskmanagers ─ list, metrics, tm/<tmId> ─ details, logs, log, ...
 *            ├─ jobmanager ─ config, environment, logs, log, ...
 *            └─ jars ─ list, plan
 */

/** Metric names in a stable order, so `get=a,b` and `get=b,a` share one cache entry. */
export const metricNames = <T extends string>(names: readonly T[] | undefined): T[] | undefined =>
  names && [...new Set(names)].sort();

const cluster = (c: string) => ['flink', c] as const;
const jobs = (c: string) => [...cluster(c), 'jobs'] as const;
const job = (c: string, jobId: string) => [...jobs(c), jobId] as const;
const checkpoints = (c: string, jobId: string) => [...job(c, jobId), 'checkpoints'] as const;
const vertex = (c: string, jobId: string, vertexId: string) =>
  [...job(c, jobId), 'vertices', vertexId] as const;
const subtask = (c: string, jobId: string, vertexId: string, index: number) =>
  [...vertex(c, jobId, vertexId), 'subtasks', index] as const;
const taskManagers = (c: string) => [...cluster(c), 'taskmanagers'] as const;
const tm = (c: string, tmId: string) => [...taskManagers(c), 'tm', tmId] as const;
const jobManager = (c: string) => [...cluster(c), 'jobmanager'] as const;
const jars = (c: string) => [...cluster(c), 'jars'] as const;

export const flinkKeys = {
  all: ['flink'] as const,
  cluster,
  config: (c: string) => [...cluster(c), 'config'] as const,
  overview: (c: string) => [...cluster(c), 'overview'] as const,
  dataSets: (c: string) => [...cluster(c), 'datasets'] as const,
  dataSetDeleteStatus: (c: string, triggerId: string) =>
    [...cluster(c), 'datasets', 'delete', triggerId] as const,
  savepointDisposalStatus: (c: string, triggerId: string) =>
    [...cluster(c), 'savepoint-disposal', triggerId] as const,

  jobs,
  jobsOverview: (c: string) => [...jobs(c), 'overview'] as const,
  jobsList: (c: string) => [...jobs(c), 'list'] as const,
  jobsMetrics: (c: string, q: object) => [...jobs(c), 'metrics', q] as const,

  job,
  jobDetails: (c: string, jobId: string) => [...job(c, jobId), 'details'] as const,
  jobStatus: (c: string, jobId: string) => [...job(c, jobId), 'status'] as const,
  jobConfig: (c: string, jobId: string) => [...job(c, jobId), 'config'] as const,
  jobPlan: (c: string, jobId: string) => [...job(c, jobId), 'plan'] as const,
  jobExceptions: (c: string, jobId: string, q: object) => [...job(c, jobId), 'exceptions', q] as const,
  jobAccumulators: (c: string, jobId: string, q: object) => [...job(c, jobId), 'accumulators', q] as const,
  jobExecutionResult: (c: string, jobId: string) => [...job(c, jobId), 'execution-result'] as const,
  jobMetrics: (c: string, jobId: string, q: object) => [...job(c, jobId), 'metrics', q] as const,
  jobJobManagerConfig: (c: string, jobId: string) => [...job(c, jobId), 'jobmanager', 'config'] as const,
  jobJobManagerEnvironment: (c: string, jobId: string) =>
    [...job(c, jobId), 'jobmanager', 'environment'] as const,
  jobJobManagerLogUrl: (c: string, jobId: string) => [...job(c, jobId), 'jobmanager', 'log-url'] as const,
  jobTaskManagerLogUrl: (c: string, jobId: string, tmId: string) =>
    [...job(c, jobId), 'taskmanagers', tmId, 'log-url'] as const,
  resourceRequirements: (c: string, jobId: string) => [...job(c, jobId), 'resource-requirements'] as const,
  rescalesOverview: (c: string, jobId: string) => [...job(c, jobId), 'rescales', 'overview'] as const,
  rescalesHistory: (c: string, jobId: string) => [...job(c, jobId), 'rescales', 'history'] as const,
  savepointStatus: (c: string, jobId: string, triggerId: string) =>
    [...job(c, jobId), 'savepoints', triggerId] as const,
  rescalingStatus: (c: string, jobId: string, triggerId: string) =>
    [...job(c, jobId), 'rescaling', triggerId] as const,

  checkpoints,
  checkpointStats: (c: string, jobId: string) => [...checkpoints(c, jobId), 'stats'] as const,
  checkpointConfig: (c: string, jobId: string) => [...checkpoints(c, jobId), 'config'] as const,
  checkpoint: (c: string, jobId: string, checkpointId: number) =>
    [...checkpoints(c, jobId), 'details', checkpointId] as const,
  checkpointDetails: (c: string, jobId: string, checkpointId: number) =>
    [...checkpoints(c, jobId), 'details', checkpointId, 'summary'] as const,
  checkpointSubtasks: (c: string, jobId: string, checkpointId: number, vertexId: string) =>
    [...checkpoints(c, jobId), 'details', checkpointId, 'vertex', vertexId] as const,
  checkpointTriggerStatus: (c: string, jobId: string, triggerId: string) =>
    [...checkpoints(c, jobId), 'trigger', triggerId] as const,

  vertices: (c: string, jobId: string) => [...job(c, jobId), 'vertices'] as const,
  vertex,
  vertexDetails: (c: string, jobId: string, vertexId: string) =>
    [...vertex(c, jobId, vertexId), 'details'] as const,
  vertexBackPressure: (c: string, jobId: string, vertexId: string) =>
    [...vertex(c, jobId, vertexId), 'backpressure'] as const,
  vertexFlameGraph: (c: string, jobId: string, vertexId: string, q: object) =>
    [...vertex(c, jobId, vertexId), 'flamegraph', q] as const,
  vertexWatermarks: (c: string, jobId: string, vertexId: string) =>
    [...vertex(c, jobId, vertexId), 'watermarks'] as const,
  vertexMetrics: (c: string, jobId: string, vertexId: string, q: object) =>
    [...vertex(c, jobId, vertexId), 'metrics', q] as const,
  vertexJmOperatorMetrics: (c: string, jobId: string, vertexId: string, q: object) =>
    [...vertex(c, jobId, vertexId), 'jm-operator-metrics', q] as const,
  subtasksMetrics: (c: string, jobId: string, vertexId: string, q: object) =>
    [...vertex(c, jobId, vertexId), 'subtasks-metrics', q] as const,
  vertexAccumulators: (c: string, jobId: string, vertexId: string) =>
    [...vertex(c, jobId, vertexId), 'accumulators'] as const,
  subtasksAccumulators: (c: string, jobId: string, vertexId: string) =>
    [...vertex(c, jobId, vertexId), 'subtasks-accumulators'] as const,
  subtaskTimes: (c: string, jobId: string, vertexId: string) =>
    [...vertex(c, jobId, vertexId), 'subtasktimes'] as const,
  vertexTaskManagers: (c: string, jobId: string, vertexId: string) =>
    [...vertex(c, jobId, vertexId), 'taskmanagers'] as const,

  subtask,
  subtaskDetails: (c: string, jobId: string, vertexId: string, index: number) =>
    [...subtask(c, jobId, vertexId, index), 'details'] as const,
  subtaskMetrics: (c: string, jobId: string, vertexId: string, index: number, q: object) =>
    [...subtask(c, jobId, vertexId, index), 'metrics', q] as const,
  subtaskAttempt: (c: string, jobId: string, vertexId: string, index: number, attempt: number) =>
    [...subtask(c, jobId, vertexId, index), 'attempts', attempt] as const,
  subtaskAttemptAccumulators: (c: string, jobId: string, vertexId: string, index: number, attempt: number) =>
    [...subtask(c, jobId, vertexId, index), 'attempts', attempt, 'accumulators'] as const,

  taskManagers,
  taskManagersList: (c: string) => [...taskManagers(c), 'list'] as const,
  taskManagersMetrics: (c: string, q: object) => [...taskManagers(c), 'metrics', q] as const,
  tm,
  tmDetails: (c: string, tmId: string) => [...tm(c, tmId), 'details'] as const,
  tmMetrics: (c: string, tmId: string, q: object) => [...tm(c, tmId), 'metrics', q] as const,
  tmLogs: (c: string, tmId: string) => [...tm(c, tmId), 'logs'] as const,
  tmLog: (c: string, tmId: string) => [...tm(c, tmId), 'log'] as const,
  tmStdout: (c: string, tmId: string) => [...tm(c, tmId), 'stdout'] as const,
  tmLogFile: (c: string, tmId: string, filename: string) => [...tm(c, tmId), 'logs', filename] as const,
  tmThreadDump: (c: string, tmId: string) => [...tm(c, tmId), 'thread-dump'] as const,
  tmProfiling: (c: string, tmId: string) => [...tm(c, tmId), 'profiler'] as const,
  tmProfilerFile: (c: string, tmId: string, filename: string) =>
    [...tm(c, tmId), 'profiler', filename] as const,

  jobManager,
  jmConfig: (c: string) => [...jobManager(c), 'config'] as const,
  jmEnvironment: (c: string) => [...jobManager(c), 'environment'] as const,
  jmMetrics: (c: string, q: object) => [...jobManager(c), 'metrics', q] as const,
  jmLogs: (c: string) => [...jobManager(c), 'logs'] as const,
  jmLog: (c: string) => [...jobManager(c), 'log'] as const,
  jmStdout: (c: string) => [...jobManager(c), 'stdout'] as const,
  jmLogFile: (c: string, filename: string) => [...jobManager(c), 'logs', filename] as const,
  jmThreadDump: (c: string) => [...jobManager(c), 'thread-dump'] as const,
  jmProfiling: (c: string) => [...jobManager(c), 'profiler'] as const,
  jmProfilerFile: (c: string, filename: string) => [...jobManager(c), 'profiler', filename] as const,

  jars,
  jarsList: (c: string) => [...jars(c), 'list'] as const,
  jarPlan: (c: string, jarId: string, body: object) => [...jars(c), 'plan', jarId, body] as const,
};
