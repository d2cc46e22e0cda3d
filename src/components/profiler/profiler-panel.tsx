/**
 * ProfilerPanel: Flink's built-in async-profiler (Flink 1.19+, `rest.profiling.enabled: true`)
 * for the job manager or one task manager: start a run (mode, duration), follow it, and fetch
 * its result. A result is an HTML flame graph written by async-profiler: it is offered as a
 * download and as a link to the raw file through the dashboard proxy, never injected into this
 * page. When the cluster has the profiler off the endpoint does not exist (404): the panel says
 * which setting turns it on.
 *
 *   <ProfilerPanel target="task manager tm-1" list={useTaskManagerProfiling(c, id)}
 *     trigger={useTriggerTaskManagerProfiling(c, id)} fileUrl={(f) => taskManagerProfilerFileUrl(c, id, f)}
 *     enabledSetting={useProfilingEnabled(c)} readOnly={useReadOnly()} timeZone={zone} />
 */
import { useState, type FormEvent } from 'react';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { HttpError } from '@/api/errors';
import {
  PROFILING_MODES,
  type ProfilingInfo,
  type ProfilingList,
  type ProfilingMode,
} from '@/api/flink/schemas';
import { QueryError, StaleMark } from '@/components/query-state';
import { PageSkeleton } from '@/components/page-skeleton';
import { StateBadge } from '@/components/state-badge';
import { useNow } from '@/hooks/use-now';
import { formatDuration, formatTimestamp, type TimeZoneChoice } from '@/lib/format';

export interface ProfilerPanelProps {
  /** What is profiled, for labels: "job manager", "task manager localhost:1234-ab12cd". */
  target: string;
  list: UseQueryResult<ProfilingList>;
  trigger: UseMutationResult<ProfilingInfo, Error, { mode: ProfilingMode; duration: number }>;
  fileUrl: (fileName: string) => string;
  /** `rest.profiling.enabled` from the job manager configuration; undefined when unknown. */
  enabledSetting: boolean | undefined;
  readOnly: boolean;
  timeZone: TimeZoneChoice;
}

export const MODE_HELP: Record<ProfilingMode, string> = {
  ITIMER: 'CPU time sampled by a timer signal; works in containers without perf events',
  CPU: 'CPU time from perf events (needs kernel permissions: perf_event_paranoid)',
  WALL: 'wall-clock time of every thread, waiting included',
  ALLOC: 'where memory is allocated',
  LOCK: 'where threads contend for locks',
};

/** Flink refuses durations outside (0 s, 300 s]. */
export const MAX_DURATION_S = 300;

/** The error of a cluster without the profiler: the route is not registered. */
export function isProfilerDisabled(error: unknown, enabledSetting: boolean | undefined): boolean {
  if (enabledSetting === true) return false;
  if (error instanceof HttpError) return error.status === 404 || enabledSetting === false;
  return false;
}

const INPUT =
  'rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950';
const LINK = 'text-sky-700 hover:underline dark:text-sky-400';

