/*
 * Test support of the triage feature (nothing in the app imports it): recorded answers of a real
 * Flink 2.2.1 cluster and a real SeaTunnel 2.3.8 node (e2e/fixtures), and inputs built from them.
 */
import type {
  AggregatedMetricList,
  CheckpointConfig,
  CheckpointingStatistics,
  ClusterOverview,
  JobDetails,
  JobExceptions,
  JobsOverview,
  MetricList,
  TaskManagers,
} from '@/api/flink/schemas';
import { toJob, type SeaTunnelJob } from '@/api/seatunnel/normalise';
import { jobListSchema } from '@/api/seatunnel/schemas';
import { emptyFlinkInput, type FlinkInput, type SeaTunnelInput } from '../rules/types';

const FLINK = import.meta.glob<unknown>('/e2e/fixtures/flink/2.2/*.json', { eager: true, import: 'default' });
const SEATUNNEL = import.meta.glob<unknown>('/e2e/fixtures/seatunnel/2.3.8/v1/*.json', {
  eager: true,
  import: 'default',
});

export function flinkFixture<T>(file: string): T {
  const data = FLINK[`/e2e/fixtures/flink/2.2/${file}`];
  if (data === undefined) throw new Error(`no fixture ${file}`);
  return structuredClone(data) as T;
}

export function seatunnelFixture<T>(file: string): T {
  const data = SEATUNNEL[`/e2e/fixtures/seatunnel/2.3.8/v1/${file}`];
  if (data === undefined) throw new Error(`no fixture ${file}`);
  return structuredClone(data) as T;
}

/** SeaTunnel job lists as the API layer hands them to pages (schema-checked and normalised). */
export function seatunnelJobs(file: string): SeaTunnelJob[] {
  return jobListSchema.parse(seatunnelFixture(file)).map(toJob);
}

/** Ids of the recorded run (e2e/fixtures/flink/2.2/_index.json). */
export const REC = {
  failing: '77ff5c96eb13b915db08f4f279626e4a',
  backpressure: '09a12f2678efdec55cb9926eb203f9b2',
  checkpointing: '8be92e065ab9fa17821c9c096907c848',
  failed: '1c3948c4dcaca5b2f6fd4b0d07d2a5f7',
  /** Shortly after the recording: every fixture is older than this. */
  now: 1795339210000,
} as const;

export const flink = {
  overview: () => flinkFixture<ClusterOverview>('overview.json'),
  jobs: () => flinkFixture<JobsOverview>('jobs__overview.json').jobs,
  details: (variant: '' | '--backpressure' | '--failing' | '--failed' = '') =>
    flinkFixture<JobDetails>(`jobs__jobid${variant}.json`),
  checkpoints: (variant: '' | '--failing' | '--no-checkpointing' = '') =>
    flinkFixture<CheckpointingStatistics>(`jobs__jobid__checkpoints${variant}.json`),
  checkpointConfig: () => flinkFixture<CheckpointConfig>('jobs__jobid__checkpoints__config.json'),
  exceptions: (variant: '' | '--failed' | '--none' = '') =>
    flinkFixture<JobExceptions>(`jobs__jobid__exceptions${variant}.json`),
  jobMetrics: () => flinkFixture<MetricList>('jobs__jobid__metrics--get.json'),
  taskManagers: () => flinkFixture<TaskManagers>('taskmanagers.json').taskmanagers,
  pressureMetrics: () =>
    flinkFixture<AggregatedMetricList>(
      'jobs__jobid__vertices__vertexid__subtasks__metrics--get-all-aggs.json',
    ),
  watermarks: () => flinkFixture<MetricList>('jobs__jobid__vertices__vertexid__watermarks.json'),
};

/** A Flink input of the recorded cluster `rec` with `parts` filled in. */
export function flinkInput(parts: Partial<FlinkInput> = {}, now: number = REC.now): FlinkInput {
  return { ...emptyFlinkInput({ id: 'rec', name: 'Recorded' }, now), ...parts };
}

export function seatunnelInput(parts: Partial<SeaTunnelInput> = {}, now: number = REC.now): SeaTunnelInput {
  return { kind: 'seatunnel', cluster: { id: 'st', name: 'SeaTunnel' }, now, connection: {}, ...parts };
}

export const at = <T>(data: T, t: number = REC.now - 1000) => ({ data, at: t });
