import { afterEach, describe, expect, it, vi } from 'vitest';
import { InvalidResponseError } from '../errors';
import { validate } from '../http';
import { flink } from './client';
import {
  aggregatedMetricListSchema,
  backPressureSchema,
  checkpointingStatisticsSchema,
  clusterOverviewSchema,
  flameGraphSchema,
  isCheckpointingEnabled,
  jobDetailsSchema,
  jobExceptionsSchema,
  jobsOverviewSchema,
  metricListSchema,
  planSchema,
  taskManagersSchema,
} from './schemas';

/*
 * Small answers shaped like the recorded real ones (e2e/fixtures/flink/2.2), kept inline so these
 * tests do not depend on fixture names; schemas.fixtures.test.ts checks the real files themselves.
 */
const io = {
  'read-bytes': 0,
  'read-bytes-complete': true,
  'write-bytes': 171294,
  'write-bytes-complete': true,
  'read-records': 0,
  'read-records-complete': true,
  'write-records': 3821,
  'write-records-complete': true,
  'accumulated-backpressured-time': 0,
  'accumulated-idle-time': 33815,
  'accumulated-busy-time': 5921,
};
const vertex = (id: string) => ({
  id,
  slotSharingGroupId: 'c544a71d92b2a59c3cab75e0b6f72f3e',
  name: 'Source: Orders source -> Enrich',
  maxParallelism: 128,
  parallelism: 2,
  status: 'RUNNING',
  'start-time': 1795337364739,
  'end-time': -1,
  duration: 26120,
  tasks: { RUNNING: 2, FAILED: 0 },
  metrics: io,
});
const job = () => ({
  jid: 'c855917d17cd044d2170a347b7aea7d4',
  name: 'streamdash CheckpointingJob',
  isStoppable: false,
  state: 'RUNNING',
  'job-type': 'STREAMING',
  'start-time': 1795337361746,
  'end-time': -1,
  duration: 29113,
  maxParallelism: -1,
  now: 1795337390859,
  timestamps: { RUNNING: 1795337362148, CREATED: 1795337361992 },
  vertices: [vertex('45b0254a46cabbc3efeea5d2e170ea5b'), vertex('2095a3dcf8ee91c0c3e0530de99058d9')],
  'status-counts': { RUNNING: 2 },
  plan: {
    jid: 'c855917d17cd044d2170a347b7aea7d4',
    name: 'streamdash CheckpointingJob',
    type: 'STREAMING',
    nodes: [
      {
        id: '2095a3dcf8ee91c0c3e0530de99058d9',
        operator: '',
        parallelism: 2,
        operator_strategy: '',
        description: 'Sum per key',
        inputs: [
          {
            num: 0,
            id: '45b0254a46cabbc3efeea5d2e170ea5b',
            ship_strategy: 'HASH',
            exchange: 'pipelined_bounded',
          },
        ],
        optimizer_properties: {},
      },
      {
        id: '45b0254a46cabbc3efeea5d2e170ea5b',
        parallelism: 2,
        description: 'Source: Orders source',
        optimizer_properties: {},
      },
    ],
  },
  'pending-operators': 0,
});
const overview = () => ({
  taskmanagers: 2,
  'slots-total': 8,
  'slots-available': 3,
  'jobs-running': 3,
  'jobs-finished': 1,
  'jobs-cancelled': 0,
  'jobs-failed': 1,
  'flink-version': '2.2.1',
  'flink-commit': 'abc1234',
});
const stats = (p: number | string) => ({ min: 0, max: 0, avg: 0, p50: p, p90: p, p95: p, p99: p, p999: p });
const checkpointBase = {
  id: 26,
  is_savepoint: false,
  trigger_timestamp: 1795336972420,
  latest_ack_timestamp: 1795336972470,
  checkpointed_size: 530,
  state_size: 530,
  end_to_end_duration: 50,
  alignment_buffered: 0,
  processed_data: 0,
  persisted_data: 0,
  num_subtasks: 4,
  num_acknowledged_subtasks: 4,
  checkpoint_type: 'CHECKPOINT',
  savepointFormat: null,
  tasks: {},
};
const completed = {
  className: 'completed',
  ...checkpointBase,
  status: 'COMPLETED',
  external_path: '<checkpoint-not-externally-addressable>',
  discarded: true,
};
const failed = {
  className: 'failed',
  ...checkpointBase,
  id: 27,
  status: 'FAILED',
  failure_timestamp: 1795336973000,
  failure_message: 'Checkpoint expired',
};
const checkpoints = (history: unknown[]) => ({
  counts: { restored: 0, total: 2, in_progress: 0, completed: 1, failed: 1 },
  summary: {
    checkpointed_size: stats('NaN'),
    state_size: stats('NaN'),
    end_to_end_duration: stats('NaN'),
    alignment_buffered: stats(0),
    processed_data: stats('NaN'),
    persisted_data: stats('NaN'),
  },
  latest: { completed, savepoint: null, failed, restored: null },
  history,
});

