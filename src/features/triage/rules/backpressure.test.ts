import { describe, expect, it } from 'vitest';
import { REC, at, flink, flinkInput } from '../testing/fixtures';
import {
  backPressureRule,
  consumersOf,
  findBottleneck,
  jobsFlaggedForBackPressure,
  vertexShares,
} from './backpressure';
import { emptyFlinkHistory, observeFlink } from './history';
import { DEFAULT_THRESHOLDS as T } from './thresholds';

/** BackpressureJob: `Source: Fast source -> Parse` → `Slow enrichment` (Thread.sleep) → `Discard sink: Writer`. */
const details = flink.details('--backpressure');
const [source, slow, sink] = details.vertices;

describe('vertexShares', () => {
  it('reads lifetime shares from the accumulated times of /jobs/:jobid', () => {
    const shares = vertexShares(
      flinkInput({ jobDetails: { [REC.backpressure]: at(details) } }),
      emptyFlinkHistory(),
      REC.backpressure,
    );
    expect(shares[source!.id]).toMatchObject({ basis: 'lifetime' });
    expect(shares[source!.id]!.bp).toBeCloseTo(46340 / (46340 + 393 + 17881), 3);
    expect(shares[slow!.id]!.busy).toBeCloseTo(65016 / (65016 + 1002), 3);
  });

  it('prefers the change between two polls, then current metrics (worst subtask)', () => {
    const later = structuredClone(details);
    const m = later.vertices[0]!.metrics;
    // In the 10 s between the polls: 2 subtasks x 10 s, back-pressured 5 s of 20 s.
    m['accumulated-backpressured-time'] = (m['accumulated-backpressured-time'] ?? 0) + 5000;
    m['accumulated-busy-time'] = (m['accumulated-busy-time'] ?? 0) + 15000;
    let history = observeFlink(
      emptyFlinkHistory(),
      flinkInput({ jobDetails: { [REC.backpressure]: at(details, REC.now - 10_000) } }),
    );
    const input = flinkInput({ jobDetails: { [REC.backpressure]: at(later, REC.now) } });
    history = observeFlink(history, input);
    expect(vertexShares(input, history, REC.backpressure)[source!.id]).toMatchObject({
      bp: 0.25,
      busy: 0.75,
      basis: 'recent',
    });
    const withMetrics = {
      ...input,
      vertexMetrics: { [REC.backpressure]: { [source!.id]: at(flink.pressureMetrics()) } },
    };
    expect(vertexShares(withMetrics, history, REC.backpressure)[source!.id]).toMatchObject({
      bp: 0.793,
      busy: 0.333,
      basis: 'metrics',
    });
  });

  it('keeps the last change of the counters when a poll sees them unrefreshed', () => {
    const later = structuredClone(details);
    const m = later.vertices[0]!.metrics;
    m['accumulated-backpressured-time'] = (m['accumulated-backpressured-time'] ?? 0) + 5000;
    m['accumulated-busy-time'] = (m['accumulated-busy-time'] ?? 0) + 15000;
    let history = emptyFlinkHistory();
    for (const [d, t] of [
      [details, REC.now - 13_000],
      [later, REC.now - 3_000],
      [later, REC.now], // polled again before the JobManager refreshed its metrics
    ] as const) {
      history = observeFlink(history, flinkInput({ jobDetails: { [REC.backpressure]: at(d, t) } }));
    }
    const input = flinkInput({ jobDetails: { [REC.backpressure]: at(later, REC.now) } });
    expect(vertexShares(input, history, REC.backpressure)[source!.id]).toMatchObject({
      bp: 0.25,
      basis: 'recent',
    });
  });
});

describe('findBottleneck', () => {
  it('follows the plan downstream from the back-pressured vertex to the busy one', () => {
    expect(consumersOf(details).get(source!.id)).toEqual([slow!.id]);
    const found = findBottleneck(
      details,
      {
        [source!.id]: { bp: 0.79, busy: 0.2, basis: 'metrics' },
        [slow!.id]: { bp: 0, busy: 0.96, basis: 'metrics' },
        [sink!.id]: { bp: 0, busy: 0.1, basis: 'metrics' },
      },
      T,
    );
    expect(found?.pressured.name).toBe('Source: Fast source -> Parse');
    expect(found?.bottleneck?.name).toBe('Slow enrichment');
  });

  it('walks through back-pressured vertices, and names no bottleneck when nothing downstream is busy', () => {
    const shares = {
      [source!.id]: { bp: 0.9, busy: 0.05, basis: 'metrics' as const },
      [slow!.id]: { bp: 0.6, busy: 0.3, basis: 'metrics' as const },
      [sink!.id]: { bp: 0, busy: 0.95, basis: 'metrics' as const },
    };
    expect(findBottleneck(details, shares, T)?.bottleneck?.name).toBe('Discard sink: Writer');
    shares[sink!.id] = { bp: 0, busy: 0.2, basis: 'metrics' };
    const found = findBottleneck(details, shares, T);
    expect(found?.pressured.id).toBe(source!.id);
    expect(found?.bottleneck).toBeUndefined();
  });

  it('nothing back-pressured: nothing found', () => {
    expect(
      findBottleneck(details, { [source!.id]: { bp: 0.2, busy: 0.5, basis: 'metrics' } }, T),
    ).toBeUndefined();
  });
});

describe('backPressureRule', () => {
  it('reports the recorded BackpressureJob with the slow vertex as bottleneck and links to it', () => {
    const input = flinkInput({ jobDetails: { [REC.backpressure]: at(details) } });
    const [p, ...rest] = backPressureRule(input, emptyFlinkHistory(), T);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({
      severity: 'high',
      title: 'Back-pressure: bottleneck “Slow enrichment”',
      href: `/clusters/rec/jobs/${REC.backpressure}/backpressure?vertex=${slow!.id}`,
      figure: { format: 'percent' },
    });
    expect(p?.explanation).toContain('likely bottleneck: “Slow enrichment”');
  });

  it('flags the job for vertex metrics, and not the healthy CheckpointingJob', () => {
    const input = flinkInput({
      jobDetails: { [REC.backpressure]: at(details), [REC.checkpointing]: at(flink.details()) },
    });
    expect(jobsFlaggedForBackPressure(input, emptyFlinkHistory(), T)).toEqual([REC.backpressure]);
    expect(backPressureRule(input, emptyFlinkHistory(), T).map((p) => p.jobId)).toEqual([REC.backpressure]);
  });
});
