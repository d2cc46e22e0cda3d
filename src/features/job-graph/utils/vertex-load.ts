/**
 * The load of a vertex from `/subtasks/metrics?get=…&agg=max,sum`: time shares as ratios of the
 * WORST subtask (max over subtasks: one hot subtask is what stalls a pipeline) and throughput as
 * the SUM over subtasks (the whole vertex). Flink reports time shares in ms per second.
 */
import type { AggregatedMetric, AggregatedMetricList, MetricList } from '@/api/flink/schemas';

export interface VertexLoad {
  /** 0..1, max over subtasks. */
  busy: number | undefined;
  backPressured: number | undefined;
  idle: number | undefined;
  /** Per second, summed over subtasks. */
  recordsIn: number | undefined;
  recordsOut: number | undefined;
  bytesIn: number | undefined;
  bytesOut: number | undefined;
}

export const EMPTY_LOAD: VertexLoad = {
  busy: undefined,
  backPressured: undefined,
  idle: undefined,
  recordsIn: undefined,
  recordsOut: undefined,
  bytesIn: undefined,
  bytesOut: undefined,
};

const finite = (n: number | undefined): number | undefined =>
  n !== undefined && Number.isFinite(n) ? n : undefined;

/** ms per second → 0..1 (Flink can report slightly over 1000 when a sample spans more than 1 s). */
export function msPerSecondToRatio(ms: number | undefined): number | undefined {
  const v = finite(ms);
  return v === undefined || v < 0 ? undefined : Math.min(1, v / 1000);
}

function pick(list: readonly AggregatedMetric[], id: string, agg: 'max' | 'sum'): number | undefined {
  const m = list.find((x) => x.id === id);
  return m ? finite(m[agg]) : undefined;
}

/** Undefined when the vertex has not answered yet; fields stay undefined when a metric is missing. */
export function vertexLoad(list: AggregatedMetricList | undefined): VertexLoad | undefined {
  if (!list) return undefined;
  const rate = (id: string) => {
    const v = pick(list, id, 'sum');
    return v === undefined || v < 0 ? undefined : v;
  };
  return {
    busy: msPerSecondToRatio(pick(list, 'busyTimeMsPerSecond', 'max')),
    backPressured: msPerSecondToRatio(pick(list, 'backPressuredTimeMsPerSecond', 'max')),
    idle: msPerSecondToRatio(pick(list, 'idleTimeMsPerSecond', 'max')),
    recordsIn: rate('numRecordsInPerSecond'),
    recordsOut: rate('numRecordsOutPerSecond'),
    bytesIn: rate('numBytesInPerSecond'),
    bytesOut: rate('numBytesOutPerSecond'),
  };
}

/** The largest known value; undefined when none is known (never 0 for "no data"). */
export function maxOverSubtasks(values: Iterable<number | undefined>): number | undefined {
  let max: number | undefined;
  for (const v of values) {
    if (v === undefined || !Number.isFinite(v)) continue;
    if (max === undefined || v > max) max = v;
  }
  return max;
}

/** The smallest known value; undefined when none is known. */
export function minOverSubtasks(values: Iterable<number | undefined>): number | undefined {
  let min: number | undefined;
  for (const v of values) {
    if (v === undefined || !Number.isFinite(v)) continue;
    if (min === undefined || v < min) min = v;
  }
  return min;
}

/**
 * `[{id: "3.currentInputWatermark", value: "…"}]` (per-subtask metric ids of the vertex metric
 * endpoints) → subtask index → raw value, for one metric name.
 */
export function perSubtask(list: MetricList | undefined, metric: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const m of list ?? []) {
    const dot = m.id.indexOf('.');
    if (dot <= 0 || m.id.slice(dot + 1) !== metric) continue;
    const index = Number(m.id.slice(0, dot));
    if (Number.isInteger(index) && index >= 0 && m.value !== undefined) out.set(index, m.value);
  }
  return out;
}
