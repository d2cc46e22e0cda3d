/**
 * Data skew: when one subtask gets much more data than the others, it is busy while its siblings
 * idle, and the vertex is as slow as that one subtask. Measured on the records each subtask took
 * in (records out for sources, which read nothing from the network): max vs. mean. Flink's own
 * `skew` aggregation is (max − avg) / avg in percent for two subtasks, so "more than 2×" here is
 * "more than 100 %" there.
 */

/** A subtask with more than this many times the mean is hot. */
export const SKEW_FACTOR = 2;

export interface SpreadStats {
  min: number | undefined;
  max: number | undefined;
  avg: number | undefined;
}

export interface Skew {
  /** max / mean, undefined when nothing flowed yet. */
  factor: number | undefined;
  /** At least one subtask got nothing while others did (an idle partition, an unused key range). */
  emptySubtask: boolean;
  /** Worth a warning: factor above SKEW_FACTOR, or an empty subtask. */
  skewed: boolean;
}

/** Skew of one vertex from the min/max/avg aggregation over its subtasks. */
export function skewOf(stats: SpreadStats, parallelism: number): Skew | undefined {
  const { min, max, avg } = stats;
  if (parallelism < 2 || max === undefined || avg === undefined || !(avg > 0)) return undefined;
  const factor = max / avg;
  const emptySubtask = min !== undefined && min <= 0 && max > 0;
  return { factor, emptySubtask, skewed: factor > SKEW_FACTOR || emptySubtask };
}

export interface SubtaskSkew {
  mean: number | undefined;
  /** Subtasks with more than SKEW_FACTOR × the mean. */
  hot: Set<number>;
  /** Subtasks with nothing while the vertex has data. */
  empty: Set<number>;
}

/** Which subtasks stand out, from one value per subtask (index = subtask). */
export function subtaskSkew(values: readonly (number | undefined)[]): SubtaskSkew {
  const known = values.filter((x): x is number => x !== undefined && Number.isFinite(x) && x >= 0);
  const hot = new Set<number>();
  const empty = new Set<number>();
  if (known.length < 2) return { mean: known[0], hot, empty };
  const mean = known.reduce((a, b) => a + b, 0) / known.length;
  if (mean > 0) {
    values.forEach((x, i) => {
      if (x === undefined || !Number.isFinite(x)) return;
      if (x > SKEW_FACTOR * mean) hot.add(i);
      if (x <= 0) empty.add(i);
    });
  }
  return { mean, hot, empty };
}
