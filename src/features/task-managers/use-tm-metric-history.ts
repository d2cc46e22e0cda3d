import { useMemo } from 'react';
import { useTaskManagerMetrics } from '@/api/flink/queries';
import { metricValues } from '@/api/flink/metric-values';
import { usePersistedMetricHistory, useRecordMetrics } from '@/components/metric-history';
import { collectors, polledMetrics } from './utils/tm-metrics';

/**
 * Polls the task manager's JVM, network and GC metrics while its page is open (whatever tab is
 * shown) and records them in a history that survives reloads for 30 minutes.
 * `gcNames` comes from the task manager details; polling waits for it.
 */
export function useTaskManagerMetricHistory(
  clusterId: string,
  tmId: string,
  gcNames: readonly string[] | undefined,
) {
  const history = usePersistedMetricHistory(`flink:${clusterId}:tm:${tmId}`);
  const gcKey = gcNames?.join('\n');
  const gc = useMemo(
    () => (gcKey === undefined ? undefined : collectors(gcKey ? gcKey.split('\n') : [])),
    [gcKey],
  );
  const names = useMemo(() => (gc ? polledMetrics(gc) : undefined), [gc]);
  const query = useTaskManagerMetrics(clusterId, names ? tmId : undefined, { get: names });
  const values = useMemo(() => (query.data ? metricValues(query.data) : undefined), [query.data]);
  useRecordMetrics(history, values, query.dataUpdatedAt);
  return { history, query, values, collectors: gc ?? [] };
}
