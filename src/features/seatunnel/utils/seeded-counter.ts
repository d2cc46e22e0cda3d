import type { Point } from '@/lib/metric-history';

/**
 * A cumulative counter (records, bytes) with what the engine already told before this page
 * polled it: the job's counters start at 0 when it starts, and once the job is over the counter
 * holds its final value from the finish time on. So a page opened late, or on a finished job,
 * draws the whole run instead of one dot "since this page opened".
 *
 *   seededCounter([{ t: 90, v: 500 }, { t: 100, v: 600 }], { startMs: 0, finishMs: null })
 *   // [{ t: 0, v: 0 }, { t: 90, v: 500 }, { t: 100, v: 600 }]
 */
export function seededCounter(
  polled: readonly Point[],
  run: { startMs: number | null; finishMs: number | null },
): Point[] {
  const { startMs, finishMs } = run;
  const last = polled[polled.length - 1];
  let points = [...polled];
  if (finishMs !== null && last) {
    // Polls after the finish repeat the final value: it has held since the finish.
    points = points.filter((p) => p.t < finishMs);
    points.push({ t: finishMs, v: last.v });
  }
  const first = points[0];
  if (startMs !== null && first && startMs < first.t) points.unshift({ t: startMs, v: 0 });
  return points;
}
