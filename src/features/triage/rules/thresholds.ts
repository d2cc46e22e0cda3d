/**
 * When a rule fires. Defaults below; the config file's `triage` map overrides any of them by key
 * (documented in the README, "Triage thresholds"). Durations in ms, shares as ratios 0..1.
 */
export const DEFAULT_THRESHOLDS = {
  /** Restarts are counted over this window. */
  restartWindowMs: 10 * 60_000,
  /** This many restarts in the window (or RESTARTING right now) make it high severity. */
  restartsHigh: 3,
  /** CREATED / INITIALIZING / RESTARTING / CANCELLING / FAILING for longer than this: stuck. */
  stuckStateMs: 60_000,
  /** No completed checkpoint for this many intervals… */
  checkpointMissedIntervals: 5,
  /** …and at least this long. */
  checkpointGapMinMs: 60_000,
  /** Failed checkpoints are counted over this window. */
  checkpointFailureWindowMs: 10 * 60_000,
  /** Checkpoint duration or size: recent average / earlier average above this is "growing fast". */
  checkpointGrowthFactor: 2,
  /** Growth only matters above these: duration (ms) and size (bytes). */
  checkpointGrowthMinDurationMs: 1000,
  checkpointGrowthMinBytes: 64 * 1024 * 1024,
  /** Completed checkpoints within this window form the trend. */
  checkpointTrendWindowMs: 30 * 60_000,
  /** Back-pressured share of the worst subtask from which a vertex counts as back-pressured (Flink's "high"). */
  backPressureHigh: 0.5,
  /** Busy share from which the first downstream vertex is named the bottleneck. */
  busyHigh: 0.8,
  /** Event-time lag (now − watermark) from which a stuck or growing watermark is reported. */
  watermarkLagMs: 5 * 60_000,
  /** A source vertex emitting no records for this long while the job runs: idle. */
  sourceIdleMs: 60_000,
  /** Last heartbeat older than this: late. */
  heartbeatLateMs: 30_000,
  /** Heap used / heap max above this. */
  heapHigh: 0.9,
  /** Share of time in garbage collection above this. */
  gcHigh: 0.1,
  /** A lost task manager is reported for this long after it disappeared. */
  tmLostWindowMs: 10 * 60_000,
  /** Expected task managers per Flink cluster (0 = no expectation); `taskManagersExpected.<clusterId>` per cluster. */
  taskManagersExpected: 0,
  /** SeaTunnel: sink write count flat while the source count grows, for this long. */
  sinkStallMs: 30_000,
  /** SeaTunnel: a job PENDING (waiting for slots) for longer than this. */
  seatunnelPendingMs: 10 * 60_000,
  /** Failed jobs that ended longer ago than this are no longer listed. */
  failedJobMaxAgeMs: 24 * 60 * 60_000,
  /** At most this many running jobs per cluster are checked in depth (checkpoints, exceptions, …). */
  maxJobsPolled: 30,
};

export type Thresholds = typeof DEFAULT_THRESHOLDS;
export type ThresholdKey = keyof Thresholds;

/**
 * The thresholds for one cluster: defaults, overridden by `key` and then by `key.<clusterId>`
 * entries of the config's `triage` map. Unknown keys and non-finite values are ignored.
 */
export function resolveThresholds(
  config: Record<string, number> | undefined,
  clusterId?: string,
): Thresholds {
  const out: Thresholds = { ...DEFAULT_THRESHOLDS };
  if (!config) return out;
  const keys = Object.keys(DEFAULT_THRESHOLDS) as ThresholdKey[];
  for (const key of keys) {
    const global = config[key];
    if (typeof global === 'number' && Number.isFinite(global)) out[key] = global;
    const own = clusterId === undefined ? undefined : config[`${key}.${clusterId}`];
    if (typeof own === 'number' && Number.isFinite(own)) out[key] = own;
  }
  return out;
}
