/**
 * LogFilesPanel: the logs of one Flink process (job manager or a task manager). A list on the
 * left (the main log, stdout, then every file of `/logs`) and the chosen file in the LogViewer.
 * The choice is a value the page keeps in the URL (`file`): "log", "stdout" or a file name.
 *
 *   <LogFilesPanel files={useTaskManagerLogs(c, id)} selected={search.file ?? 'log'}
 *     onSelect={(file) => navigate({ search: (s) => ({ ...s, file }) })}>
 *     {search.file === 'stdout' ? <LogText query={useTaskManagerStdout(c, id)} fileName="tm.out" /> : …}
 *   </LogFilesPanel>
 */
import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { LogViewer } from '@/components/log-viewer';
import { QueryError, QueryState } from '@/components/query-state';
import type { TimeZoneChoice } from '@/lib/format';
import { ITEM, LogFileList, type LogFileInfo } from './log-file-list';

export type { LogFileInfo } from './log-file-list';

/** The two files every Flink process serves without a name. */
export const MAIN_LOG = 'log';
export const STDOUT = 'stdout';

export interface LogFilesPanelProps {
  files: UseQueryResult<{ logs: LogFileInfo[] }>;
  selected: string;
  onSelect: (file: string) => void;
  timeZone: TimeZoneChoice;
  children: ReactNode;
}

export function LogFilesPanel({ files, selected, onSelect, timeZone, children }: LogFilesPanelProps) {
  const list = [...(files.data?.logs ?? [])].sort(
    (a, b) => (b.mtime ?? 0) - (a.mtime ?? 0) || a.name.localeCompare(b.name),
  );
  return (
    <div className="flex flex-col gap-3 lg:flex-row" data-testid="log-files-panel">
      <nav aria-label="Log files" className="shrink-0 lg:w-64">
        <ul className="space-y-0.5 rounded-lg border border-slate-200 bg-white p-1 dark:border-slate-800 dark:bg-slate-900">
          <li>
            <button
              type="button"
              className={ITEM}
              aria-current={selected === MAIN_LOG}
              onClick={() => onSelect(MAIN_LOG)}
            >
              <span className="font-medium">Main log</span>
              <span className="block text-[11px] text-slate-500">the process’s current .log file</span>
            </button>
          </li>
          <li>
            <button
              type="button"
              className={ITEM}
              aria-current={selected === STDOUT}
              onClick={() => onSelect(STDOUT)}
            >
              <span className="font-medium">Stdout</span>
              <span className="block text-[11px] text-slate-500">System.out and System.err (.out)</span>
            </button>
          </li>
        </ul>
        <h3 className="mb-1 mt-3 px-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500">
          All files {files.data ? `(${list.length})` : ''}
        </h3>
        {files.isPending ? (
          <p className="px-1 text-xs text-slate-500">Loading…</p>
        ) : files.data === undefined ? (
          <QueryError error={files.error} onRetry={() => void files.refetch()} compact />
        ) : list.length === 0 ? (
          <p className="px-1 text-xs text-slate-500">No log files listed.</p>
        ) : (
          <LogFileList files={list} selected={selected} onSelect={onSelect} timeZone={timeZone} />
        )}
      </nav>
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}

const RELOAD =
  'rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-40 dark:border-slate-700 dark:hover:bg-slate-800';

/** One log file's text in the LogViewer, with a Reload button (logs are fetched on demand). */
export function LogText({ query, fileName }: { query: UseQueryResult<string>; fileName: string }) {
  return (
    <QueryState query={query} skeletonRows={12}>
      {(text) => (
        <LogViewer
          key={fileName}
          text={text}
          fileName={fileName}
          height="calc(100vh - 300px)"
          defaultFollow
          testId="log-viewer"
          empty={`${fileName} is empty.`}
          toolbarExtra={
            <button
              type="button"
              className={RELOAD}
              disabled={query.isFetching}
              onClick={() => void query.refetch()}
              title="Fetch the file again"
            >
              {query.isFetching ? 'Loading…' : 'Reload'}
            </button>
          }
        />
      )}
    </QueryState>
  );
}
