import type { RawJobMetrics } from './schemas';
import type { ExactCount } from './values';

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

/** The per-table maps read as one table's totals. */
function tableTotals(m: RawJobMetrics, table: string): Totals {
  return {
    SourceReceivedCount: m.TableSourceReceivedCount?.[table],
    SourceReceivedBytes: m.TableSourceReceivedBytes?.[table],
    SourceReceivedQPS: m.TableSourceReceivedQPS?.[table],
    SourceReceivedBytesPerSeconds: m.TableSourceReceivedBytesPerSeconds?.[table],
    SinkWriteCount: m.TableSinkWriteCount?.[table],
    SinkWriteBytes: m.TableSinkWriteBytes?.[table],
    SinkWriteQPS: m.TableSinkWriteQPS?.[table],
    SinkWriteBytesPerSeconds: m.TableSinkWriteBytesPerSeconds?.[table],
    SinkCommittedCount: m.TableSinkCommittedCount?.[table],
    SinkCommittedBytes: m.TableSinkCommittedBytes?.[table],
    SinkCommittedQPS: m.TableSinkCommittedQPS?.[table],
    SinkCommittedBytesPerSeconds: m.TableSinkCommittedBytesPerSeconds?.[table],
  };
}

export function toMetrics(raw: RawJobMetrics): SeaTunnelJobMetrics {
  const tableNames = new Set(
    Object.entries(raw).flatMap(([key, value]) =>
      key.startsWith('Table') && value && typeof value === 'object' ? Object.keys(value) : [],
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
