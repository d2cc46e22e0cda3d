import { useCallback } from 'react';
import {
  Link,
  taskManagerRoute,
  taskManagersRoute,
  useNavigateSearch,
  useRouteParams,
  useRouteSearch,
} from '@/app/router';
import { useTaskManager } from '@/api/flink/queries';
import { HttpError } from '@/api/errors';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { Tabs } from '@/components/tabs';
import { MAIN_LOG } from '@/components/log-files/log-files-panel';
import { CopyButton } from '@/components/toast/copy-button';
import { LogsTab, ProfilerTab, ThreadDumpTab } from './detail-tabs';
import { OverviewTab } from './overview-tab';
import { useTaskManagerMetricHistory } from './use-tm-metric-history';
import { addressOf } from './utils/tm-list';

const TABS = [
  { value: 'overview', label: 'Overview' },
  { value: 'logs', label: 'Logs' },
  { value: 'threads', label: 'Thread dump' },
  { value: 'profiler', label: 'Profiler' },
] as const;
type Tab = (typeof TABS)[number]['value'];

const isTab = (v: string | undefined): v is Tab => TABS.some((t) => t.value === v);

/**
 * One task manager: its memory model and JVM metrics over time, the jobs in its slots, its
 * logs, a thread dump and the profiler. The tab (`tab`) and the log file (`file`) are in the URL.
 */
export function TaskManagerPage() {
  const { clusterId, taskManagerId } = useRouteParams(taskManagerRoute);
  const search = useRouteSearch(taskManagerRoute);
  const navigate = useNavigateSearch(taskManagerRoute);
  const tm = useTaskManager(clusterId, taskManagerId);
  const tab: Tab = isTab(search.tab) ? search.tab : 'overview';
  // Recorded on the page, not the tab: the history keeps growing while logs are read.
  const metrics = useTaskManagerMetricHistory(
    clusterId,
    taskManagerId,
    tm.data?.metrics.garbageCollectors.map((g) => g.name),
  );
  const setTab = useCallback(
    (t: Tab) => navigate((prev) => ({ ...prev, tab: t === 'overview' ? undefined : t })),
    [navigate],
  );
  const setFile = useCallback(
    (file: string) =>
      navigate((prev) => ({ ...prev, tab: 'logs', file: file === MAIN_LOG ? undefined : file })),
    [navigate],
  );
  const unknown =
    tm.error instanceof HttpError &&
    /UnknownTaskExecutorException|No TaskExecutor registered/.test(tm.error.errors.join('\n'));

  return (
    <div data-testid="task-manager-page">
      <div className="mb-1 text-xs">
        <Link
          to={taskManagersRoute}
          params={{ clusterId }}
          className="text-sky-700 hover:underline dark:text-sky-400"
        >
          ← Task managers
        </Link>
      </div>
      <PageHeader
        title={
          <span className="flex min-w-0 items-center gap-2">
            <span className="truncate font-mono" title={taskManagerId}>
              {taskManagerId}
            </span>
            {tm.data?.blocked ? (
              <span className="rounded bg-red-100 px-1.5 text-xs font-semibold text-red-900 dark:bg-red-900/60 dark:text-red-100">
                BLOCKED
              </span>
            ) : null}
            <CopyButton text={taskManagerId} ariaLabel="Copy task manager id" />
          </span>
        }
        subtitle={
          tm.data ? (
            <span className="font-mono text-xs" title={tm.data.path}>
              {addressOf(tm.data.path)} · {tm.data.path}
            </span>
          ) : undefined
        }
      />
      {unknown && tm.data === undefined ? (
        <div
          role="alert"
          data-testid="tm-unknown"
          className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
        >
          <p className="font-semibold">
            No task manager “{taskManagerId}” is registered with the job manager.
          </p>
          <p className="mt-1">
            It may have stopped or lost its connection. Its logs are gone with it; the{' '}
            <Link to={taskManagersRoute} params={{ clusterId }} className="underline">
              list of task managers
            </Link>{' '}
            shows the ones running now.
          </p>
        </div>
      ) : (
        <Tabs label="Task manager" tabs={TABS} value={tab} onChange={setTab}>
          {tab === 'overview' ? (
            <QueryState query={tm} skeletonRows={10}>
              {(data) => <OverviewTab clusterId={clusterId} tm={data} metrics={metrics} />}
            </QueryState>
          ) : tab === 'logs' ? (
            <LogsTab
              clusterId={clusterId}
              tmId={taskManagerId}
              file={search.file ?? MAIN_LOG}
              onSelect={setFile}
            />
          ) : tab === 'threads' ? (
            <ThreadDumpTab clusterId={clusterId} tmId={taskManagerId} />
          ) : (
            <ProfilerTab clusterId={clusterId} tmId={taskManagerId} />
          )}
        </Tabs>
      )}
    </div>
  );
}