afterEach(() => vi.unstubAllGlobals());

function answerWith(body: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(body), { status: 200 })),
  );
}

async function invalid(call: () => Promise<unknown>): Promise<InvalidResponseError> {
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidResponseError);
  return error as InvalidResponseError;
}

describe('malformed answers are rejected with the endpoint and the field', () => {
  it('wrong type deep inside a job', async () => {
    const j = job() as { vertices: { parallelism: unknown }[] };
    j.vertices[1]!.parallelism = '2';
    answerWith(j);
    const e = await invalid(() => flink.getJob('c', 'j'));
    expect(e.endpoint).toBe('GET /jobs/:jobid');
    expect(e.field).toBe('vertices[1].parallelism');
    expect(e.message).toContain('GET /jobs/:jobid');
    expect(e.message).toContain('vertices[1].parallelism');
  });

  it('a vertex listed twice (Flink never does; views key vertices by id)', async () => {
    const j = job() as { vertices: unknown[] };
    j.vertices.push(j.vertices[0]);
    answerWith(j);
    const e = await invalid(() => flink.getJob('c', 'j'));
    expect(e.field).toBe('vertices');
    expect(e.message).toContain('GET /jobs/:jobid: unexpected value at "vertices": vertex ids repeat');
  });

  it('missing required field', async () => {
    const o: Record<string, unknown> = overview();
    delete o['slots-total'];
    answerWith(o);
    const e = await invalid(() => flink.getOverview('c'));
    expect(e.endpoint).toBe('GET /overview');
    expect(e.field).toBe('slots-total');
  });

  it('a metric value sent as a number instead of a string', async () => {
    answerWith([{ id: 'numRestarts', value: 3 }]);
    const e = await invalid(() => flink.getJobMetrics('c', 'j', { get: ['numRestarts'] }));
    expect(e.endpoint).toBe('GET /jobs/:jobid/metrics');
    expect(e.field).toBe('[0].value');
  });

  it('an unknown checkpoint status in the history', async () => {
    answerWith(checkpoints([{ ...completed, status: 'EXPLODED' }]));
    const e = await invalid(() => flink.getCheckpoints('c', 'j'));
    expect(e.endpoint).toBe('GET /jobs/:jobid/checkpoints');
    expect(e.field).toBe('history[0].status');
  });

  it('a failed checkpoint without failure_timestamp', async () => {
    const { failure_timestamp: _, ...noTimestamp } = failed;
    answerWith(checkpoints([completed, noTimestamp]));
    const e = await invalid(() => flink.getCheckpoints('c', 'j'));
    expect(e.field).toBe('history[1].failure_timestamp');
  });

  it('a savepoint status that is not IN_PROGRESS/COMPLETED', async () => {
    answerWith({ status: { id: 'DONE' } });
    const e = await invalid(() => flink.getSavepointStatus('c', 'j', 't'));
    expect(e.endpoint).toBe('GET /jobs/:jobid/savepoints/:triggerid');
    expect(e.field).toBe('status.id');
  });

  it('a string where the text endpoint expects text is fine, JSON where a list is expected is not', async () => {
    answerWith({ logs: 'none' });
    const e = await invalid(() => flink.getJobManagerLogs('c'));
    expect(e.field).toBe('logs');
  });

  it('a non-JSON (HTML) answer names the endpoint', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>login</html>', { status: 200 })),
    );
    const e = await invalid(() => flink.getTaskManagers('c'));
    expect(e.endpoint).toBe('GET /taskmanagers');
    expect(e.detail).toMatch(/HTML/);
  });
});

