import {
  useJobManagerLog,
  useJobManagerLogFile,
  useJobManagerLogs,
  useJobManagerProfiling,
  useJobManagerStdout,
  useJobManagerThreadDump,
} from '@/api/flink/queries';
import { useTriggerJobManagerProfiling } from '@/api/flink/mutations-cluster';
import { jobManagerProfilerFileUrl, useProfilingEnabled } from '@/api/flink/queries-tm-extra';
import { useReadOnly } from '@/api/dashboard/clusters';
import { LogFilesPanel, LogText, MAIN_LOG, STDOUT } from '@/components/log-files/log-files-panel';
import { ProfilerPanel } from '@/components/profiler/profiler-panel';
import { QueryState } from '@/components/query-state';
import { ThreadDumpView } from '@/components/thread-dump';
import { formatTimestamp } from '@/lib/format';
import { useTimeZone } from '@/stores/preferences';

export function LogsTab({
  clusterId,
  file,
  onSelect,
}: {
  clusterId: string;
  file: string;
  onSelect: (file: string) => void;
}) {
  const files = useJobManagerLogs(clusterId);
  const zone = useTimeZone();
  return (
    <LogFilesPanel files={files} selected={file} onSelect={onSelect} timeZone={zone}>
      {file === MAIN_LOG ? (
        <MainLog clusterId={clusterId} />
      ) : file === STDOUT ? (
        <Stdout clusterId={clusterId} />
      ) : (
        <NamedLog clusterId={clusterId} name={file} />
      )}
    </LogFilesPanel>
  );
}

function MainLog({ clusterId }: { clusterId: string }) {
  return <LogText query={useJobManagerLog(clusterId)} fileName="jobmanager.log" />;
}

function Stdout({ clusterId }: { clusterId: string }) {
  return <LogText query={useJobManagerStdout(clusterId)} fileName="jobmanager.out" />;
}

function NamedLog({ clusterId, name }: { clusterId: string; name: string }) {
  return <LogText query={useJobManagerLogFile(clusterId, name)} fileName={name} />;
}

export function ThreadDumpTab({ clusterId }: { clusterId: string }) {
  const dump = useJobManagerThreadDump(clusterId);
  const zone = useTimeZone();
  const taken = formatTimestamp(dump.dataUpdatedAt, zone);
  return (
    <QueryState query={dump} skeletonRows={10}>
      {(d) => (
        <ThreadDumpView
          threads={d.threadInfos}
          fileName="jobmanager-threads.txt"
          header={`Thread dump of the job manager, taken ${taken}`}
          meta={`taken ${taken}`}
          onReload={() => void dump.refetch()}
          reloading={dump.isFetching}
        />
      )}
    </QueryState>
  );
}

export function ProfilerTab({ clusterId }: { clusterId: string }) {
  const list = useJobManagerProfiling(clusterId);
  const trigger = useTriggerJobManagerProfiling(clusterId);
  const enabled = useProfilingEnabled(clusterId);
  const readOnly = useReadOnly();
  const zone = useTimeZone();
  return (
    <ProfilerPanel
      target="job manager"
      list={list}
      trigger={trigger}
      fileUrl={(f) => jobManagerProfilerFileUrl(clusterId, f)}
      enabledSetting={enabled}
      readOnly={readOnly}
      timeZone={zone}
    />
  );
}
