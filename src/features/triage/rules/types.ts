/**
 * The triage engine's vocabulary: what a problem is, and the polled data the rules read.
 * Inputs are the API layer's own types (shaped like the recorded fixtures), each with the time
 * its answer arrived (`at`, React Query's dataUpdatedAt), so the rules can compare polls.
 */
import type {
  AggregatedMetricList,
  CheckpointConfig,
  CheckpointingStatistics,
  ClusterOverview,
  JobDetails,
  JobExceptions,
  JobOverview,
  MetricList,
  TaskManager,
} from '@/api/flink/schemas';
import type { KnownJob } from '@/api/flink/lost-jobs';
import type { SeaTunnelJob, SeaTunnelOverview } from '@/api/seatunnel/normalise';

export type Severity = 'critical' | 'high' | 'medium' | 'low';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];
export const SEVERITY_RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1 };

export type FigureFormat = 'bytes' | 'percent' | 'count' | 'duration' | 'rate';

/** The number that triggered the problem, shown human with the exact value on hover. */
export interface Figure {
  label: string;
  value: number;
  format: FigureFormat;
  /** Text instead of a number (e.g. a state). */
  text?: string;
}

export type RuleId =
  | 'cluster-unreachable'
  | 'job-failed'
  | 'job-lost'
  | 'job-restarts'
  | 'job-stuck'
  | 'checkpoints-failing'
  | 'checkpoints-missing'
  | 'checkpoints-growing'
  | 'backpressure'
  | 'watermark-lag'
  | 'source-idle'
  | 'tm-lost'
  | 'tm-heartbeat'
  | 'tm-heap'
  | 'tm-gc'
  | 'seatunnel-job-failed'
  | 'seatunnel-sink-stalled'
  | 'seatunnel-job-pending';

export interface Problem {
  /** Stable while the problem lasts: `<cluster>:<rule>:<subject>`. */
  id: string;
  rule: RuleId;
  severity: Severity;
  clusterId: string;
  clusterName: string;
  clusterKind: 'flink' | 'seatunnel';
  jobId?: string;
  jobName?: string;
  title: string;
  /** One line: what is wrong and, where known, why. */
  explanation: string;
  figure: Figure;
  /** The view with the evidence (a dashboard URL path with search). */
  href: string;
  linkLabel: string;
  /** When it started, from the evidence (state change, failure time); else first seen (store). */
  since?: number;
  /**
   * What `since` rests on: 'data' when the cluster's data dates the condition (a state change, the
   * watermark's value, a sample before the condition began); 'seen' when it only says since when
   * this dashboard has watched it (the condition may be older). Absent with `since`: 'data'.
   */
  sinceBasis?: 'data' | 'seen';
  /** A metric series that shows the problem over time (keys of the metric store). */
  series?: ProblemSeries;
}

export interface ProblemSeries {
  key: string;
  label: string;
  format: FigureFormat;
  /** The condition holds while the series is at or above this: its history can date the problem. */
  threshold?: number;
}

/** An answer and the time it arrived. */
export interface Timed<T> {
  data: T;
  at: number;
}

export interface ConnectionInput {
  disconnectedSince?: number;
  lastError?: string;
}

export interface ClusterRef {
  id: string;
  name: string;
}

/** Everything polled of one Flink cluster (absent: not loaded yet or not asked for). */
export interface FlinkInput {
  kind: 'flink';
  cluster: ClusterRef;
  /** Browser time of the evaluation. */
  now: number;
  /** Job manager clock minus browser clock, from job details' `now` (0 when unknown). */
  clockOffsetMs: number;
  connection: ConnectionInput;
  overview?: Timed<ClusterOverview>;
  jobs?: Timed<JobOverview[]>;
  taskManagers?: Timed<TaskManager[]>;
  /** `/taskmanagers/metrics?get=…&agg=min,max` over all task managers. */
  tmAggregate?: Timed<AggregatedMetricList>;
  /** `/taskmanagers/:id/metrics?get=…` of task managers flagged by the aggregate. */
  tmMetrics: Record<string, Timed<MetricList>>;
  jobDetails: Record<string, Timed<JobDetails>>;
  checkpoints: Record<string, Timed<CheckpointingStatistics>>;
  checkpointConfig: Record<string, CheckpointConfig>;
  exceptions: Record<string, Timed<JobExceptions>>;
  /** `/jobs/:id/metrics?get=numRestarts,…` values. */
  jobMetrics: Record<string, Timed<MetricList>>;
  /** `/jobs/:id/vertices/:v/subtasks/metrics?agg=min,max` of flagged jobs: jobId → vertexId → answer. */
  vertexMetrics: Record<string, Record<string, Timed<AggregatedMetricList>>>;
  /** `/jobs/:id/vertices/:v/watermarks`: jobId → vertexId → answer. */
  watermarks: Record<string, Record<string, Timed<MetricList>>>;
  /** Jobs seen alive that the cluster no longer knows (src/api/flink/lost-jobs.ts). */
  lostJobs?: readonly (KnownJob & { goneSince: number })[];
}

export interface SeaTunnelInput {
  kind: 'seatunnel';
  cluster: ClusterRef;
  now: number;
  connection: ConnectionInput;
  overview?: Timed<SeaTunnelOverview>;
  running?: Timed<SeaTunnelJob[]>;
  failed?: Timed<SeaTunnelJob[]>;
}

export type ClusterInput = FlinkInput | SeaTunnelInput;

export function emptyFlinkInput(cluster: ClusterRef, now: number): FlinkInput {
  return {
    kind: 'flink',
    cluster,
    now,
    clockOffsetMs: 0,
    connection: {},
    tmMetrics: {},
    jobDetails: {},
    checkpoints: {},
    checkpointConfig: {},
    exceptions: {},
    jobMetrics: {},
    vertexMetrics: {},
    watermarks: {},
  };
}
