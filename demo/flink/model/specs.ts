// The demo's jobs: each tells one story a dashboard user should be able to read.
import type { CheckpointSpec, JobSpec } from './types.ts';

/** Job names tests and docs can rely on (ids derive from the seed and these names' keys). */
export const DEMO_JOB_NAMES = {
  bottleneck: 'Clickstream Sessionization',
  healthy: 'Payment Fraud Detection',
  lagging: 'IoT Sensor Aggregation',
  finished: 'Nightly Inventory Reconciliation',
  failed: 'Order Enrichment CDC',
  restarting: 'Ad Impressions Dedup',
  canceled: 'Legacy Clickstream Backfill',
} as const;

export type DemoJobKey = keyof typeof DEMO_JOB_NAMES;

const MIN = 60_000;
const HOUR = 60 * MIN;

function checkpointing(over: Partial<CheckpointSpec>): CheckpointSpec {
  return {
    intervalMs: 5000,
    timeoutMs: 60_000,
    minPauseMs: 0,
    durationMs: 800,
    stateBytes: 64 * 1024 * 1024,
    failEvery: 0,
    failureMessages: ['Checkpoint expired before completing.'],
    unaligned: false,
    incremental: true,
    ...over,
  };
}

export const DEMO_JOBS: readonly JobSpec[] = [
  {
    key: 'bottleneck',
    name: DEMO_JOB_NAMES.bottleneck,
    type: 'STREAMING',
    scenario: 'running',
    submittedAgoMs: 2 * HOUR + 17 * MIN,
    checkpointing: checkpointing({
      intervalMs: 5000,
      timeoutMs: 20_000,
      durationMs: 2600,
      stateBytes: 1.8 * 1024 ** 3,
      failEvery: 9,
      failureMessages: ['Checkpoint expired before completing.', 'Asynchronous task checkpoint failed.'],
      restoredFrom: { id: 4182, savepoint: true },
    }),
    userAccumulators: [
      { name: 'bot-events-dropped', type: 'LongCounter', perSecond: 1900 },
      { name: 'profile-cache-misses', type: 'LongCounter', perSecond: 310 },
    ],
    vertices: [
      { operators: ['Source: Kafka Clickstream'], parallelism: 4, inputs: [], busy: 0.22, backPressured: 0.44, selectivity: 1, recordBytes: 412, sourceRate: 24_000, watermarkDelayMs: 3000, stack: 'kafka-source' },
      { operators: ['Parse JSON', 'Filter Bots', 'Assign Timestamps'], parallelism: 4, inputs: [{ from: 0, ship: 'FORWARD' }], busy: 0.11, backPressured: 0.86, selectivity: 0.92, recordBytes: 236, stack: 'parse' },
      { operators: ['Enrich: User Profile Lookup'], parallelism: 4, inputs: [{ from: 1, ship: 'HASH' }], busy: 0.985, backPressured: 0, selectivity: 1, recordBytes: 318, stack: 'blocking-lookup', sleeps: true },
      { operators: ['Session Window (30 min gap)', 'Compute Session Metrics'], parallelism: 4, inputs: [{ from: 2, ship: 'HASH' }], busy: 0.17, backPressured: 0, selectivity: 0.04, recordBytes: 540, stack: 'window' },
      { operators: ['Sink: Elasticsearch Sessions: Writer'], parallelism: 2, inputs: [{ from: 3, ship: 'REBALANCE' }], busy: 0.09, backPressured: 0, selectivity: 0, recordBytes: 540, stack: 'sink-es' },
      { operators: ['Top Pages per Minute (Tumbling)'], parallelism: 2, inputs: [{ from: 1, ship: 'HASH' }], busy: 0.31, backPressured: 0, selectivity: 0.01, recordBytes: 96, stack: 'window' },
      { operators: ['Sink: Kafka Page Stats: Writer', 'Sink: Kafka Page Stats: Committer'], parallelism: 2, inputs: [{ from: 5, ship: 'FORWARD' }], busy: 0.03, backPressured: 0, selectivity: 0, recordBytes: 96, stack: 'sink-kafka' },
      { operators: ['Sink: S3 Raw Archive: Writer', 'Sink: S3 Raw Archive: Committer'], parallelism: 2, inputs: [{ from: 1, ship: 'REBALANCE' }], busy: 0.27, backPressured: 0, selectivity: 0, recordBytes: 236, stack: 'sink-s3' },
    ],
  },
  {
    key: 'healthy',
    name: DEMO_JOB_NAMES.healthy,
    type: 'STREAMING',
    scenario: 'running',
    submittedAgoMs: 5 * HOUR + 3 * MIN,
    checkpointing: checkpointing({ intervalMs: 3000, durationMs: 420, stateBytes: 220 * 1024 * 1024 }),
    userAccumulators: [{ name: 'alerts-raised', type: 'LongCounter', perSecond: 0.4 }],
    vertices: [
      { operators: ['Source: Kafka Payments'], parallelism: 2, inputs: [], busy: 0.07, backPressured: 0, selectivity: 1, recordBytes: 310, sourceRate: 1800, watermarkDelayMs: 800, stack: 'kafka-source' },
      { operators: ['Extract Features', 'Score Transactions'], parallelism: 2, inputs: [{ from: 0, ship: 'REBALANCE' }], busy: 0.21, backPressured: 0, selectivity: 1, recordBytes: 402, stack: 'keyed-process' },
      { operators: ['Fraud Pattern (CEP)'], parallelism: 2, inputs: [{ from: 1, ship: 'HASH' }], busy: 0.14, backPressured: 0, selectivity: 0.002, recordBytes: 650, stack: 'keyed-process' },
      { operators: ['Sink: Kafka Fraud Alerts: Writer', 'Sink: Kafka Fraud Alerts: Committer'], parallelism: 1, inputs: [{ from: 2, ship: 'REBALANCE' }], busy: 0.01, backPressured: 0, selectivity: 0, recordBytes: 650, stack: 'sink-kafka' },
    ],
  },
  {
    key: 'lagging',
    name: DEMO_JOB_NAMES.lagging,
    type: 'STREAMING',
    scenario: 'running',
    submittedAgoMs: 26 * HOUR,
    checkpointing: checkpointing({ intervalMs: 10_000, durationMs: 300, stateBytes: 48 * 1024 * 1024, incremental: false }),
    vertices: [
      { operators: ['Source: MQTT Building A'], parallelism: 2, inputs: [], busy: 0.05, backPressured: 0, selectivity: 1, recordBytes: 128, sourceRate: 600, watermarkDelayMs: 1500, stack: 'mqtt-source' },
      { operators: ['Source: MQTT Building B'], parallelism: 2, inputs: [], busy: 0.03, backPressured: 0, selectivity: 1, recordBytes: 128, sourceRate: 300, watermarkDelayMs: 1500, idleSubtasks: [1], stack: 'mqtt-source' },
      { operators: ['Validate Readings'], parallelism: 2, inputs: [{ from: 0, ship: 'REBALANCE' }, { from: 1, ship: 'REBALANCE' }], busy: 0.04, backPressured: 0, selectivity: 0.98, recordBytes: 128, stack: 'parse' },
      { operators: ['5-min Tumbling Avg per Sensor'], parallelism: 2, inputs: [{ from: 2, ship: 'HASH' }], busy: 0.06, backPressured: 0, selectivity: 0.003, recordBytes: 180, stack: 'window' },
      { operators: ['Sink: JDBC sensor_rollups'], parallelism: 1, inputs: [{ from: 3, ship: 'REBALANCE' }], busy: 0.01, backPressured: 0, selectivity: 0, recordBytes: 180, stack: 'sink-jdbc' },
    ],
  },
  {
    key: 'finished',
    name: DEMO_JOB_NAMES.finished,
    type: 'BATCH',
    scenario: 'finished',
    submittedAgoMs: 6 * HOUR + 40 * MIN,
    runtimeMs: 14 * MIN + 37_000,
    vertices: [
      { operators: ['Source: Inventory Snapshot (Parquet)'], parallelism: 4, inputs: [], busy: 0.6, backPressured: 0.1, selectivity: 1, recordBytes: 220, sourceRate: 52_000, stack: 'file-source' },
      { operators: ['Source: Warehouse Movements (Parquet)'], parallelism: 4, inputs: [], busy: 0.5, backPressured: 0.1, selectivity: 1, recordBytes: 180, sourceRate: 31_000, stack: 'file-source' },
      { operators: ['Join on SKU'], parallelism: 4, inputs: [{ from: 0, ship: 'HASH' }, { from: 1, ship: 'HASH' }], busy: 0.7, backPressured: 0, selectivity: 0.55, recordBytes: 260, stack: 'keyed-process' },
      { operators: ['Aggregate Discrepancies'], parallelism: 2, inputs: [{ from: 2, ship: 'HASH' }], busy: 0.3, backPressured: 0, selectivity: 0.02, recordBytes: 300, stack: 'window' },
      { operators: ['Sink: Reconciliation Report'], parallelism: 1, inputs: [{ from: 3, ship: 'REBALANCE' }], busy: 0.1, backPressured: 0, selectivity: 0, recordBytes: 300, stack: 'sink-s3' },
    ],
  },
  {
    key: 'failed',
    name: DEMO_JOB_NAMES.failed,
    type: 'STREAMING',
    scenario: 'failed',
    submittedAgoMs: 3 * HOUR + 12 * MIN,
    runtimeMs: HOUR + 21 * MIN,
    checkpointing: checkpointing({ intervalMs: 30_000, durationMs: 900, stateBytes: 310 * 1024 * 1024 }),
    vertices: [
      { operators: ['Source: MySQL CDC orders'], parallelism: 1, inputs: [], busy: 0.1, backPressured: 0, selectivity: 1, recordBytes: 720, sourceRate: 140, watermarkDelayMs: 2000, stack: 'kafka-source' },
      { operators: ['Lookup Customer (JDBC)'], parallelism: 2, inputs: [{ from: 0, ship: 'REBALANCE' }], busy: 0.4, backPressured: 0, selectivity: 1, recordBytes: 900, stack: 'blocking-lookup' },
      { operators: ['Compute Order Totals'], parallelism: 2, inputs: [{ from: 1, ship: 'HASH' }], busy: 0.05, backPressured: 0, selectivity: 1, recordBytes: 950, stack: 'keyed-process' },
      { operators: ['Sink: JDBC enriched_orders'], parallelism: 2, inputs: [{ from: 2, ship: 'FORWARD' }], busy: 0.08, backPressured: 0, selectivity: 0, recordBytes: 950, stack: 'sink-jdbc' },
    ],
  },
  {
    key: 'restarting',
    name: DEMO_JOB_NAMES.restarting,
    type: 'STREAMING',
    scenario: 'restarting',
    submittedAgoMs: 47 * MIN,
    savepointsFail: true,
    restartCycle: { runningMs: 14_000, restartingMs: 6000 },
    checkpointing: checkpointing({
      intervalMs: 4000,
      durationMs: 1500,
      stateBytes: 900 * 1024 * 1024,
      failEvery: 3,
      failureMessages: [
        'Checkpoint expired before completing.',
        'Task local checkpoint failure.',
        'The checkpoint was aborted due to exception of other subtasks sharing the ChannelState file.',
      ],
    }),
    vertices: [
      { operators: ['Source: Kafka Impressions'], parallelism: 2, inputs: [], busy: 0.12, backPressured: 0.05, selectivity: 1, recordBytes: 260, sourceRate: 9000, watermarkDelayMs: 1200, stack: 'kafka-source' },
      { operators: ['Deduplicate (RocksDB state)'], parallelism: 2, inputs: [{ from: 0, ship: 'HASH' }], busy: 0.55, backPressured: 0, selectivity: 0.81, recordBytes: 260, stack: 'keyed-process' },
      { operators: ['Aggregate per Campaign'], parallelism: 2, inputs: [{ from: 1, ship: 'HASH' }], busy: 0.2, backPressured: 0, selectivity: 0.01, recordBytes: 140, stack: 'window' },
      { operators: ['Sink: Kafka Campaign Stats: Writer', 'Sink: Kafka Campaign Stats: Committer'], parallelism: 2, inputs: [{ from: 2, ship: 'FORWARD' }], busy: 0.02, backPressured: 0, selectivity: 0, recordBytes: 140, stack: 'sink-kafka' },
    ],
  },
  {
    key: 'canceled',
    name: DEMO_JOB_NAMES.canceled,
    type: 'STREAMING',
    scenario: 'canceled',
    submittedAgoMs: 4 * HOUR + 5 * MIN,
    runtimeMs: 25 * MIN + 12_000,
    checkpointing: checkpointing({ intervalMs: 60_000, durationMs: 1200, stateBytes: 80 * 1024 * 1024 }),
    vertices: [
      { operators: ['Source: S3 Clickstream Archive'], parallelism: 2, inputs: [], busy: 0.5, backPressured: 0.3, selectivity: 1, recordBytes: 412, sourceRate: 40_000, watermarkDelayMs: 0, stack: 'file-source' },
      { operators: ['Parse JSON', 'Filter Bots'], parallelism: 2, inputs: [{ from: 0, ship: 'FORWARD' }], busy: 0.4, backPressured: 0.2, selectivity: 0.92, recordBytes: 236, stack: 'parse' },
      { operators: ['Sink: Kafka clickstream-replay: Writer'], parallelism: 2, inputs: [{ from: 1, ship: 'REBALANCE' }], busy: 0.6, backPressured: 0, selectivity: 0, recordBytes: 236, stack: 'sink-kafka' },
    ],
  },
];