describe('real Flink quirks', () => {
  it('keeps -1 sentinels as numbers', () => {
    const j = validate('t', jobDetailsSchema, job());
    expect(j['end-time']).toBe(-1);
    expect(j.maxParallelism).toBe(-1);
  });

  it('accepts accumulated-busy-time sent as "NaN" (seen on a real 2.2 cluster)', () => {
    const j = job();
    const busy = { ...j.vertices[0]!, metrics: { ...io, 'accumulated-busy-time': 'NaN' } };
    const parsed = validate('t', jobDetailsSchema, { ...j, vertices: [busy] });
    expect(Number.isNaN(parsed.vertices[0]!.metrics['accumulated-busy-time'])).toBe(true);
  });

  it('reads "NaN" percentiles as NaN numbers', () => {
    const cp = validate('t', checkpointingStatisticsSchema, checkpoints([]));
    expect(Number.isNaN(cp.summary.state_size.p99)).toBe(true);
    expect(cp.summary.alignment_buffered?.p99).toBe(0);
    expect(cp.latest.restored).toBeNull();
  });

  it('narrows checkpoint history entries by status', () => {
    const cp = validate('t', checkpointingStatisticsSchema, checkpoints([completed, failed]));
    const [a, b] = cp.history;
    expect(a?.status === 'COMPLETED' && a.discarded).toBe(true);
    expect(b?.status === 'FAILED' && b.failure_message).toBe('Checkpoint expired');
  });

  it('accepts the backpressure answer before the first sample', () => {
    expect(validate('t', backPressureSchema, { status: 'deprecated' })).toEqual({ status: 'deprecated' });
  });

  it('accepts the flame graph answer before the first sample (no data)', () => {
    const fg = validate('t', flameGraphSchema, { endTimestamp: -3 });
    expect(fg.data).toBeUndefined();
    expect(fg.endTimestamp).toBe(-3);
  });

  it('plan nodes of sources have no inputs and no optimizer properties', () => {
    const plan = validate('t', planSchema, {
      jid: 'j',
      name: 'n',
      nodes: [{ id: 'a', parallelism: 1, description: 'Source' }],
    });
    expect(plan.nodes[0]!.inputs).toBeUndefined();
  });

  it('exception history keeps failure labels and concurrent exceptions', () => {
    const ex = validate('t', jobExceptionsSchema, {
      exceptionHistory: {
        entries: [
          {
            exceptionName: 'org.apache.flink.runtime.JobException',
            stacktrace: 'org.apache.flink.runtime.JobException: Recovery is suppressed',
            timestamp: 1795336989045,
            failureLabels: {},
            concurrentExceptions: [
              {
                exceptionName: 'java.lang.RuntimeException',
                stacktrace: 'java.lang.RuntimeException: Simulated failure',
                timestamp: 1795336989018,
                failureLabels: { type: 'user' },
                taskName: 'Validate -> Discard sink: Writer (1/1) - execution #0',
                endpoint: 'localhost:44801',
                taskManagerId: 'localhost:40087-057bf9',
              },
            ],
          },
        ],
        truncated: false,
      },
    });
    const root = ex.exceptionHistory.entries[0]!;
    expect(root.failureLabels).toEqual({});
    expect(root.concurrentExceptions?.[0]?.taskName).toMatch(/Validate/);
  });

  it('metric values are strings; aggregated metrics are numbers', () => {
    const list = validate('t', metricListSchema, [
      { id: '0.currentInputWatermark', value: '-9223372036854775808' },
    ]);
    expect(list[0]!.value).toBe('-9223372036854775808');
    const agg = validate('t', aggregatedMetricListSchema, [
      { id: 'backPressuredTimeMsPerSecond', min: 791, max: 1000, avg: 895.5, sum: 1791, skew: 11.67 },
    ]);
    expect(agg[0]).toMatchObject({ id: 'backPressuredTimeMsPerSecond', max: 1000, skew: expect.any(Number) });
  });

  it('strips unknown fields instead of failing on them', () => {
    const o = validate('t', clusterOverviewSchema, { ...overview(), 'new-field-in-flink-3': 1 });
    expect('new-field-in-flink-3' in o).toBe(false);
  });
});

