// Live job metrics: counters that climb with wall time, and the JSON the
// engine's BaseService#getJobMetrics produces from them.
import { javaDouble, javaHashMapOrder } from './java-compat.ts';
import type { DemoJob, TableFlow } from './job-model.ts';
import { obj, type Json, type JsonObject } from './json-text.ts';

/** Zeta's intermediate queue holds at most this many rows before back-pressure. */
const QUEUE_CAPACITY = 2048;

export type Random = () => number;

/** Source rate at a moment: a slow wave plus jitter, so charts look alive. */
function rateAt(flow: TableFlow, now: number, random: Random, batch: boolean): number {
  // Batch jobs never dip below their nominal rate, so they finish on schedule.
  if (batch) return flow.baseRate * (1 + 0.15 * random());
  const wave = 1 + 0.3 * Math.sin((now / 90_000) * 2 * Math.PI + flow.phase);
  return flow.baseRate * wave * (0.9 + 0.2 * random());
}

/** Moves a running job's counters forward to `now`. Returns true when a batch job ran out of rows. */
export function advanceFlows(job: DemoJob, now: number, random: Random): boolean {
  const dt = Math.max(0, (now - job.lastAdvance) / 1000);
  job.lastAdvance = now;
  if (dt === 0) return false;
  const stalled = job.sinkStalledAt !== undefined && now >= job.sinkStalledAt;
  const limit = job.spec.mode === 'BATCH' ? job.spec.batchRowsPerTable : undefined;
  let exhausted = limit !== undefined;
  for (const flow of job.tables) {
    const rate = rateAt(flow, now, random, limit !== undefined);
    const before = flow.sourceCount;
    flow.sourceCount = limit === undefined ? before + rate * dt : Math.min(limit, before + rate * dt);
    flow.sourceQps = (flow.sourceCount - before) / dt;
    if (limit !== undefined && flow.sourceCount < limit) exhausted = false;
    if (stalled) {
      flow.sinkQps = 0;
    } else {
      // The sink trails the source by a fraction of a second of rows.
      const target = limit !== undefined && flow.sourceCount >= limit ? limit : flow.sourceCount - rate * 0.2;
      const sinkBefore = flow.sinkCount;
      flow.sinkCount = Math.max(sinkBefore, Math.min(flow.sourceCount, target));
      flow.sinkQps = (flow.sinkCount - sinkBefore) / dt;
    }
  }
  job.intermediateQueueSize = stalled
    ? Math.min(QUEUE_CAPACITY, job.intermediateQueueSize + Math.ceil(dt * 300))
    : Math.floor(random() * 24);
  return exhausted;
}

/** Fast-forwards a freshly seeded job as if it had been running for `seconds`. */
export function prefill(flow: TableFlow, seconds: number, stalledSeconds = 0): void {
  flow.sourceCount = flow.baseRate * seconds;
  flow.sinkCount = flow.baseRate * Math.max(0, seconds - stalledSeconds);
  flow.sourceQps = flow.baseRate;
  flow.sinkQps = stalledSeconds > 0 ? 0 : flow.baseRate;
}

const COUNT_NAMES = [
  'SourceReceivedCount',
  'SinkWriteCount',
  'SourceReceivedBytes',
  'SinkWriteBytes',
  'IntermediateQueueSize',
] as const;
const RATE_NAMES = [
  'SourceReceivedQPS',
  'SinkWriteQPS',
  'SourceReceivedBytesPerSeconds',
  'SinkWriteBytesPerSeconds',
] as const;
const TABLE_COUNT_NAMES = [
  'TableSourceReceivedCount',
  'TableSinkWriteCount',
  'TableSourceReceivedBytes',
  'TableSinkWriteBytes',
] as const;
const TABLE_RATE_NAMES = [
  'TableSourceReceivedQPS',
  'TableSinkWriteQPS',
  'TableSourceReceivedBytesPerSeconds',
  'TableSinkWriteBytesPerSeconds',
] as const;

type Pick = (f: TableFlow) => number;
const PICKS: Record<string, Pick> = {
  SourceReceivedCount: (f) => Math.floor(f.sourceCount),
  SinkWriteCount: (f) => Math.floor(f.sinkCount),
  SourceReceivedBytes: (f) => Math.floor(f.sourceCount * f.rowBytes),
  SinkWriteBytes: (f) => Math.floor(f.sinkCount * f.rowBytes),
  SourceReceivedQPS: (f) => f.sourceQps,
  SinkWriteQPS: (f) => f.sinkQps,
  SourceReceivedBytesPerSeconds: (f) => f.sourceQps * f.rowBytes,
  SinkWriteBytesPerSeconds: (f) => f.sinkQps * f.rowBytes,
};

const tableToScalar = (name: string): string => name.slice('Table'.length);
/** As 2.3.13 keys a table's figures: by the plugin that counted it (`Source[0].fake`, `Sink[0].fake`). */
const tableKey = (name: string, table: string): string =>
  `${name.startsWith('TableSource') ? 'Source' : 'Sink'}[0].${table}`;

/**
 * The "metrics" object of a job. Keys come out in java.util.HashMap order,
 * counts print as longs and rates as BigDecimal plain strings of doubles,
 * all as JSON strings, exactly as the engine's metricsToJsonObject does.
 */
export function metricsToJson(job: DemoJob): JsonObject {
  const flows = job.tables;
  const values = new Map<string, Json>();

  for (const name of [...TABLE_COUNT_NAMES, ...TABLE_RATE_NAMES]) {
    const pick = PICKS[tableToScalar(name)];
    const isRate = (TABLE_RATE_NAMES as readonly string[]).includes(name);
    const byKey = new Map(flows.map((f) => [tableKey(name, f.table), f]));
    values.set(
      name,
      obj(
        javaHashMapOrder([...byKey.keys()]).map((key): [string, Json] => {
          const f = byKey.get(key);
          const v = f && pick ? pick(f) : 0;
          return [key, isRate ? javaDouble(v) : String(v)];
        }),
      ),
    );
  }
  for (const name of COUNT_NAMES) {
    const pick = PICKS[name];
    const sum = name === 'IntermediateQueueSize' ? job.intermediateQueueSize : sumOf(flows, pick);
    values.set(name, String(sum));
  }
  for (const name of RATE_NAMES) values.set(name, javaDouble(sumOf(flows, PICKS[name])));

  const order = javaHashMapOrder([...values.keys()]);
  return obj(order.map((k): [string, Json] => [k, values.get(k) ?? null]));
}

function sumOf(flows: TableFlow[], pick: Pick | undefined): number {
  return pick ? flows.reduce((acc, f) => acc + pick(f), 0) : 0;
}
