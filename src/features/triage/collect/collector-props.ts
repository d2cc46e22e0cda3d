import type { ClusterInfo } from '@/api/dashboard/clusters';
import type { NotificationSpec } from '../store/notify';

/** What the triage monitor gives each cluster's collector, Flink or SeaTunnel. */
export interface CollectorProps {
  cluster: ClusterInfo;
  triageConfig: Record<string, number> | undefined;
  onNotify: (specs: NotificationSpec[]) => void;
}