/** A small healthy pipeline for jobs started from uploaded jars. */
export function jarJobSpec(key: string, name: string, parallelism: number): JobSpec {
  const p = Math.max(1, parallelism);
  return {
    key,
    name,
    type: 'STREAMING',
    scenario: 'running',
    submittedAgoMs: 0,
    checkpointing: checkpointing({ intervalMs: 5000, durationMs: 350, stateBytes: 12 * 1024 * 1024 }),
    vertices: [
      { operators: ['Source: Custom Source'], parallelism: p, inputs: [], busy: 0.04, backPressured: 0, selectivity: 1, recordBytes: 64, sourceRate: 500 * p, watermarkDelayMs: 200, stack: 'kafka-source' },
      { operators: ['Timestamps/Watermarks', 'Map'], parallelism: p, inputs: [{ from: 0, ship: 'FORWARD' }], busy: 0.06, backPressured: 0, selectivity: 1, recordBytes: 64, stack: 'parse' },
      { operators: ['Window(TumblingEventTimeWindows(5000), EventTimeTrigger, ReduceFunction)'], parallelism: p, inputs: [{ from: 1, ship: 'HASH' }], busy: 0.05, backPressured: 0, selectivity: 0.05, recordBytes: 72, stack: 'window' },
      { operators: ['Sink: Print to Std. Out'], parallelism: p, inputs: [{ from: 2, ship: 'FORWARD' }], busy: 0.01, backPressured: 0, selectivity: 0, recordBytes: 72, stack: 'sink-kafka' },
    ],
  };
}
