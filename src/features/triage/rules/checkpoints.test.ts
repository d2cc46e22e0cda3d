import { describe, expect, it } from 'vitest';
import type { CheckpointingStatistics, CompletedCheckpoint } from '@/api/flink/schemas';
import { REC, at, flink, flinkInput } from '../testing/fixtures';
import {
  checkpointFailuresRule,
  checkpointGrowthRule,
  checkpointsMissingRule,
  checkpointingEnabled,
} from './checkpoints';
import { emptyFlinkHistory, observeFlink } from './history';
import { DEFAULT_THRESHOLDS as T } from './thresholds';

const jobs = () => at(flink.jobs());

describe('checkpointFailuresRule', () => {
  it('FailingJob: failures in the window, the latest completed one is newer: medium', () => {
    const stats = flink.checkpoints('--failing');
    const input = flinkInput({ jobs: jobs(), checkpoints: { [REC.failing]: at(stats) } });
    // The history list holds completed ones only; the counter growth shows the failures.
    let history = observeFlink(emptyFlinkHistory(), {
      ...input,
      checkpoints: {
        [REC.failing]: at({ ...stats, counts: { ...stats.counts, failed: 12 } }, REC.now - 120_000),
      },
    });
    history = observeFlink(history, input);
    const [p] = checkpointFailuresRule(input, history, T);
    expect(p).toMatchObject({ severity: 'medium', title: 'Checkpoint failures', figure: { value: 4 } });
    expect(p?.explanation).toContain('Checkpoint Coordinator is suspending.');
    expect(p?.href).toBe(`/clusters/rec/jobs/${REC.failing}/checkpoints?checkpoint=9`);
  });

  it('the latest failed is newer than the latest completed: failing now, high', () => {
    const stats = flink.checkpoints('--failing');
    const failed = {
      ...stats.latest.failed!,
      id: 40,
      trigger_timestamp: REC.now - 5000,
      failure_timestamp: REC.now - 4000,
    };
    const failing: CheckpointingStatistics = {
      ...stats,
      latest: { ...stats.latest, failed },
      history: [failed, ...stats.history],
    };
    const input = flinkInput({ jobs: jobs(), checkpoints: { [REC.failing]: at(failing) } });
    const [p] = checkpointFailuresRule(input, emptyFlinkHistory(), T);
    expect(p).toMatchObject({ severity: 'high', title: 'Checkpoints failing', since: REC.now - 5000 });
  });

  it('a healthy CheckpointingJob without failures in the window: nothing', () => {
    const input = flinkInput(
      { jobs: jobs(), checkpoints: { [REC.checkpointing]: at(flink.checkpoints()) } },
      REC.now + 3_600_000,
    );
    expect(checkpointFailuresRule(input, observeFlink(emptyFlinkHistory(), input), T)).toEqual([]);
  });
});

describe('checkpointsMissingRule', () => {
  const input = (now: number) =>
    flinkInput(
      {
        jobs: jobs(),
        checkpoints: { [REC.checkpointing]: at(flink.checkpoints()) },
        checkpointConfig: { [REC.checkpointing]: flink.checkpointConfig() },
        jobDetails: { [REC.checkpointing]: at(flink.details()) },
      },
      now,
    );
  const completedAt = flink.checkpoints().latest.completed!.latest_ack_timestamp;

  it('reports no completed checkpoint for longer than several intervals (at least checkpointGapMinMs)', () => {
    expect(checkpointsMissingRule(input(completedAt + 30_000), T)).toEqual([]);
    const [p] = checkpointsMissingRule(input(completedAt + 90_000), T);
    expect(p).toMatchObject({ severity: 'high', figure: { value: 90_000 }, since: completedAt + 1000 });
    expect(p?.href).toBe(
      `/clusters/rec/jobs/${REC.checkpointing}/checkpoints?checkpoint=${flink.checkpoints().latest.completed!.id}`,
    );
  });

  it('ignores jobs without checkpointing (interval Long.MAX_VALUE)', () => {
    expect(checkpointingEnabled(9223372036854776000)).toBe(false);
    const i = input(completedAt + 90_000);
    i.checkpointConfig[REC.checkpointing] = { ...flink.checkpointConfig(), interval: 9223372036854776000 };
    expect(checkpointsMissingRule(i, T)).toEqual([]);
  });
});

describe('checkpointGrowthRule', () => {
  const base = flink.checkpoints().latest.completed!;
  const completed = (id: number, duration: number, size: number): CompletedCheckpoint => ({
    ...base,
    id,
    trigger_timestamp: REC.now - (20 - id) * 30_000,
    latest_ack_timestamp: REC.now - (20 - id) * 30_000 + duration,
    end_to_end_duration: duration,
    checkpointed_size: size,
    state_size: size,
  });
  const observeAll = (list: CompletedCheckpoint[]) => {
    const stats = flink.checkpoints();
    const input = flinkInput({
      jobs: jobs(),
      checkpoints: {
        [REC.checkpointing]: at({
          ...stats,
          history: list,
          latest: { ...stats.latest, completed: list[list.length - 1] },
        }),
      },
      checkpointConfig: { [REC.checkpointing]: flink.checkpointConfig() },
    });
    return { input, history: observeFlink(emptyFlinkHistory(), input) };
  };

  it('reports checkpoints whose duration more than doubled over the trend window', () => {
    const list = Array.from({ length: 9 }, (_, i) => completed(i + 1, 1000 + i * 500, 10_000_000));
    const { input, history } = observeAll(list);
    const [p] = checkpointGrowthRule(input, history, T);
    expect(p).toMatchObject({
      title: 'Checkpoints getting slower',
      severity: 'medium',
      figure: { format: 'duration', value: 4500 },
    });
  });

  it('reports size growth, and stays quiet for stable or small checkpoints', () => {
    const growing = Array.from({ length: 9 }, (_, i) => completed(i + 1, 500, (i + 1) * 100 * 1024 * 1024));
    const a = observeAll(growing);
    expect(checkpointGrowthRule(a.input, a.history, T)[0]).toMatchObject({
      title: 'Checkpoints getting bigger',
    });
    const stable = Array.from({ length: 9 }, (_, i) => completed(i + 1, 900 + (i % 2) * 100, 50_000_000));
    const b = observeAll(stable);
    expect(checkpointGrowthRule(b.input, b.history, T)).toEqual([]);
    const tiny = Array.from({ length: 9 }, (_, i) => completed(i + 1, 10 + i * 20, 500 + i * 500));
    const c = observeAll(tiny);
    expect(checkpointGrowthRule(c.input, c.history, T)).toEqual([]);
  });
});
