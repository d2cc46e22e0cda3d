import { useAuditEntries, type AuditEntry } from '@/api/dashboard/access';
import { useDashboardSettings } from '@/api/dashboard/clusters';
import { activityRoute, jobRoute, Link, useNavigateSearch, useRouteSearch } from '@/app/router';
import { PageHeader } from '@/components/page-header';
import { QueryError } from '@/components/query-state';
import { actionLabel, auditOutcome } from '@/lib/audit-summary';
import { formatTimestamp } from '@/lib/format';
import { useTimeZone } from '@/stores/preferences';

/** The audit trail: every change made (or refused) through the dashboard, newest first. */
export function ActivityPage() {
  const search = useRouteSearch(activityRoute);
  const setSearch = useNavigateSearch(activityRoute);
  const clusters = useDashboardSettings().data?.clusters ?? [];
  const entries = useAuditEntries({ ...search, limit: 200 });
  const zone = useTimeZone();

  return (
    <div className="space-y-4">
      <PageHeader
        title="Activity"
        subtitle="Every action taken or refused through this dashboard, newest first"
      />
      <form className="flex flex-wrap items-end gap-3 text-sm" onSubmit={(e) => e.preventDefault()}>
        <label className="flex flex-col gap-1">
          Cluster
          <select
            className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
            value={search.cluster ?? ''}
            onChange={(e) =>
              setSearch((s) => ({ ...s, cluster: e.target.value || undefined }), { replace: true })
            }
            data-testid="activity-cluster"
          >
            <option value="">All clusters</option>
            {clusters.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <FilterInput
          label="User"
          value={search.user}
          onChange={(user) => setSearch((s) => ({ ...s, user }), { replace: true })}
        />
        <FilterInput
          label="Job id"
          value={search.job}
          onChange={(job) => setSearch((s) => ({ ...s, job }), { replace: true })}
        />
      </form>
      {entries.isError ? (
        <QueryError error={entries.error} onRetry={() => void entries.refetch()} />
      ) : entries.isPending ? (
        <p className="text-sm text-slate-500">Loading the audit trail…</p>
      ) : entries.data.length === 0 ? (
        <p className="text-sm text-slate-500" data-testid="activity-empty">
          No actions recorded{search.cluster || search.user || search.job ? ' for these filters' : ''}.
        </p>
      ) : (
        <table className="w-full text-left text-sm" data-testid="activity-table">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th className="py-1 pr-3">Time</th>
              <th className="py-1 pr-3">User</th>
              <th className="py-1 pr-3">Action</th>
              <th className="py-1 pr-3">Cluster / job</th>
              <th className="py-1">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {entries.data.map((e) => (
              <ActivityRow key={e.id} entry={e} zone={zone} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function ActivityRow({ entry: e, zone }: { entry: AuditEntry; zone: ReturnType<typeof useTimeZone> }) {
  return (
    <tr className="border-t border-slate-200 align-top dark:border-slate-800" data-testid="activity-row">
      <td className="py-1.5 pr-3 whitespace-nowrap tabular-nums">
        {formatTimestamp(Date.parse(e.time), zone)}
      </td>
      <td className="py-1.5 pr-3">
        {e.user ?? 'anonymous'}{' '}
        <span className="text-xs text-slate-500" data-testid="activity-role">
          ({e.role ? `${e.role}, ` : ''}
          {e.client})
        </span>
      </td>
      <td className="py-1.5 pr-3">{actionLabel(e)}</td>
      <td className="py-1.5 pr-3">
        {e.cluster ?? '—'}
        {e.cluster && e.jobId ? (
          <>
            {' / '}
            <Link
              to={jobRoute}
              params={{ clusterId: e.cluster, jobId: e.jobId }}
              className="text-sky-700 hover:underline dark:text-sky-400"
            >
              {e.jobId.slice(0, 8)}
            </Link>
          </>
        ) : null}
      </td>
      <td
        className={`py-1.5 break-words ${e.refused || (e.response?.status ?? 0) >= 400 ? 'text-red-700 dark:text-red-400' : ''}`}
      >
        {auditOutcome(e, zone)}
      </td>
    </tr>
  );
}

function FilterInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | undefined;
  onChange: (v: string | undefined) => void;
}) {
  return (
    <label className="flex flex-col gap-1">
      {label}
      <input
        className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
        defaultValue={value ?? ''}
        onChange={(e) => onChange(e.target.value.trim() || undefined)}
        data-testid={`activity-${label.toLowerCase().replace(/\s.*/, '')}`}
      />
    </label>
  );
}
