/**
 * The Flink versions the contract, job-action and smoke specs run on (E2E_FLINK_VERSIONS, minors,
 * comma-separated; default all three). The full page suite runs on the newest only (`real-flink`).
 * Specs are listed before global setup runs, so they take the list from here, not from the state.
 */
export const FLINK_MATRIX: readonly string[] = (process.env.E2E_FLINK_VERSIONS ?? '1.20,2.2,2.3')
  .split(',')
  .map((v) => v.trim())
  .filter(Boolean);

/** The dashboard cluster id of one matrix version: `real-flink-1-20` (ids allow no dots). */
export const matrixClusterId = (minor: string) => `real-flink-${minor.replace(/\./g, '-')}`;

/**
 * The Flink versions a dedicated-cluster scenario (failover, lost job with the History Server, rate
 * accuracy) runs on. Each starts clusters of its own, minutes apiece, so by default each runs on one
 * version and together they cover the matrix; E2E_SCENARIO_FLINK_VERSIONS=1.20,2.2,2.3 runs every
 * scenario on every version.
 */
export function scenarioVersions(defaultMinor: string): string[] {
  const list = process.env.E2E_SCENARIO_FLINK_VERSIONS;
  return list
    ? list
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : [defaultMinor];
}