describe('Flink 1.18-1.20 answers (without 2.x fields)', () => {
  it('jobs overview without job-type and pending-operators', () => {
    const row = {
      jid: 'c855917d17cd044d2170a347b7aea7d4',
      name: 'n',
      state: 'RUNNING',
      'start-time': 1,
      'end-time': -1,
      duration: 5,
      'last-modification': 2,
      tasks: { running: 4, total: 4 },
    };
    expect(() => validate('t', jobsOverviewSchema, { jobs: [row] })).not.toThrow();
  });

  it('job details without job-type, pending-operators, slotSharingGroupId, stream-graph', () => {
    const j = job() as Record<string, unknown> & { vertices: Record<string, unknown>[] };
    delete j['job-type'];
    delete j['pending-operators'];
    for (const v of j.vertices) delete v.slotSharingGroupId;
    expect(() => validate('t', jobDetailsSchema, j)).not.toThrow();
  });

  it('overview without the blocked counts, task managers without blocked', () => {
    expect(() => validate('t', clusterOverviewSchema, overview())).not.toThrow();
    const resource = {
      cpuCores: 4,
      taskHeapMemory: 1,
      taskOffHeapMemory: 0,
      managedMemory: 2,
      networkMemory: 3,
      extendedResources: {},
    };
    const tm = {
      id: 'localhost:33327-605905',
      path: 'pekko.tcp://flink@localhost:33327/user/rpc/taskmanager_0',
      dataPort: 40001,
      jmxPort: -1,
      timeSinceLastHeartbeat: 1795337390000,
      slotsNumber: 4,
      freeSlots: 2,
      totalResource: resource,
      freeResource: resource,
      hardware: { cpuCores: 8, physicalMemory: 1, freeMemory: 1, managedMemory: 1 },
      memoryConfiguration: {
        frameworkHeap: 1,
        taskHeap: 1,
        frameworkOffHeap: 1,
        taskOffHeap: 0,
        networkMemory: 1,
        managedMemory: 1,
        jvmMetaspace: 1,
        jvmOverhead: 1,
        totalFlinkMemory: 1,
        totalProcessMemory: 1,
      },
    };
    expect(() => validate('t', taskManagersSchema, { taskmanagers: [tm] })).not.toThrow();
  });

  it('exceptions with the deprecated 1.x top-level fields', () => {
    const legacy = {
      'root-exception': 'java.lang.RuntimeException: boom',
      timestamp: 1,
      'all-exceptions': [],
      truncated: false,
      exceptionHistory: {
        entries: [
          {
            exceptionName: 'java.lang.RuntimeException',
            stacktrace: 's',
            timestamp: 1,
            taskName: null,
            location: null,
          },
        ],
        truncated: false,
      },
    };
    expect(() => validate('t', jobExceptionsSchema, legacy)).not.toThrow();
  });
});

describe('isCheckpointingEnabled', () => {
  it('is false for the Long.MAX_VALUE interval of a job without checkpointing', () => {
    const base = {
      mode: 'at_least_once',
      timeout: 1,
      min_pause: 0,
      max_concurrent: 1,
      externalization: { enabled: false, delete_on_cancellation: true },
    };
    expect(isCheckpointingEnabled({ ...base, interval: JSON.parse('9223372036854775807') as number })).toBe(
      false,
    );
    expect(isCheckpointingEnabled({ ...base, interval: 10_000 })).toBe(true);
  });
});
