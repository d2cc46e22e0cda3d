import { HttpError } from '@/api/errors';
import type { CheckpointConfig, CheckpointingStatistics } from '@/api/flink/schemas';
import { formatDuration } from '@/lib/format';

/*
 * Whether a job checkpoints at all, and its checkpoint configuration as label/value facts.
 * Flink 2.x answers a job without checkpointing with interval = Long.MAX_VALUE (and empty
 * statistics); some versions and the demo answer 404 "Checkpointing has not been enabled".
 */

/** Anything above a year is "never" (Long.MAX_VALUE arrives as 9.223372036854776e18). */
const NEVER_MS = 365 * 24 * 3600 * 1000;

export function isDisabledInterval(interval: number): boolean {
  return !Number.isFinite(interval) || interval <= 0 || interval >= NEVER_MS;
}

/** A 404 (or Flink's "not enabled" message) from the statistics or config endpoint. */
export function isNotEnabledError(error: unknown): boolean {
  if (!(error instanceof HttpError)) return false;
  if (error.status === 404) return true;
  return error.errors.some((m) => /checkpointing (has not been|is not) enabled/i.test(m));
}

export type CheckpointingState = 'enabled' | 'disabled' | 'unknown';

/**
 * 'disabled' only when Flink says so (config interval "never", or a not-enabled error with no
 * checkpoint ever taken). A job whose checkpointing is off may still hold savepoints: then the
 * history is shown anyway.
 */
export function checkpointingState(opts: {
  config: CheckpointConfig | undefined;
  configError: unknown;
  stats: CheckpointingStatistics | undefined;
  statsError: unknown;
}): CheckpointingState {
  const hasEntries = (opts.stats?.counts.total ?? 0) > 0 || (opts.stats?.counts.restored ?? 0) > 0;
  if (opts.config) {
    if (!isDisabledInterval(opts.config.interval)) return 'enabled';
    return hasEntries ? 'enabled' : 'disabled';
  }
  if (isNotEnabledError(opts.configError) || (!opts.stats && isNotEnabledError(opts.statsError))) {
    return hasEntries ? 'enabled' : 'disabled';
  }
  return 'unknown';
}

export interface ConfigFact {
  label: string;
  value: string;
  /** The Flink option behind it, as a hint. */
  option?: string;
}

const yesNo = (b: boolean | undefined) => (b === undefined ? '—' : b ? 'enabled' : 'disabled');
const ms = (n: number | undefined) => (n === undefined ? '—' : n === 0 ? '0 ms' : formatDuration(n));

export function configFacts(c: CheckpointConfig): ConfigFact[] {
  const facts: ConfigFact[] = [
    { label: 'Mode', value: c.mode.replace(/_/g, ' '), option: 'execution.checkpointing.mode' },
    {
      label: 'Interval',
      value: isDisabledInterval(c.interval) ? 'never (periodic checkpoints are off)' : ms(c.interval),
      option: 'execution.checkpointing.interval',
    },
    { label: 'Timeout', value: ms(c.timeout), option: 'execution.checkpointing.timeout' },
    {
      label: 'Minimum pause between checkpoints',
      value: ms(c.min_pause),
      option: 'execution.checkpointing.min-pause',
    },
    {
      label: 'Maximum concurrent checkpoints',
      value: String(c.max_concurrent),
      option: 'execution.checkpointing.max-concurrent-checkpoints',
    },
    {
      label: 'Externalized checkpoints',
      value: c.externalization.enabled
        ? c.externalization.delete_on_cancellation
          ? 'enabled, deleted on cancellation'
          : 'enabled, retained on cancellation'
        : 'disabled',
      option: 'execution.checkpointing.externalized-checkpoint-retention',
    },
    {
      label: 'Unaligned checkpoints',
      value: yesNo(c.unaligned_checkpoints),
      option: 'execution.checkpointing.unaligned.enabled',
    },
  ];
  if (c.aligned_checkpoint_timeout !== undefined) {
    facts.push({
      label: 'Aligned checkpoint timeout',
      value: c.aligned_checkpoint_timeout > 0 ? ms(c.aligned_checkpoint_timeout) : 'none',
      option: 'execution.checkpointing.aligned-checkpoint-timeout',
    });
  }
  facts.push(
    {
      label: 'Tolerable failed checkpoints',
      value: c.tolerable_failed_checkpoints === undefined ? '—' : String(c.tolerable_failed_checkpoints),
      option: 'execution.checkpointing.tolerable-failed-checkpoints',
    },
    { label: 'Checkpoints after tasks finish', value: yesNo(c.checkpoints_after_tasks_finish) },
    { label: 'State backend', value: c.state_backend ?? '—', option: 'state.backend.type' },
    {
      label: 'Checkpoint storage',
      value: c.checkpoint_storage ?? '—',
      option: 'execution.checkpointing.storage',
    },
    {
      label: 'Changelog state backend',
      value: yesNo(c.state_changelog_enabled),
      option: 'state.changelog.enabled',
    },
  );
  if (c.state_changelog_enabled) {
    facts.push(
      { label: 'Changelog storage', value: c.changelog_storage ?? '—', option: 'state.changelog.storage' },
      {
        label: 'Changelog materialization interval',
        value: ms(c.changelog_periodic_materialization_interval),
        option: 'state.changelog.periodic-materialize.interval',
      },
    );
  }
  return facts;
}
