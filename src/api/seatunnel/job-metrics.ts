import type { RawJobMetrics } from './schemas';
import { countToBigInt, exactInteger, type ExactCount } from './values';

/* Job totals and per-table rows under one set of names: the engine's, camel-cased. */

export interface FlowMetrics {
  sourceReceivedCount: ExactCount | null;
  sourceReceivedBytes: ExactCount | null;
  sourceReceivedQPS: number | null;
  sourceReceivedBytesPerSeconds: number | null;
  sinkWriteCount: ExactCount | null;
  sinkWriteBytes: ExactCount | null;
  sinkWriteQPS: number | null;
  sinkWriteBytesPerSeconds: number | null;
  /** 2.3.10+ only. */
  sinkCommittedCount: ExactCount | null;
  sinkCommittedBytes: ExactCount | null;
  sinkCommittedQPS: number | null;
  sinkCommittedBytesPerSeconds: number | null;
}

export interface TableMetrics extends FlowMetrics {
  /** As the engine names it: `fake`, `shop.orders`. */
  table: string;
}

export interface SeaTunnelJobMetrics extends FlowMetrics {
  /** Newer engines only. */
  intermediateQueueSize: ExactCount | null;
  /** One row per table, sorted by name. */
  tables: TableMetrics[];
}

type Totals = Omit<
  RawJobMetrics,
  `Table${string}` | 'IntermediateQueueSize' | 'sourceReceivedCount' | 'sinkWriteCount'
>;

function flow(m: Totals): FlowMetrics {
  return {
    sourceReceivedCount: m.SourceReceivedCount ?? null,
    sourceReceivedBytes: m.SourceReceivedBytes ?? null,
    sourceReceivedQPS: m.SourceReceivedQPS ?? null,
    sourceReceivedBytesPerSeconds: m.SourceReceivedBytesPerSeconds ?? null,
    sinkWriteCount: m.SinkWriteCount ?? null,
    sinkWriteBytes: m.SinkWriteBytes ?? null,
    sinkWriteQPS: m.SinkWriteQPS ?? null,
    sinkWriteBytesPerSeconds: m.SinkWriteBytesPerSeconds ?? null,
    sinkCommittedCount: m.SinkCommittedCount ?? null,
    sinkCommittedBytes: m.SinkCommittedBytes ?? null,
    sinkCommittedQPS: m.SinkCommittedQPS ?? null,
    sinkCommittedBytesPerSeconds: m.SinkCommittedBytesPerSeconds ?? null,
  };
}

/**
 * The table a per-table metric key counts. 2.3.13 prefixes the table with the plugin that counted
 * it (`Source[0].fake`, `Sink[0].shop.orders`); 2.3.8 sends the table name alone (`fake`). One
 * table is one row whichever side counted it.
 */
export function tableOfMetricKey(key: string): string {
  return /^(?:Source|Sink|Transform)\[\d+\]\.(.+)$/.exec(key)?.[1] ?? key;
}

type TableMap<T> = Record<string, T | null> | undefined;

/** Values of `map` that belong to `table` (several plugins may count one table). */
function valuesOf<T>(map: TableMap<T>, table: string): T[] {
  return Object.entries(map ?? {}).flatMap(([key, v]) =>
    tableOfMetricKey(key) === table && v !== null ? [v] : [],
  );
}

function countOf(map: TableMap<ExactCount>, table: string): ExactCount | undefined {
  const values = valuesOf(map, table);
  if (values.length <= 1) return values[0];
  return exactInteger(String(values.reduce((sum, v) => sum + countToBigInt(v), 0n)));
}

function rateOf(map: TableMap<number>, table: string): number | undefined {
  const values = valuesOf(map, table);
  return values.length ? values.reduce((sum, v) => sum + v, 0) : undefined;
}

/** The per-table maps read as one table's totals. */
function tableTotals(m: RawJobMetrics, table: string): Totals {
  return {
    SourceReceivedCount: countOf(m.TableSourceReceivedCount, table),
    SourceReceivedBytes: countOf(m.TableSourceReceivedBytes, table),
    SourceReceivedQPS: rateOf(m.TableSourceReceivedQPS, table),
    SourceReceivedBytesPerSeconds: rateOf(m.TableSourceReceivedBytesPerSeconds, table),
    SinkWriteCount: countOf(m.TableSinkWriteCount, table),
    SinkWriteBytes: countOf(m.TableSinkWriteBytes, table),
    SinkWriteQPS: rateOf(m.TableSinkWriteQPS, table),
    SinkWriteBytesPerSeconds: rateOf(m.TableSinkWriteBytesPerSeconds, table),
    SinkCommittedCount: countOf(m.TableSinkCommittedCount, table),
    SinkCommittedBytes: countOf(m.TableSinkCommittedBytes, table),
    SinkCommittedQPS: rateOf(m.TableSinkCommittedQPS, table),
    SinkCommittedBytesPerSeconds: rateOf(m.TableSinkCommittedBytesPerSeconds, table),
  };
}

export function toMetrics(raw: RawJobMetrics): SeaTunnelJobMetrics {
  const tableNames = new Set(
    Object.entries(raw).flatMap(([key, value]) =>
      key.startsWith('Table') && value && typeof value === 'object'
        ? Object.keys(value).map(tableOfMetricKey)
        : [],
    ),
  );
  const totals = flow(raw);
  return {
    ...totals,
    // The old doc's lower-case spellings, when the real keys are absent.
    sourceReceivedCount: totals.sourceReceivedCount ?? raw.sourceReceivedCount ?? null,
    sinkWriteCount: totals.sinkWriteCount ?? raw.sinkWriteCount ?? null,
    intermediateQueueSize: raw.IntermediateQueueSize ?? null,
    tables: [...tableNames].sort().map((table) => ({ table, ...flow(tableTotals(raw, table)) })),
  };
}
