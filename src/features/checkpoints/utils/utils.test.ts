import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HttpError } from '@/api/errors';
import { validate } from '@/api/http';
import {
  checkpointConfigSchema,
  checkpointingStatisticsSchema,
  type CheckpointConfig,
  type CheckpointingStatistics,
} from '@/api/flink/schemas';
import { toCheckpointRow, toCheckpointRows, trendPoints, typeLabel } from './checkpoint-rows';
import { checkpointingState, configFacts, isDisabledInterval } from './config-facts';
import { historyStats, summaryLines } from './summary';

const DIR = join(process.cwd(), 'e2e/fixtures/flink/2.2');
const raw = (name: string) => JSON.parse(readFileSync(join(DIR, name), 'utf8')) as unknown;
const stats = (name: string): CheckpointingStatistics =>
  validate('GET /jobs/:jobid/checkpoints', checkpointingStatisticsSchema, raw(name));
const config = (name: string): CheckpointConfig =>
  validate('GET /jobs/:jobid/checkpoints/config', checkpointConfigSchema, raw(name));

describe('history entries to table rows (recorded Flink 2.2 answers)', () => {
  it('maps a completed checkpoint’s figures exactly, newest first', () => {
    const history = stats('jobs__jobid__checkpoints.json').history;
    const rows = toCheckpointRows(history);
    const raw = history.find((h) => h.status === 'COMPLETED' && !h.is_savepoint)!;
    if (raw.status !== 'COMPLETED') throw new Error('fixture has no completed checkpoint');
    expect(rows.find((r) => r.id === raw.id)).toEqual({
      id: raw.id,
      status: 'COMPLETED',
      kind: 'checkpoint',
      alignment: 'aligned',
      checkpointType: 'CHECKPOINT',
      typeLabel: 'aligned checkpoint',
      savepointFormat: undefined,
      triggerTime: raw.trigger_timestamp,
      latestAck: raw.latest_ack_timestamp,
      duration: raw.end_to_end_duration,
      checkpointedSize: raw.checkpointed_size,
      fullSize: raw.state_size,
      processedData: raw.processed_data,
      persistedData: raw.persisted_data,
      alignmentBuffered: raw.alignment_buffered,
      acknowledged: raw.num_acknowledged_subtasks,
      total: raw.num_subtasks,
      failureTime: undefined,
      failureMessage: undefined,
      externalPath: raw.external_path,
      discarded: raw.discarded,
    });
    expect(rows.map((r) => r.id)).toEqual(history.map((h) => h.id).sort((a, b) => b - a));
  });

  it('keeps the failure message of a failed checkpoint; an unknown (-1) acknowledgement time stays unknown', () => {
    const failed = stats('jobs__jobid__checkpoints--failing.json').latest.failed!;
    expect(failed.failure_message).toBeTruthy();
    const row = toCheckpointRow(failed);
    expect(toCheckpointRow({ ...failed, latest_ack_timestamp: -1 }).latestAck).toBeUndefined();
    expect(row).toMatchObject({
      status: 'FAILED',
      failureMessage: failed.failure_message,
      failureTime: failed.failure_timestamp,
      latestAck: failed.latest_ack_timestamp > 0 ? failed.latest_ack_timestamp : undefined,
      acknowledged: failed.num_acknowledged_subtasks,
      total: failed.num_subtasks,
      externalPath: undefined,
    });
  });

  it('an in-progress entry is neither failed nor has a path', () => {
    const completed = stats('jobs__jobid__checkpoints.json').history.find((h) => h.status === 'COMPLETED')!;
    const inProgress = { ...completed, status: 'IN_PROGRESS' as const, latest_ack_timestamp: -1 };
    expect(toCheckpointRow(inProgress)).toMatchObject({
      status: 'IN_PROGRESS',
      latestAck: undefined,
      externalPath: undefined,
      failureMessage: undefined,
    });
  });

  it('tells savepoints (with format) and unaligned checkpoints apart', () => {
    const sync = stats('jobs__jobid__checkpoints--stopped-with-savepoint.json').latest.savepoint!;
    expect(toCheckpointRow(sync)).toMatchObject({
      kind: 'savepoint',
      typeLabel: 'sync savepoint',
      savepointFormat: sync.savepointFormat,
    });
    const ua = toCheckpointRows(stats('jobs__jobid__checkpoints--unaligned.json').history).find(
      (r) => r.status === 'COMPLETED',
    )!;
    expect(ua).toMatchObject({
      kind: 'checkpoint',
      alignment: 'unaligned',
      typeLabel: 'unaligned checkpoint',
    });
    expect(typeLabel('SOME_NEW_KIND', false)).toBe('some new kind');
  });

  it('maps an unchanged entry (same object from the query cache) to the same row', () => {
    const history = stats('jobs__jobid__checkpoints.json').history;
    const first = toCheckpointRows(history);
    expect(toCheckpointRows([...history])[1]).toBe(first[1]);
    const changed = { ...history[0]!, num_acknowledged_subtasks: 3 };
    expect(toCheckpointRows([changed, ...history.slice(1)])[0]).toMatchObject({ acknowledged: 3 });
  });

  it('maps 10,000 entries quickly', () => {
    const template = stats('jobs__jobid__checkpoints.json').history[1]!;
    const history = Array.from({ length: 10_000 }, (_, i) => ({ ...template, id: 10_000 - i }));
    const t0 = performance.now();
    const rows = toCheckpointRows(history);
    toCheckpointRows(history);
    expect(rows).toHaveLength(10_000);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe('trend points', () => {
  it('marks failures red, leaves an empty failed upload as a gap, oldest first, capped', () => {
    const rows = toCheckpointRows(stats('jobs__jobid__checkpoints--failing.json').history);
    const top = Math.max(...rows.map((r) => r.id));
    const failedRow = {
      ...rows[0]!,
      id: top + 1,
      status: 'FAILED' as const,
      failureMessage: 'expired',
      checkpointedSize: 530,
    };
    const all = [...rows, failedRow];
    const duration = trendPoints(all, 'duration');
    expect(duration.map((p) => Number(p.id))).toEqual(all.map((r) => r.id).sort((a, b) => a - b));
    expect(duration.at(-1)).toMatchObject({
      id: String(top + 1),
      tone: 'bad',
      label: `#${top + 1} · failed: expired`,
    });
    expect(trendPoints(all, 'checkpointedSize').at(-1)).toMatchObject({ value: 530, tone: 'bad' });
    expect(
      trendPoints([...rows, { ...failedRow, checkpointedSize: 0 }], 'checkpointedSize').at(-1),
    ).toMatchObject({ value: null, tone: 'bad' });
    const lastThree = all
      .map((r) => r.id)
      .sort((a, b) => a - b)
      .slice(-3)
      .map(String);
    expect(trendPoints(all, 'duration', 3).map((p) => p.id)).toEqual(lastThree);
  });
});

describe('summary: Flink first, history where Flink has no percentile', () => {
  it('takes Flink’s figures when present', () => {
    const s = stats('jobs__jobid__checkpoints.json');
    const lines = summaryLines(s, toCheckpointRows(s.history));
    const duration = lines.find((l) => l.metric === 'duration')!;
    const f = s.summary.end_to_end_duration;
    expect(duration.figures.min).toEqual({ value: f.min, source: 'flink' });
    expect(duration.figures.avg).toEqual({ value: f.avg, source: 'flink' });
    expect(duration.figures.max).toEqual({ value: f.max, source: 'flink' });
    expect(duration.figures.p50).toEqual({ value: f.p50, source: 'flink' });
    expect(duration.figures.p90).toEqual({ value: f.p90, source: 'flink' });
    expect(duration.figures.p99).toEqual({ value: f.p99, source: 'flink' });
  });

  it('computes percentiles from completed history entries where Flink sends NaN', () => {
    const s = stats('jobs__jobid__checkpoints.json');
    const noPercentiles = structuredClone(s);
    noPercentiles.summary.end_to_end_duration = {
      ...s.summary.end_to_end_duration,
      p50: NaN,
      p90: NaN,
      p99: NaN,
    };
    const rows = toCheckpointRows(s.history);
    const duration = summaryLines(noPercentiles, rows).find((l) => l.metric === 'duration')!;
    const completed = rows.filter((r) => r.status === 'COMPLETED').map((r) => r.duration!);
    const sorted = [...completed].sort((a, b) => a - b);
    expect(duration.figures.min.source).toBe('flink');
    expect(duration.figures.p50).toEqual({ value: historyStats(rows, 'duration').p50, source: 'history' });
    expect(duration.figures.p50.value).toBeGreaterThanOrEqual(sorted[0]!);
    expect(duration.figures.p99.value).toBeLessThanOrEqual(sorted.at(-1)!);
    expect(duration.historyCount).toBe(completed.length);
    // in-progress entries are not counted
    expect(historyStats(rows, 'duration').count).toBe(rows.filter((r) => r.status === 'COMPLETED').length);
  });

  it('shows nothing rather than Flink’s zeros before the first completed checkpoint', () => {
    const s = stats('jobs__jobid__checkpoints--no-checkpointing.json');
    const lines = summaryLines(s, []);
    for (const l of lines) for (const f of Object.values(l.figures)) expect(f.value).toBeUndefined();
  });
});

describe('checkpointing on or off', () => {
  it('reads Flink 2.2’s Long.MAX_VALUE interval as "not enabled"', () => {
    const off = config('jobs__jobid__checkpoints__config--no-checkpointing.json');
    expect(isDisabledInterval(off.interval)).toBe(true);
    const s = stats('jobs__jobid__checkpoints--no-checkpointing.json');
    expect(checkpointingState({ config: off, configError: null, stats: s, statsError: null })).toBe(
      'disabled',
    );
    const on = config('jobs__jobid__checkpoints__config.json');
    expect(checkpointingState({ config: on, configError: null, stats: s, statsError: null })).toBe('enabled');
  });

  it('reads a 404 "not enabled" as not enabled, other errors as unknown', () => {
    const notEnabled = new HttpError('GET /jobs/:jobid/checkpoints/config', 404, [
      'Checkpointing has not been enabled.',
    ]);
    expect(
      checkpointingState({
        config: undefined,
        configError: notEnabled,
        stats: undefined,
        statsError: notEnabled,
      }),
    ).toBe('disabled');
    const broken = new HttpError('GET /jobs/:jobid/checkpoints/config', 500, ['boom']);
    expect(
      checkpointingState({ config: undefined, configError: broken, stats: undefined, statsError: broken }),
    ).toBe('unknown');
  });

  it('lists the configuration a user asks about', () => {
    const facts = Object.fromEntries(
      configFacts(config('jobs__jobid__checkpoints__config.json')).map((f) => [f.label, f.value]),
    );
    expect(facts).toMatchObject({
      Mode: 'exactly once',
      Interval: '1.0 s',
      Timeout: '10 m 0 s',
      'Minimum pause between checkpoints': '0 ms',
      'Maximum concurrent checkpoints': '1',
      'Externalized checkpoints': 'disabled',
      'Unaligned checkpoints': 'disabled',
      'Tolerable failed checkpoints': '0',
      'State backend': 'HashMapStateBackend',
      'Checkpoint storage': 'FileSystemCheckpointStorage',
      'Changelog state backend': 'disabled',
    });
    const off = Object.fromEntries(
      configFacts(config('jobs__jobid__checkpoints__config--no-checkpointing.json')).map((f) => [
        f.label,
        f.value,
      ]),
    );
    expect(off.Interval).toMatch(/never/);
  });
});
