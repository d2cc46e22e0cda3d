import { useMemo, useState, type ReactNode } from 'react';
import { jobRoute, useRouteParams } from '@/app/router';
import { isNotSupported } from '@/api/errors';
import {
  useJobAccumulators,
  useJobConfig,
  useJobDetails,
  useJobMetrics,
  useResourceRequirements,
} from '@/api/flink/queries';
import type { UserAccumulator } from '@/api/flink/schemas';
import { DataTable, type Column } from '@/components/data-table';
import { QueryError, QueryState } from '@/components/query-state';
import { formatExact } from '@/lib/format';
import { useTimeZone } from '@/stores/preferences';
import {
  DEFAULT_JOB_METRICS,
  executionConfigRows,
  filterKeyValues,
  formatJobMetric,
  requirementRows,
  userConfigRows,
  type KeyValue,
  type RequirementRow,
} from './utils/job-config';

/**
 * What the job runs with: execution and user configuration (`/jobs/:jobid/config`, one search
 * for both), accumulators, chosen job metrics with readable units, and the adaptive scheduler's
 * parallelism bounds per vertex (`/resource-requirements`).
 */
export default function JobConfigurationTab() {
  const { clusterId, jobId } = useRouteParams(jobRoute);
  const [q, setQ] = useState('');
  return (
    <div className="grid gap-6 xl:grid-cols-2" data-testid="job-configuration">
      <div className="min-w-0 space-y-6">
        <input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="Search configuration keys and values"
          aria-label="Search configuration"
          data-testid="config-search"
          className="w-full max-w-md rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm placeholder:text-slate-400 focus:border-sky-500 focus:outline-none focus:ring-1 focus:ring-sky-500 dark:border-slate-700 dark:bg-slate-900"
        />
        <ConfigSections clusterId={clusterId} jobId={jobId} q={q} />
      </div>
      <div className="min-w-0 space-y-6">
        <MetricsSection clusterId={clusterId} jobId={jobId} />
        <AccumulatorsSection clusterId={clusterId} jobId={jobId} />
        <RequirementsSection clusterId={clusterId} jobId={jobId} />
      </div>
    </div>
  );
}

function Section({
  title,
  count,
  children,
  testId,
}: {
  title: string;
  count?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section data-testid={testId}>
      <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">
        {title} {count !== undefined ? <span className="font-normal">({count})</span> : null}
      </h2>
      {children}
    </section>
  );
}

const KV_COLUMNS: Column<KeyValue>[] = [
  {
    id: 'key',
    header: 'Key',
    width: '40%',
    sortValue: (r) => r.key,
    cell: (r) => (
      <span className="font-mono text-xs" title={r.key}>
        {r.key}
      </span>
    ),
  },
  {
    id: 'value',
    header: 'Value',
    sortValue: (r) => r.value,
    cell: (r) => (
      <span className="font-mono text-xs" title={r.value}>
        {r.value}
      </span>
    ),
  },
];
const kvKey = (r: KeyValue) => r.key;

function ConfigSections({ clusterId, jobId, q }: { clusterId: string; jobId: string; q: string }) {
  const config = useJobConfig(clusterId, jobId);
  return (
    <QueryState query={config} skeletonRows={6}>
      {(data) => {
        const exec = filterKeyValues(executionConfigRows(data), q);
        const allUser = userConfigRows(data);
        const user = filterKeyValues(allUser, q);
        return (
          <>
            <Section title="Execution configuration" testId="execution-config">
              {exec.length === 0 ? (
                <p className="text-sm text-slate-500">
                  {q ? 'No setting matches the search.' : 'The cluster reports no execution configuration.'}
                </p>
              ) : (
                <dl className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
                  {exec.map((r) => (
                    <div key={r.key} className="grid grid-cols-[12rem_minmax(0,1fr)] gap-3 px-3 py-2">
                      <dt className="text-slate-500">{r.key}</dt>
                      <dd className="break-words font-mono text-xs leading-5">{r.value}</dd>
                    </div>
                  ))}
                </dl>
              )}
            </Section>
            <Section
              title="User configuration"
              count={q ? `${user.length} of ${allUser.length}` : allUser.length}
              testId="user-config"
            >
              <DataTable
                label="User configuration"
                columns={KV_COLUMNS}
                rows={user}
                rowKey={kvKey}
                defaultSort={{ id: 'key', desc: false }}
                maxHeight={420}
                empty={
                  allUser.length === 0
                    ? 'No user configuration (global job parameters) was set.'
                    : 'No user setting matches the search.'
                }
              />
            </Section>
          </>
        );
      }}
    </QueryState>
  );
}

