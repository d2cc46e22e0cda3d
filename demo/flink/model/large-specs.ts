// scale 'large': sizes that stress a dashboard (5,000 jobs, a 300-vertex plan, a vertex with
// parallelism 2,000, 10,000 retained checkpoints). Built only when first needed.
import { Rng, hashString } from '../util/rng.ts';
import type { JobSpec, Scenario, StackProfile, VertexSpec } from './types.ts';

export const LARGE_JOB_NAMES = {
  wide: 'Wide Fan-out (p=2000)',
  mega: 'Mega Pipeline (300 vertices)',
  checkpointHeavy: 'Checkpoint Heavy (10k history)',
} as const;

const HOUR = 3600_000;
const STACKS: StackProfile[] = ['parse', 'keyed-process', 'window', 'blocking-lookup'];

function small(name: string, p: number): VertexSpec[] {
  return [
    {
      operators: [`Source: ${name} input`],
      parallelism: p,
      inputs: [],
      busy: 0.1,
      backPressured: 0,
      selectivity: 1,
      recordBytes: 200,
      sourceRate: 100 * p,
      watermarkDelayMs: 1000,
      stack: 'kafka-source',
    },
    {
      operators: ['Transform', 'Filter'],
      parallelism: p,
      inputs: [{ from: 0, ship: 'REBALANCE' }],
      busy: 0.15,
      backPressured: 0,
      selectivity: 0.9,
      recordBytes: 180,
      stack: 'parse',
    },
    {
      operators: [`Sink: ${name} output`],
      parallelism: p,
      inputs: [{ from: 1, ship: 'FORWARD' }],
      busy: 0.05,
      backPressured: 0,
      selectivity: 0,
      recordBytes: 180,
      stack: 'sink-kafka',
    },
  ];
}

function megaVertices(rng: Rng): VertexSpec[] {
  const layers = 20;
  const width = 15;
  const vertices: VertexSpec[] = [];
  for (let l = 0; l < layers; l++) {
    for (let w = 0; w < width; w++) {
      const index = vertices.length;
      if (l === 0) {
        vertices.push({
          operators: [`Source: Topic ${index}`],
          parallelism: 2,
          inputs: [],
          busy: 0.05,
          backPressured: 0,
          selectivity: 1,
          recordBytes: 150,
          sourceRate: 200,
          watermarkDelayMs: 800,
          stack: 'kafka-source',
        });
        continue;
      }
      const a = (l - 1) * width + rng.int(0, width - 1);
      const inputs: VertexSpec['inputs'] = [{ from: a, ship: 'HASH' }];
      if (rng.next() < 0.3) {
        const b = (l - 1) * width + rng.int(0, width - 1);
        if (b !== a) inputs.push({ from: b, ship: 'REBALANCE' });
      }
      const last = l === layers - 1;
      vertices.push({
        operators: last ? [`Sink: Output ${index}`] : [`Stage ${l} Operator ${w}`],
        parallelism: rng.int(1, 2),
        inputs,
        busy: 0.05 + rng.next() * 0.3,
        backPressured: 0,
        selectivity: last ? 0 : 0.5 + rng.next() * 0.4,
        recordBytes: 100 + rng.int(0, 400),
        stack: last ? 'sink-kafka' : (STACKS[(l + w) % STACKS.length] ?? 'parse'),
      });
    }
  }
  return vertices;
}

export function largeSpecs(seed: number): JobSpec[] {
  const rng = new Rng(hashString(`${seed}:large`));
  const specs: JobSpec[] = [
    {
      key: 'large-wide',
      name: LARGE_JOB_NAMES.wide,
      type: 'STREAMING',
      scenario: 'running',
      submittedAgoMs: 9 * HOUR,
      vertices: [
        {
          operators: ['Source: Kafka Firehose'],
          parallelism: 200,
          inputs: [],
          busy: 0.2,
          backPressured: 0.1,
          selectivity: 1,
          recordBytes: 300,
          sourceRate: 400_000,
          watermarkDelayMs: 2000,
          stack: 'kafka-source',
        },
        {
          operators: ['Fan-out Transform'],
          parallelism: 2000,
          maxParallelism: 4096,
          inputs: [{ from: 0, ship: 'REBALANCE' }],
          busy: 0.45,
          backPressured: 0,
          selectivity: 1,
          recordBytes: 300,
          stack: 'keyed-process',
        },
        {
          operators: ['Sink: Kafka Fan-out Results: Writer'],
          parallelism: 200,
          inputs: [{ from: 1, ship: 'REBALANCE' }],
          busy: 0.2,
          backPressured: 0,
          selectivity: 0,
          recordBytes: 300,
          stack: 'sink-kafka',
        },
      ],
    },
    {
      key: 'large-mega',
      name: LARGE_JOB_NAMES.mega,
      type: 'STREAMING',
      scenario: 'running',
      submittedAgoMs: 14 * HOUR,
      vertices: megaVertices(rng),
    },
    {
      key: 'large-checkpoints',
      name: LARGE_JOB_NAMES.checkpointHeavy,
      type: 'STREAMING',
      scenario: 'running',
      submittedAgoMs: 3.5 * HOUR,
      checkpointing: {
        intervalMs: 1000,
        timeoutMs: 60_000,
        minPauseMs: 0,
        durationMs: 150,
        stateBytes: 3 * 1024 ** 3,
        failEvery: 17,
        failureMessages: ['Task local checkpoint failure.', 'Asynchronous task checkpoint failed.'],
        unaligned: true,
        incremental: true,
      },
      vertices: small('Checkpoint Heavy', 2),
    },
  ];
  const kinds = [
    'Hourly Rollup',
    'Batch Export',
    'Sessionizer',
    'CDC Replica',
    'Feature Pipeline',
    'Alerting',
  ];
  for (let i = 0; specs.length < 5000; i++) {
    const r = rng.next();
    const scenario: Scenario = i < 200 ? 'running' : r < 0.7 ? 'finished' : r < 0.88 ? 'canceled' : 'failed';
    const name = `${kinds[i % kinds.length]} #${String(i).padStart(4, '0')}`;
    const submittedAgoMs = Math.round(rng.next() * 30 * 24 * HOUR) + HOUR;
    specs.push({
      key: `large-${i}`,
      name,
      type: scenario === 'finished' && i % 3 === 0 ? 'BATCH' : 'STREAMING',
      scenario,
      submittedAgoMs,
      runtimeMs: Math.min(submittedAgoMs - 120_000, Math.round(60_000 + rng.next() * 6 * HOUR)),
      vertices: small(name, i < 200 ? rng.int(1, 2) : rng.int(1, 8)),
    });
  }
  return specs;
}
