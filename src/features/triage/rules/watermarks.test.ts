import { describe, expect, it } from 'vitest';
import type { AggregatedMetricList } from '@/api/flink/schemas';
import { REC, at, flink, flinkInput } from '../testing/fixtures';
import { emptyFlinkHistory, minWatermark, observeFlink } from './history';
import { DEFAULT_THRESHOLDS as T } from './thresholds';
import { jobsFlaggedForWatermarks, sourceIdleRule, watermarkRule, watermarkVertexIds } from './watermarks';

/** CheckpointingJob: `Source: Orders source -> Enrich` → `Sum per key -> Discard sink: Writer` (event time). */
const details = flink.details();
const [source, sink] = details.vertices;
const wm = flink.watermarks(); // 1795339159975 on both subtasks

describe('watermarks', () => {
  it('reads the lowest input watermark; Long.MIN_VALUE means none', () => {
    expect(minWatermark(wm)).toBe(1795339159975);
    expect(minWatermark([{ id: '0.currentInputWatermark', value: '-9223372036854775808' }])).toBeUndefined();
    expect(watermarkVertexIds(details)).toEqual([sink!.id]);
  });

  const poll = (t: number, wmValue: string) =>
    flinkInput(
      {
        jobDetails: { [REC.checkpointing]: at(details, t) },
        watermarks: {
          [REC.checkpointing]: { [sink!.id]: at([{ id: '0.currentInputWatermark', value: wmValue }], t) },
        },
      },
      t,
    );

  it('a watermark 50 s behind is fine; one stuck far behind is reported, with the vertex link', () => {
    const fine = poll(1795339210000, '1795339159975');
    expect(watermarkRule(fine, observeFlink(emptyFlinkHistory(), fine), T)).toEqual([]);

    const t0 = 1795339159975 + 10 * 60_000;
    let history = observeFlink(emptyFlinkHistory(), poll(t0, '1795339159975'));
    const later = poll(t0 + 30_000, '1795339159975');
    history = observeFlink(history, later);
    const [p] = watermarkRule(later, history, T);
    expect(p).toMatchObject({
      title: 'Watermark stuck',
      severity: 'medium',
      figure: { value: 10.5 * 60_000 },
    });
    expect(p?.href).toBe(`/clusters/rec/jobs/${REC.checkpointing}?vertex=${sink!.id}&panel=watermarks`);
    // Dated by the watermark itself (the lag reached 5 min at watermark + 5 min), not by the 30 s
    // this dashboard watched.
    expect(details['start-time']).toBeLessThan(1795339159975);
    expect(p?.since).toBe(1795339159975 + T.watermarkLagMs);
    expect(p?.sinceBasis).toBeUndefined();
    expect(jobsFlaggedForWatermarks(later, history, T)).toEqual([REC.checkpointing]);
  });

  it('a lagging watermark that catches up is not reported', () => {
    const t0 = 1795339159975 + 10 * 60_000;
    let history = observeFlink(emptyFlinkHistory(), poll(t0, '1795339159975'));
    const later = poll(t0 + 30_000, String(1795339159975 + 120_000));
    history = observeFlink(history, later);
    expect(watermarkRule(later, history, T)).toEqual([]);
  });

  it('names the source whose idle subtask holds the watermark back', () => {
    const t0 = 1795339159975 + 10 * 60_000;
    const idle: AggregatedMetricList = [
      { id: 'numRecordsOutPerSecond', min: 0, max: 311.7 },
      { id: 'idleTimeMsPerSecond', min: 969, max: 1000 },
      { id: 'busyTimeMsPerSecond', min: 0, max: 30.7 },
    ];
    const input = {
      ...poll(t0, '1795339159975'),
      vertexMetrics: { [REC.checkpointing]: { [source!.id]: at(idle) } },
    };
    const [p] = watermarkRule(input, observeFlink(emptyFlinkHistory(), input), T);
    expect(p?.explanation).toContain('source “Source: Orders source -> Enrich” has an idle subtask');
    expect(p?.href).toContain(`vertex=${source!.id}`);
  });
});

describe('sourceIdleRule', () => {
  it('reports a source vertex whose record count stays flat for sourceIdleMs', () => {
    const poll = (t: number, written: number) => {
      const d = structuredClone(details);
      d.vertices[0]!.metrics['write-records'] = written;
      return flinkInput({ jobDetails: { [REC.checkpointing]: at(d, t) } }, t);
    };
    let history = emptyFlinkHistory();
    for (const [t, n] of [
      [0, 100],
      [10_000, 200],
      [20_000, 200],
      [50_000, 200],
    ] as const)
      history = observeFlink(history, poll(REC.now + t, n));
    expect(sourceIdleRule(poll(REC.now + 50_000, 200), history, T)).toEqual([]);
    history = observeFlink(history, poll(REC.now + 90_000, 200));
    const [p] = sourceIdleRule(poll(REC.now + 90_000, 200), history, T);
    expect(p).toMatchObject({
      title: 'Source idle',
      since: REC.now + 10_000,
      sinceBasis: 'data',
      figure: { value: 80_000 },
    });
  });

  it('a source flat since the first sample is only "seen" idle: it may have stopped earlier', () => {
    const poll = (t: number) => flinkInput({ jobDetails: { [REC.checkpointing]: at(details, t) } }, t);
    let history = emptyFlinkHistory();
    for (const t of [0, 50_000, 90_000]) history = observeFlink(history, poll(REC.now + t));
    const [p] = sourceIdleRule(poll(REC.now + 90_000), history, T);
    expect(p).toMatchObject({ since: REC.now, sinceBasis: 'seen' });
  });
});
