import { useDashboardSettings } from '@/api/dashboard/clusters';
import { useOptionalClusterId } from '@/hooks/use-cluster-id';
import { homeRoute, hrefTo, overviewRoute, useNavigate } from '../router';

/** Switches cluster but stays on the same kind of view where that makes sense (overview). */
export function ClusterSwitcher() {
  const { data } = useDashboardSettings();
  const current = useOptionalClusterId();
  const navigate = useNavigate();
  if (!data) return null;
  const selected = data.clusters.find((c) => c.id === current);
  const label = (c: { name: string; kind: string }) =>
    `${c.name} (${c.kind === 'flink' ? 'Flink' : 'SeaTunnel'})`;
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">Cluster</span>
      <select
        data-testid="cluster-switcher"
        value={current ?? ''}
        // The closed box cuts long names; the full one shows on hover.
        title={selected ? label(selected) : 'All clusters'}
        onChange={(e) =>
          navigate(
            e.target.value ? hrefTo(overviewRoute, { clusterId: e.target.value }) : hrefTo(homeRoute, {}),
          )
        }
        className="max-w-56 rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-800"
      >
        <option value="">All clusters</option>
        {data.clusters.map((c) => (
          <option key={c.id} value={c.id}>
            {label(c)}
          </option>
        ))}
      </select>
    </label>
  );
}
