/**
 * Rates from cumulative counters (records, bytes, GC time…), the one rule every chart and figure uses.
 *
 * A counter polled through a cluster's REST API does not change on every poll: Flink's JobManager
 * refreshes the metrics it serves at most every `metrics.fetcher.update-interval` (10 s by default),
 * SeaTunnel's engine on its own cadence. Dividing the change between two polls by the poll interval
 * then swings between 0 (no refresh seen) and several times the truth (a whole refresh seen in one
 * short poll). So a rate is computed over the counter's own change windows:
 *   - a point only where the value changed, over the time since an earlier change: the latest one
 *     at least `minSpanMs` before (60 s, the window of Flink's own `*PerSecond` meters), so that
 *     when within a poll interval each refresh was seen (up to a whole poll late) averages out;
 *   - a change is dated midway between the sample that still had the old value and the one with
 *     the new value (the refresh happened in between);
 *   - no rate from the first samples: a window only starts at an observed change (the time since
 *     the first sample is not a window);
 *   - a drop (the job restarted, the counter began again) or a gap longer than `maxGapMs` (the page
 *     was closed) starts afresh: never a negative or averaged-over-the-gap rate;
 *   - a counter that stops: once no change has been seen for `stopFactor` times its usual window
 *     (the longest of its recent windows, at least `expectedWindowMs`), the rate is 0 at each poll.
 *     The first change after such a stop starts a new window (when it resumed is unknown).
 *
 *   counterRates([{ t: 0, v: 0 }, { t: 10_000, v: 100 }, { t: 20_000, v: 200 }])   // [{ t: 20_000, v: 10 }]
 */

export interface CounterSample {
  /** When the value was observed (ms). */
  t: number;
  v: number;
}

export interface CounterRateOptions {
  /** Multiplies the per-second rate (60 → per minute, 1/1000 → ms per second as a share). */
  scale?: number;
  /** How often the counter is expected to change at most: Flink's `metrics.fetcher.update-interval`. */
  expectedWindowMs?: number;
  /** Silence of this many usual windows means the counter stopped. */
  stopFactor?: number;
  /** A rate spans at least this long (whole change windows); 0: since the previous change. */
  minSpanMs?: number;
  /** A gap between samples longer than this starts afresh. */
  maxGapMs?: number;
}

/** Flink's default `metrics.fetcher.update-interval`. */
export const FLINK_METRIC_FETCH_INTERVAL_MS = 10_000;

const DEFAULTS = {
  scale: 1,
  expectedWindowMs: FLINK_METRIC_FETCH_INTERVAL_MS,
  stopFactor: 2.5,
  minSpanMs: 60_000,
  maxGapMs: 5 * 60_000,
} satisfies Required<CounterRateOptions>;

/** How many recent windows set the usual window. */
const RECENT_WINDOWS = 6;

/**
 * The rate points of a counter's samples (oldest first): one at each change (per second × scale),
 * and 0 at each sample once the counter has clearly stopped.
 */
export function counterRates(
  samples: readonly CounterSample[],
  options: CounterRateOptions = {},
): CounterSample[] {
  const o = { ...DEFAULTS, ...options };
  const out: CounterSample[] = [];
  let changes: CounterSample[] = []; // observed changes since the last fresh start, oldest first
  let base: CounterSample | undefined; // the value the next change is compared with
  let lastT: number | undefined;
  let stopped = false;

  const restart = (s: CounterSample) => {
    base = s;
    changes = [];
    stopped = false;
  };

  for (const s of samples) {
    if (!Number.isFinite(s.t) || !Number.isFinite(s.v)) continue;
    if (lastT !== undefined && s.t <= lastT) continue;
    const gap = lastT === undefined ? 0 : s.t - lastT;
    const prevT = lastT ?? s.t;
    lastT = s.t;
    if (base === undefined || gap > o.maxGapMs || s.v < base.v) {
      restart(s);
      continue;
    }
    if (s.v === base.v) {
      const last = changes[changes.length - 1];
      if (last && s.t - last.t > o.stopFactor * usualWindow(changes, o.expectedWindowMs)) stopped = true;
      else if (!last && s.t - base.t > o.stopFactor * o.expectedWindowMs) stopped = true;
      if (stopped) out.push({ t: s.t, v: 0 });
      continue;
    }
    if (stopped) {
      // It resumed some time during the silence: this change opens a new window.
      restart(s);
      changes = [{ t: (prevT + s.t) / 2, v: s.v }];
      continue;
    }
    // The refresh happened after the previous sample (still the old value) and before this one.
    const change = { t: (prevT + s.t) / 2, v: s.v };
    base = s;
    changes.push(change);
    const from = spanStart(changes, o.minSpanMs);
    if (from) out.push({ t: s.t, v: ((s.v - from.v) / (change.t - from.t)) * 1000 * o.scale });
    if (changes.length > 64) changes = changes.slice(-32);
  }
  return out;
}

/** The latest rate of a counter, or undefined when there is none yet. */
export function latestCounterRate(
  samples: readonly CounterSample[],
  options: CounterRateOptions = {},
): CounterSample | undefined {
  const points = counterRates(samples, options);
  return points[points.length - 1];
}

/** The longest of the recent change windows, at least the expected one. */
function usualWindow(changes: readonly CounterSample[], expectedWindowMs: number): number {
  let longest = expectedWindowMs;
  const from = Math.max(1, changes.length - RECENT_WINDOWS);
  for (let i = from; i < changes.length; i++) {
    longest = Math.max(longest, (changes[i] as CounterSample).t - (changes[i - 1] as CounterSample).t);
  }
  return longest;
}

/** The latest earlier change at least `minSpanMs` before the newest one, else the oldest (undefined: only one change). */
function spanStart(changes: readonly CounterSample[], minSpanMs: number): CounterSample | undefined {
  const newest = changes[changes.length - 1] as CounterSample;
  if (changes.length < 2) return undefined;
  for (let i = changes.length - 2; i >= 0; i--) {
    const c = changes[i] as CounterSample;
    if (newest.t - c.t >= minSpanMs) return c;
  }
  return changes[0];
}
