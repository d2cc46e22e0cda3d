import { describe, expect, it } from 'vitest';
import { counterRates, latestCounterRate, type CounterSample } from './counter-rate';

/** Deterministic 0..1 numbers (mulberry32). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TRUE_RATE = 3200; // records per second
const FETCH_MS = 10_000; // Flink's metrics.fetcher.update-interval

/**
 * What the browser sees polling a job at `pollMs` for ten minutes while Flink's metric fetcher
 * refreshes the counter. `lazy`: as Flink does it, a request finding the store older than the
 * interval starts a fetch (seen by later requests); another client polling every 10.05 s starts
 * fetches too. `clock`: the store refreshes on a fixed 10 s clock. Requests start with ±50 ms
 * timer jitter and take 20–270 ms.
 */
function polled(pollMs: number, fetcher: 'lazy' | 'clock', seed: number): CounterSample[] {
  const rnd = random(seed);
  const requests: { t: number; mine: boolean }[] = [];
  for (let k = 0; k * pollMs < 600_000; k++)
    requests.push({ t: 5_000 + k * pollMs + (rnd() - 0.5) * 100 + rnd() * 150, mine: true });
  for (let k = 0; k * 10_050 < 600_000; k++)
    requests.push({ t: 7_321 + k * 10_050 + rnd() * 50, mine: false });
  requests.sort((a, b) => a.t - b.t);
  let lastFetch = -Infinity;
  let storeAt = 0;
  let pending: number | undefined;
  const out: CounterSample[] = [];
  for (const r of requests) {
    let at: number;
    if (fetcher === 'clock') at = Math.floor((r.t - 1_234) / FETCH_MS) * FETCH_MS + 1_234;
    else {
      if (pending !== undefined && r.t >= pending + 30) [storeAt, pending] = [pending, undefined];
      if (r.t - lastFetch > FETCH_MS) [lastFetch, pending] = [r.t, r.t];
      at = storeAt;
    }
    if (r.mine) out.push({ t: r.t + 20 + rnd() * 100, v: Math.floor((TRUE_RATE * at) / 1000) });
  }
  return out;
}

const errors = (points: readonly CounterSample[]) => points.map((p) => p.v / TRUE_RATE - 1);

