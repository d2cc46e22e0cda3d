import {
  useTaskManagerLog,
  useTaskManagerLogFile,
  useTaskManagerLogs,
  useTaskManagerProfiling,
  useTaskManagerStdout,
  useTaskManagerThreadDump,
} from '@/api/flink/queries';
import { useTriggerTaskManagerProfiling } from '@/api/flink/mutations-cluster';
import { taskManagerProfilerFileUrl, useProfilingEnabled } from '@/api/flink/queries-tm-extra';
import { useReadOnly } from '@/api/dashboard/clusters';
import { LogFilesPanel, LogText, MAIN_LOG, STDOUT } from '@/components/log-files/log-files-panel';
import { ProfilerPanel } from '@/components/profiler/profiler-panel';
import { QueryState } from '@/components/query-state';
import { ThreadDumpView } from '@/components/thread-dump';
import { formatTimestamp } from '@/lib/format';
import { useTimeZone } from '@/stores/preferences';

/** A task manager id as part of a file name (ids look like `10.0.0.5:46259-d3db28`). */
export const fileSafe = (s: string) => s.replace(/[^\w.-]+/g, '_');

export function LogsTab({
  clusterId,
  tmId,
  file,
  onSelect,
}: {
  clusterId: string;
  tmId: string;
  file: string;
  onSelect: (file: string) => void;
}) {
  const files = useTaskManagerLogs(clusterId, tmId);
  const zone = useTimeZone();
  return (
    <LogFilesPanel files={files} selected={file} onSelect={onSelect} timeZone={zone}>
      {file === MAIN_LOG ? (
        <MainLog clusterId={clusterId} tmId={tmId} />
      ) : file === STDOUT ? (
        <Stdout clusterId={clusterId} tmId={tmId} />
      ) : (
        <NamedLog clusterId={clusterId} tmId={tmId} name={file} />
      )}
    </LogFilesPanel>
  );
}

function MainLog({ clusterId, tmId }: { clusterId: string; tmId: string }) {
  return (
    <LogText query={useTaskManagerLog(clusterId, tmId)} fileName={`taskmanager-${fileSafe(tmId)}.log`} />
  );
}

function Stdout({ clusterId, tmId }: { clusterId: string; tmId: string }) {
  return (
    <LogText query={useTaskManagerStdout(clusterId, tmId)} fileName={`taskmanager-${fileSafe(tmId)}.out`} />
  );
}

function NamedLog({ clusterId, tmId, name }: { clusterId: string; tmId: string; name: string }) {
  return <LogText query={useTaskManagerLogFile(clusterId, tmId, name)} fileName={name} />;
}

export function ThreadDumpTab({ clusterId, tmId }: { clusterId: string; tmId: string }) {
  const dump = useTaskManagerThreadDump(clusterId, tmId);
  const zone = useTimeZone();
  const taken = formatTimestamp(dump.dataUpdatedAt, zone);
  return (
    <QueryState query={dump} skeletonRows={10}>
      {(d) => (
        <ThreadDumpView
          threads={d.threadInfos}
          fileName={`taskmanager-${fileSafe(tmId)}-threads.txt`}
          header={`Thread dump of task manager ${tmId}, taken ${taken}`}
          meta={`taken ${taken}`}
          onReload={() => void dump.refetch()}
          reloading={dump.isFetching}
        />
      )}
    </QueryState>
  );
}

export function ProfilerTab({ clusterId, tmId }: { clusterId: string; tmId: string }) {
  const list = useTaskManagerProfiling(clusterId, tmId);
  const trigger = useTriggerTaskManagerProfiling(clusterId, tmId);
  const enabled = useProfilingEnabled(clusterId);
  const readOnly = useReadOnly();
  const zone = useTimeZone();
  return (
    <ProfilerPanel
      target={`task manager ${tmId}`}
      list={list}
      trigger={trigger}
      fileUrl={(f) => taskManagerProfilerFileUrl(clusterId, tmId, f)}
      enabledSetting={enabled}
      readOnly={readOnly}
      timeZone={zone}
    />
  );
}
