/** Polls one SeaTunnel cluster for triage: overview, running jobs (with metrics), failed jobs. */
import { useEffect, useEffectEvent, useMemo } from 'react';
import { useConnectionStatus } from '@/api/connection-status';
import { recordMetrics } from '@/api/metric-store';
import {
  useSeaTunnelFinishedJobs,
  useSeaTunnelOverview,
  useSeaTunnelRunningJobs,
} from '@/api/seatunnel/queries';
import { evaluateSeaTunnel } from '../rules/engine';
import { observeSeaTunnel } from '../rules/history';
import { resolveThresholds } from '../rules/thresholds';
import type { SeaTunnelInput } from '../rules/types';
import { jobKey, type JobStateEntry } from '../store/notify';
import { watchedJobs } from '../store/preferences';
import { publishCluster } from '../store/triage-store';
import { seatunnelHistory, setSeatunnelHistory } from './histories';
import type { CollectorProps } from './collector-props';
import { seatunnelSamples } from './samples';

export function SeaTunnelCollector({ cluster, triageConfig, onNotify }: CollectorProps) {
  const c = cluster.id;
  const t = useMemo(() => resolveThresholds(triageConfig, c), [triageConfig, c]);
  const connection = useConnectionStatus(c);
  const overview = useSeaTunnelOverview(c);
  const running = useSeaTunnelRunningJobs(c);
  const failed = useSeaTunnelFinishedJobs(c, 'FAILED');

  const signature = [
    overview.dataUpdatedAt,
    running.dataUpdatedAt,
    failed.dataUpdatedAt,
    connection.disconnectedSince ?? 0,
    JSON.stringify(t),
  ].join(';');

  const evaluate = useEffectEvent(() => {
    const now = Date.now();
    const input: SeaTunnelInput = {
      kind: 'seatunnel',
      cluster: { id: c, name: cluster.name },
      now,
      connection: {
        ...(connection.disconnectedSince !== undefined
          ? { disconnectedSince: connection.disconnectedSince }
          : {}),
        ...(connection.lastError !== undefined ? { lastError: connection.lastError } : {}),
      },
      ...(overview.data ? { overview: { data: overview.data, at: overview.dataUpdatedAt } } : {}),
      ...(running.data ? { running: { data: running.data, at: running.dataUpdatedAt } } : {}),
      ...(failed.data ? { failed: { data: failed.data, at: failed.dataUpdatedAt } } : {}),
    };
    const history = observeSeaTunnel(seatunnelHistory(c), input);
    setSeatunnelHistory(c, history);
    const jobStates: Record<string, JobStateEntry> = {};
    for (const j of [...(failed.data ?? []), ...(running.data ?? [])]) {
      jobStates[jobKey(c, j.jobId)] = { clusterId: c, jobId: j.jobId, name: j.jobName, state: j.jobStatus };
    }
    if (running.data || connection.disconnectedSince !== undefined) {
      onNotify(publishCluster(c, evaluateSeaTunnel(input, history, t), jobStates, watchedJobs(), now));
    }
    for (const batch of seatunnelSamples(input)) recordMetrics(batch.values, batch.t);
  });

  useEffect(() => {
    evaluate();
  }, [signature]);

  return null;
}
