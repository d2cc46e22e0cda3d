import { useNavigate } from '@tanstack/react-router';
import { useDashboardSettings } from '@/api/dashboard/clusters';
import { useOptionalClusterId } from '@/hooks/use-cluster-id';

/** Switches cluster but stays on the same kind of view where that makes sense (overview). */
export function ClusterSwitcher() {
  const { data } = useDashboardSettings();
  const current = useOptionalClusterId();
  const navigate = useNavigate();
  if (!data) return null;
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">Cluster</span>
      <select
        data-testid="cluster-switcher"
        value={current ?? ''}
        onChange={(e) =>
          void (e.target.value
            ? navigate({ to: '/clusters/$clusterId/overview', params: { clusterId: e.target.value } })
            : navigate({ to: '/' }))
        }
        className="max-w-56 rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-800"
      >
        <option value="">All clusters</option>
        {data.clusters.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} ({c.kind === 'flink' ? 'Flink' : 'SeaTunnel'})
          </option>
        ))}
      </select>
    </label>
  );
}
