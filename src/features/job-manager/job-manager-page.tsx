import { useCallback } from 'react';
import { jobManagerRoute, useNavigateSearch, useRouteParams, useRouteSearch } from '@/app/router';
import { useFlinkConfig } from '@/api/flink/queries';
import { PageHeader } from '@/components/page-header';
import { Tabs } from '@/components/tabs';
import { MAIN_LOG } from '@/components/log-files/log-files-panel';
import { AdminTab } from './admin-tab';
import { ConfigTab, EnvironmentTab } from './info-tabs';
import { MetricsTab } from './metrics-tab';
import { LogsTab, ProfilerTab, ThreadDumpTab } from './process-tabs';

const TABS = [
  { value: 'config', label: 'Configuration' },
  { value: 'environment', label: 'Environment' },
  { value: 'metrics', label: 'Metrics' },
  { value: 'logs', label: 'Logs' },
  { value: 'threads', label: 'Thread dump' },
  { value: 'profiler', label: 'Profiler' },
  { value: 'admin', label: 'Admin' },
] as const;
type Tab = (typeof TABS)[number]['value'];
const isTab = (v: string | undefined): v is Tab => TABS.some((t) => t.value === v);

/**
 * The job manager: its configuration, JVM, metrics, logs, threads and profiler, and cluster
 * administration (cached data sets, shutdown). Tab (`tab`) and log file (`file`) are in the URL.
 */
export function JobManagerPage() {
  const { clusterId } = useRouteParams(jobManagerRoute);
  const search = useRouteSearch(jobManagerRoute);
  const navigate = useNavigateSearch(jobManagerRoute);
  const config = useFlinkConfig(clusterId);
  const tab: Tab = isTab(search.tab) ? search.tab : 'config';
  const setTab = useCallback(
    (t: Tab) => navigate((prev) => ({ ...prev, tab: t === 'config' ? undefined : t })),
    [navigate],
  );
  const setFile = useCallback(
    (file: string) =>
      navigate((prev) => ({ ...prev, tab: 'logs', file: file === MAIN_LOG ? undefined : file })),
    [navigate],
  );
  return (
    <div data-testid="job-manager-page">
      <PageHeader
        title="Job manager"
        subtitle={
          config.data
            ? `Flink ${config.data['flink-version']}${config.data['flink-revision'] ? ` · ${config.data['flink-revision']}` : ''}`
            : undefined
        }
      />
      <Tabs label="Job manager" tabs={TABS} value={tab} onChange={setTab}>
        {tab === 'config' ? (
          <ConfigTab clusterId={clusterId} />
        ) : tab === 'environment' ? (
          <EnvironmentTab clusterId={clusterId} />
        ) : tab === 'metrics' ? (
          <MetricsTab clusterId={clusterId} />
        ) : tab === 'logs' ? (
          <LogsTab clusterId={clusterId} file={search.file ?? MAIN_LOG} onSelect={setFile} />
        ) : tab === 'threads' ? (
          <ThreadDumpTab clusterId={clusterId} />
        ) : tab === 'profiler' ? (
          <ProfilerTab clusterId={clusterId} />
        ) : (
          <AdminTab clusterId={clusterId} />
        )}
      </Tabs>
    </div>
  );
}