export function ProfilerPanel({
  target,
  list,
  trigger,
  fileUrl,
  enabledSetting,
  readOnly,
  timeZone,
}: ProfilerPanelProps) {
  if (list.isPending) return <PageSkeleton rows={3} />;
  if (list.data === undefined && isProfilerDisabled(list.error, enabledSetting)) {
    return <ProfilerDisabled error={list.error} />;
  }
  if (list.data === undefined) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  const runs = [...list.data.profilingList].sort((a, b) => b.triggerTime - a.triggerTime);
  const running = runs.some((r) => r.status === 'RUNNING');
  return (
    <div className="space-y-4" data-testid="profiler-panel">
      {readOnly ? (
        <p className="text-sm text-slate-500">
          Read-only mode: profiling runs cannot be started from this dashboard.
        </p>
      ) : (
        <StartForm target={target} trigger={trigger} running={running} />
      )}
      <section>
        <h3 className="mb-2 flex items-center text-sm font-semibold">
          Profiling runs <span className="ml-1 font-normal text-slate-500">({runs.length})</span>
          {list.isError ? <StaleMark updatedAt={list.dataUpdatedAt} /> : null}
        </h3>
        {runs.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500 dark:border-slate-700">
            No profiling run yet on the {target}.
          </p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
            <table className="w-full text-sm" data-testid="profiler-runs">
              <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500 dark:bg-slate-800/50">
                <tr>
                  <th className="px-3 py-2">Status</th>
                  <th className="px-3 py-2">Mode</th>
                  <th className="px-3 py-2">Started</th>
                  <th className="px-3 py-2">Duration</th>
                  <th className="px-3 py-2">Message</th>
                  <th className="px-3 py-2">Result</th>
                </tr>
              </thead>
              <tbody>
                {runs.map((r) => (
                  <RunRow key={`${r.triggerTime}-${r.mode}`} run={r} fileUrl={fileUrl} timeZone={timeZone} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="mt-2 text-xs text-slate-500">
          Results are async-profiler flame graphs (HTML). Download one and open it in your browser; the
          cluster serves it as plain text, so “Open in new tab” shows its source.
        </p>
      </section>
    </div>
  );
}

function StartForm({
  target,
  trigger,
  running,
}: {
  target: string;
  trigger: ProfilerPanelProps['trigger'];
  running: boolean;
}) {
  const [mode, setMode] = useState<ProfilingMode>('ITIMER');
  const [duration, setDuration] = useState('30');
  const seconds = Number(duration);
  const valid = Number.isInteger(seconds) && seconds > 0 && seconds <= MAX_DURATION_S;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!valid || trigger.isPending) return;
    trigger.mutate({ mode, duration: seconds });
  };
  return (
    <form
      onSubmit={submit}
      className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
      aria-label={`Profile the ${target}`}
    >
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-xs font-medium text-slate-600 dark:text-slate-300">
          Mode
          <select
            value={mode}
            onChange={(e) => setMode(e.target.value as ProfilingMode)}
            className={`mt-1 block ${INPUT}`}
            aria-describedby="profiler-mode-help"
          >
            {PROFILING_MODES.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <label className="text-xs font-medium text-slate-600 dark:text-slate-300">
          Duration (s)
          <input
            type="number"
            min={1}
            max={MAX_DURATION_S}
            step={1}
            value={duration}
            onChange={(e) => setDuration(e.target.value)}
            aria-invalid={!valid}
            className={`mt-1 block w-24 ${INPUT}`}
          />
        </label>
        <button
          type="submit"
          disabled={!valid || trigger.isPending || running}
          className="rounded bg-sky-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-700 disabled:cursor-not-allowed disabled:opacity-50"
        >
          {trigger.isPending ? 'Starting…' : 'Start profiling'}
        </button>
        {running ? (
          <span className="text-xs text-slate-500">A run is in progress; Flink allows one at a time.</span>
        ) : null}
      </div>
      <p id="profiler-mode-help" className="mt-2 text-xs text-slate-500">
        {mode}: {MODE_HELP[mode]}.{' '}
        {!valid ? (
          <span className="text-red-700 dark:text-red-400">
            The duration must be 1 to {MAX_DURATION_S} seconds.
          </span>
        ) : null}
      </p>
      {trigger.isError ? (
        <div className="mt-2">
          <QueryError error={trigger.error} compact />
        </div>
      ) : null}
    </form>
  );
}

function RunRow({
  run,
  fileUrl,
  timeZone,
}: {
  run: ProfilingInfo;
  fileUrl: (f: string) => string;
  timeZone: TimeZoneChoice;
}) {
  const now = useNow(1000);
  const elapsed = Math.max(0, (run.finishedTime ?? now) - run.triggerTime);
  const isRunning = run.status === 'RUNNING';
  return (
    <tr className="border-t border-slate-100 dark:border-slate-800" data-testid="profiler-run">
      <td className="px-3 py-2">
        <StateBadge state={run.status} />
        {isRunning ? (
          <span className="ml-2 text-xs tabular-nums text-slate-500">
            {formatDuration(elapsed)} of {run.duration} s
          </span>
        ) : null}
      </td>
      <td className="px-3 py-2 font-mono text-xs">{run.mode}</td>
      <td className="px-3 py-2 tabular-nums">{formatTimestamp(run.triggerTime, timeZone)}</td>
      <td className="px-3 py-2 tabular-nums">{run.duration} s</td>
      <td
        className="max-w-xs truncate px-3 py-2 text-xs text-slate-600 dark:text-slate-300"
        title={run.message ?? undefined}
      >
        {run.message ?? '—'}
      </td>
      <td className="px-3 py-2 text-xs">
        {run.outputFile ? (
          <span className="flex flex-wrap gap-x-3">
            <a
              href={fileUrl(run.outputFile)}
              download={run.outputFile}
              className={LINK}
              title={run.outputFile}
            >
              Download
            </a>
            <a href={fileUrl(run.outputFile)} target="_blank" rel="noopener noreferrer" className={LINK}>
              Open in new tab
            </a>
          </span>
        ) : (
          <span className="text-slate-500">{isRunning ? 'when finished' : '—'}</span>
        )}
      </td>
    </tr>
  );
}

function ProfilerDisabled({ error }: { error: unknown }) {
  return (
    <div
      data-testid="profiler-disabled"
      className="rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <p className="font-semibold">The profiler is off on this cluster.</p>
      <p className="mt-1 text-slate-600 dark:text-slate-300">
        Flink (1.19 and later) serves it only with{' '}
        <code className="rounded bg-slate-100 px-1 font-mono text-xs dark:bg-slate-800">
          rest.profiling.enabled: true
        </code>{' '}
        in its configuration (<code className="font-mono text-xs">config.yaml</code>); restart the cluster
        after changing it. Results go to <code className="font-mono text-xs">rest.profiling.dir</code>, and{' '}
        <code className="font-mono text-xs">rest.profiling.history-size</code> limits how many are kept.
      </p>
      <details className="mt-2 text-xs text-slate-500">
        <summary className="cursor-pointer">What the cluster answered</summary>
        <p className="mt-1 break-words font-mono">{error instanceof Error ? error.message : String(error)}</p>
      </details>
    </div>
  );
}