function MetricsSection({ clusterId, jobId }: { clusterId: string; jobId: string }) {
  const zone = useTimeZone();
  const available = useJobMetrics(clusterId, jobId, {});
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [filter, setFilter] = useState('');
  const ids = useMemo(
    () => (available.data ?? []).map((m) => m.id).sort((a, b) => a.localeCompare(b)),
    [available.data],
  );
  const picked = chosen ?? DEFAULT_JOB_METRICS.filter((m) => ids.includes(m));
  const values = useJobMetrics(clusterId, picked.length > 0 ? jobId : undefined, { get: picked });
  const byId = new Map((values.data ?? []).map((m) => [m.id, m.value]));
  const toggle = (id: string) =>
    setChosen(picked.includes(id) ? picked.filter((m) => m !== id) : [...picked, id]);
  const shown = ids.filter((id) => id.toLowerCase().includes(filter.toLowerCase()));

  return (
    <Section title="Job metrics" testId="job-metrics">
      <QueryState
        query={available}
        skeletonRows={3}
        isEmpty={(d) => d.length === 0}
        empty={<p className="text-sm text-slate-500">The job reports no metrics.</p>}
      >
        {() => (
          <div className="grid gap-3 rounded-lg border border-slate-200 bg-white p-3 md:grid-cols-[minmax(0,14rem)_minmax(0,1fr)] dark:border-slate-800 dark:bg-slate-900">
            <div className="min-w-0">
              <input
                type="search"
                value={filter}
                onChange={(e) => setFilter(e.target.value)}
                placeholder={`Find among ${ids.length} metrics`}
                aria-label="Find a metric"
                className="mb-2 w-full rounded border border-slate-300 bg-white px-2 py-1 text-xs dark:border-slate-700 dark:bg-slate-900"
              />
              <ul
                className="max-h-60 overflow-auto pr-1 text-xs"
                aria-label="Available metrics"
                data-testid="metric-picker"
              >
                {shown.map((id) => (
                  <li key={id}>
                    <label className="flex cursor-pointer items-center gap-1.5 rounded px-1 py-0.5 hover:bg-slate-100 dark:hover:bg-slate-800">
                      <input
                        type="checkbox"
                        checked={picked.includes(id)}
                        onChange={() => toggle(id)}
                        className="accent-sky-600"
                      />
                      <span className="truncate font-mono" title={id}>
                        {id}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </div>
            <div className="min-w-0">
              {picked.length === 0 ? (
                <p className="text-sm text-slate-500">Tick metrics to see their values.</p>
              ) : values.isError && !values.data ? (
                <QueryError error={values.error} compact onRetry={() => void values.refetch()} />
              ) : (
                <table className="w-full text-sm" data-testid="metric-values">
                  <tbody>
                    {picked.map((id) => {
                      const raw = byId.get(id);
                      return (
                        <tr
                          key={id}
                          className="border-b border-slate-100 last:border-0 dark:border-slate-800"
                        >
                          <th
                            scope="row"
                            className="truncate py-1 pr-3 text-left font-mono text-xs font-normal text-slate-600 dark:text-slate-400"
                          >
                            {id}
                          </th>
                          <td
                            className="py-1 text-right tabular-nums"
                            title={raw === undefined ? undefined : `raw value: ${raw}`}
                            data-metric={id}
                          >
                            {values.isPending ? '…' : formatJobMetric(id, raw, zone)}
                          </td>
                          <td className="w-6 py-1 text-right">
                            <button
                              type="button"
                              onClick={() => toggle(id)}
                              aria-label={`Remove ${id}`}
                              className="rounded px-1 text-slate-400 hover:bg-slate-200 hover:text-slate-800 dark:hover:bg-slate-800 dark:hover:text-slate-100"
                            >
                              ×
                            </button>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              )}
            </div>
          </div>
        )}
      </QueryState>
    </Section>
  );
}

const ACC_COLUMNS: Column<UserAccumulator>[] = [
  { id: 'name', header: 'Name', sortValue: (a) => a.name, cell: (a) => <span title={a.name}>{a.name}</span> },
  {
    id: 'type',
    header: 'Type',
    width: 150,
    sortValue: (a) => a.type,
    cell: (a) => <span className="text-slate-500">{a.type}</span>,
  },
  {
    id: 'value',
    header: 'Value',
    width: '35%',
    align: 'right',
    sortValue: (a) => (Number.isFinite(Number(a.value)) ? Number(a.value) : a.value),
    cell: (a) => (
      <span className="tabular-nums" title={a.value}>
        {accumulatorValue(a.value)}
      </span>
    ),
  },
];
/** Counters arrive as strings ("17413004"): shown with separators; anything else as sent. */
const accumulatorValue = (v: string) => (/^\d+(\.\d+)?$/.test(v) ? formatExact(Number(v)) : v);
const accKey = (a: UserAccumulator) => `${a.name}\u0000${a.type}`;

function AccumulatorsSection({ clusterId, jobId }: { clusterId: string; jobId: string }) {
  const acc = useJobAccumulators(clusterId, jobId);
  return (
    <Section title="Accumulators" count={acc.data?.['user-task-accumulators'].length} testId="accumulators">
      <QueryState query={acc} skeletonRows={2}>
        {(data) => (
          <DataTable
            label="Accumulators"
            columns={ACC_COLUMNS}
            rows={data['user-task-accumulators']}
            rowKey={accKey}
            defaultSort={{ id: 'name', desc: false }}
            maxHeight={300}
            empty="The job has no accumulators."
          />
        )}
      </QueryState>
    </Section>
  );
}

const REQ_COLUMNS: Column<RequirementRow>[] = [
  {
    id: 'name',
    header: 'Vertex',
    sortValue: (r) => r.name,
    cell: (r) => <span title={`${r.name} (${r.id})`}>{r.name}</span>,
  },
  {
    id: 'parallelism',
    header: 'Now',
    title: 'Current parallelism',
    width: 80,
    align: 'right',
    sortValue: (r) => r.parallelism,
    cell: (r) => r.parallelism ?? '—',
  },
  {
    id: 'lower',
    header: 'Min',
    title: 'Lower bound of the parallelism',
    width: 80,
    align: 'right',
    sortValue: (r) => r.lowerBound,
    cell: (r) => r.lowerBound,
  },
  {
    id: 'upper',
    header: 'Max',
    title: 'Upper bound of the parallelism',
    width: 80,
    align: 'right',
    sortValue: (r) => r.upperBound,
    cell: (r) => r.upperBound,
  },
];
const reqKey = (r: RequirementRow) => r.id;

function RequirementsSection({ clusterId, jobId }: { clusterId: string; jobId: string }) {
  const req = useResourceRequirements(clusterId, jobId);
  const details = useJobDetails(clusterId, jobId);
  const rows = useMemo(
    () => (req.data ? requirementRows(req.data, details.data?.vertices) : []),
    [req.data, details.data],
  );
  // The default scheduler answers 500 "does not support ...": a fact about the job, not a failure
  // (and asked once, not polled: see ApiError.notSupported).
  const unsupported = !req.data && isNotSupported(req.error);
  return (
    <Section title="Resource requirements" testId="resource-requirements">
      {unsupported ? (
        <p
          className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-500 dark:border-slate-700"
          data-testid="requirements-unsupported"
        >
          Parallelism bounds exist only with the adaptive scheduler (
          <code className="font-mono">jobmanager.scheduler: adaptive</code>
          ); this job runs with the default scheduler.
        </p>
      ) : (
        <QueryState query={req} skeletonRows={2}>
          {() => (
            <DataTable
              label="Resource requirements"
              columns={REQ_COLUMNS}
              rows={rows}
              rowKey={reqKey}
              maxHeight={300}
              empty="No requirements reported."
            />
          )}
        </QueryState>
      )}
    </Section>
  );
}
