/** Input model of DagGraph: plain data, so Flink plans and SeaTunnel DAGs map onto it easily. */

/** ok: running fine · busy: hot (fill = busy ratio) · backpressured: waiting on downstream (fill = ratio). */
export type NodeTone = 'ok' | 'busy' | 'backpressured' | 'idle' | 'failed' | 'unknown';

export interface DagMetric {
  label: string;
  value: string;
}

export interface DagNode {
  id: string;
  title: string;
  subtitle?: string;
  parallelism?: number;
  /** Job/task state shown as a StateBadge, e.g. RUNNING. */
  status?: string;
  /** Short extra chips, e.g. "source", "2 failed". */
  badges?: string[];
  /** Up to four are shown, e.g. records in/out, busy %. */
  metrics?: DagMetric[];
  tone?: NodeTone;
  /** 0..1: how strongly the tone applies (busy or back-pressure ratio). */
  fill?: number;
}

export interface DagEdge {
  source: string;
  target: string;
  /** Ship strategy, e.g. HASH, FORWARD, REBALANCE. */
  label?: string;
}