describe('counterRates', () => {
  it('gives no rate until a whole change window has been seen', () => {
    const samples = [
      { t: 0, v: 500 },
      { t: 3_000, v: 500 },
      { t: 6_000, v: 1_400 }, // first change: when the 500 was measured is unknown
      { t: 9_000, v: 1_400 },
      { t: 12_000, v: 1_400 },
    ];
    expect(counterRates(samples)).toEqual([]);
    expect(latestCounterRate(samples)).toBeUndefined();
    // refreshed between 3 and 6 s, and between 12 and 15 s: 900 records in 9 s
    expect(counterRates([...samples, { t: 15_000, v: 2_300 }])).toEqual([{ t: 15_000, v: 100 }]);
  });

  it('divides by the time since the previous change, not by the poll interval', () => {
    // polled every 3 s, the counter refreshed every ~10 s with 100 records/s
    const samples = [
      { t: 0, v: 0 },
      { t: 3_000, v: 0 },
      { t: 6_000, v: 1_000 },
      { t: 9_000, v: 1_000 },
      { t: 12_000, v: 1_000 },
      { t: 15_000, v: 1_000 },
      { t: 18_000, v: 2_200 },
      { t: 21_000, v: 2_200 },
      { t: 24_000, v: 2_200 },
      { t: 27_000, v: 3_100 },
    ];
    expect(counterRates(samples)).toEqual([
      { t: 18_000, v: 100 },
      { t: 27_000, v: 100 },
    ]);
  });

  it('spans whole change windows of at least minSpanMs', () => {
    const samples = [0, 10, 20, 30, 40].map((s, i) => ({ t: s * 1000, v: i === 4 ? 4_600 : s * 100 }));
    // windows 10 s each; the last one saw 1 600 records: over 30 s that is (4 600 − 1 000) / 30
    expect(counterRates(samples, { minSpanMs: 30_000 }).at(-1)).toEqual({ t: 40_000, v: 120 });
    expect(counterRates(samples, { minSpanMs: 0 }).at(-1)).toEqual({ t: 40_000, v: 160 });
  });

  it('scales the per-second rate', () => {
    const samples = [0, 10, 20].map((s) => ({ t: s * 1000, v: s * 50 }));
    expect(counterRates(samples, { scale: 60 })).toEqual([{ t: 20_000, v: 3_000 }]);
  });

  it('never draws a negative rate when the counter starts again (a restart)', () => {
    const samples = [
      { t: 0, v: 0 },
      { t: 10_000, v: 1_000 },
      { t: 20_000, v: 2_000 },
      { t: 30_000, v: 40 }, // restarted
      { t: 40_000, v: 1_040 }, // first change after the restart: opens a window
      { t: 50_000, v: 2_040 },
    ];
    const rates = counterRates(samples, { minSpanMs: 0 });
    expect(rates).toEqual([
      { t: 20_000, v: 100 },
      { t: 50_000, v: 100 },
    ]);
  });

  it('falls to 0 once the counter has not changed for clearly longer than its usual window', () => {
    const running = [0, 10, 20, 30].map((s) => ({ t: s * 1000, v: s * 100 }));
    const silent = [33, 36, 39, 45, 50, 54, 56, 60].map((s) => ({ t: s * 1000, v: 3_000 }));
    const rates = counterRates([...running, ...silent]);
    // usual window 10 s; the last refresh was between 20 and 30 s: no 0 within 2.5 windows of it
    // (25 s → 50 s), 0 after
    expect(rates.filter((p) => p.v === 0).map((p) => p.t)).toEqual([54_000, 56_000, 60_000]);
    expect(rates.filter((p) => p.t < 54_000).every((p) => p.v === 100)).toBe(true);
  });

  it('learns a longer usual window from the changes (polls slower than the fetcher)', () => {
    // polled every 30 s: every poll sees a change; one silent poll is not a stop
    const samples = [0, 30, 60, 90].map((s) => ({ t: s * 1000, v: s * 100 }));
    samples.push({ t: 120_000, v: 9_000 });
    expect(counterRates(samples).map((p) => p.v)).toEqual([100, 100]);
    samples.push({ t: 150_000, v: 9_000 }, { t: 180_000, v: 9_000 });
    expect(counterRates(samples).at(-1)).toEqual({ t: 180_000, v: 0 });
  });

  it('reports 0 for a counter that never moves once it has been silent long enough', () => {
    const samples = [0, 10, 20, 26].map((s) => ({ t: s * 1000, v: 77 }));
    expect(counterRates(samples)).toEqual([{ t: 26_000, v: 0 }]);
  });

  it('starts a new window when the counter resumes after a stop', () => {
    const samples = [
      ...[0, 10, 20].map((s) => ({ t: s * 1000, v: s * 100 })),
      ...[30, 40, 50, 60].map((s) => ({ t: s * 1000, v: 2_000 })),
      { t: 70_000, v: 2_500 }, // resumed at some unknown time after 60 s
      { t: 80_000, v: 3_500 },
    ];
    const rates = counterRates(samples);
    expect(rates.find((p) => p.t === 70_000)).toBeUndefined();
    expect(rates.at(-1)).toEqual({ t: 80_000, v: 100 });
  });

  it('starts afresh after a gap (the page was closed)', () => {
    const samples = [
      ...[0, 10, 20].map((s) => ({ t: s * 1000, v: s * 100 })),
      { t: 3_600_000, v: 900_000 },
      { t: 3_610_000, v: 901_000 },
    ];
    expect(counterRates(samples).map((p) => p.t)).toEqual([20_000]);
  });

  it('skips samples out of order or not finite', () => {
    const samples = [
      { t: 0, v: 0 },
      { t: 10_000, v: 1_000 },
      { t: 5_000, v: 99_999 },
      { t: 15_000, v: Number.NaN },
      { t: 20_000, v: 2_000 },
    ];
    expect(counterRates(samples)).toEqual([{ t: 20_000, v: 100 }]);
  });

  describe.each(['lazy', 'clock'] as const)('a steady source behind a 10 s %s metric fetcher', (fetcher) => {
    it.each([1_000, 2_000, 3_000, 5_000, 10_000, 30_000])(
      'polled every %i ms: every point within 20 percent of the true rate',
      (pollMs) => {
        for (const seed of [1, 2, 3]) {
          const samples = polled(pollMs, fetcher, seed);
          const points = counterRates(samples).filter((p) => p.t > 60_000);
          // one point per change window (at least the poll interval) after the first minute
          expect(points.length).toBeGreaterThanOrEqual(540_000 / Math.max(pollMs, 2 * FETCH_MS));
          const worst = Math.max(...errors(points).map(Math.abs));
          expect(worst).toBeLessThanOrEqual(0.2);
        }
      },
    );
  });

  it('(the simulation is a real test: dividing by the poll interval swings far outside ±20 %)', () => {
    const samples = polled(3_000, 'lazy', 1);
    const naive = samples.slice(1).map((b, i) => {
      const a = samples[i] as CounterSample;
      return { t: b.t, v: ((b.v - a.v) / (b.t - a.t)) * 1000 };
    });
    const e = errors(naive.filter((p) => p.t > 60_000));
    expect(Math.min(...e)).toBe(-1);
    expect(Math.max(...e)).toBeGreaterThan(1.5);
  });
});
