import { useState } from 'react';
import { useClusterInfo, useReadOnly } from '@/api/dashboard/clusters';
import { useDataSetDeleteStatus, useDataSets } from '@/api/flink/queries';
import { useDeleteDataSet, useShutdownCluster } from '@/api/flink/mutations-cluster';
import { ConfirmDialog } from '@/components/dialog';
import { QueryError, QueryState } from '@/components/query-state';
import { StateBadge } from '@/components/state-badge';
import { formatTimestamp } from '@/lib/format';
import { useTimeZone } from '@/stores/preferences';

const DANGER_BUTTON =
  'rounded border border-red-300 px-2 py-0.5 text-xs font-medium text-red-700 hover:bg-red-50 disabled:opacity-50 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950/50';

/** Cluster administration: cached data sets (delete, with status tracking) and shutting the cluster down. */
export function AdminTab({ clusterId }: { clusterId: string }) {
  const readOnly = useReadOnly();
  return (
    <div className="space-y-6" data-testid="jm-admin">
      {readOnly ? (
        <p className="rounded-md border border-slate-200 bg-white p-3 text-sm text-slate-600 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300">
          The dashboard is in read-only mode: data sets cannot be deleted and the cluster cannot be shut down
          from here.
        </p>
      ) : null}
      <DataSetsSection clusterId={clusterId} readOnly={readOnly} />
      {readOnly ? null : <ShutdownSection clusterId={clusterId} />}
    </div>
  );
}

interface Deletion {
  dataSetId: string;
  triggerId: string;
  at: number;
}

function DataSetsSection({ clusterId, readOnly }: { clusterId: string; readOnly: boolean }) {
  const dataSets = useDataSets(clusterId);
  const del = useDeleteDataSet(clusterId);
  const [target, setTarget] = useState<string | null>(null);
  const [deletions, setDeletions] = useState<Deletion[]>([]);
  const deleting = new Set(deletions.map((d) => d.dataSetId));
  return (
    <section
      aria-label="Cluster data sets"
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 className="text-sm font-semibold">Cluster data sets</h2>
      <p className="mt-1 text-xs text-slate-500">
        Intermediate results of batch jobs cached on the task managers (e.g.{' '}
        <code className="font-mono">cache()</code>) for later jobs to reuse. Deleting one frees the space it
        holds.
      </p>
      <div className="mt-3">
        <QueryState
          query={dataSets}
          skeletonRows={2}
          isEmpty={(d) => d.dataSets.length === 0}
          empty={
            <p className="text-sm text-slate-500" data-testid="no-datasets">
              No cached data set on this cluster.
            </p>
          }
        >
          {(d) => (
            <table className="w-full text-sm" data-testid="datasets">
              <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="py-1.5 pr-3 font-medium">Data set</th>
                  <th className="py-1.5 pr-3 font-medium">Complete</th>
                  <th className="py-1.5 font-medium" />
                </tr>
              </thead>
              <tbody>
                {d.dataSets.map((s) => (
                  <tr
                    key={s.id}
                    className="border-t border-slate-100 dark:border-slate-800"
                    data-testid="dataset-row"
                  >
                    <td className="py-1.5 pr-3 font-mono text-xs">{s.id}</td>
                    <td className="py-1.5 pr-3 text-xs">
                      {s.isComplete ? 'complete' : 'partial (some partitions lost)'}
                    </td>
                    <td className="py-1.5 text-right">
                      {readOnly ? null : (
                        <button
                          type="button"
                          className={DANGER_BUTTON}
                          disabled={deleting.has(s.id)}
                          onClick={() => setTarget(s.id)}
                        >
                          {deleting.has(s.id) ? 'Deleting…' : 'Delete'}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </QueryState>
      </div>
      {deletions.length > 0 ? (
        <div className="mt-4">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Deletions</h3>
          <ul className="mt-1 space-y-1" data-testid="dataset-deletions">
            {deletions.map((d) => (
              <DeletionStatus key={d.triggerId} clusterId={clusterId} deletion={d} />
            ))}
          </ul>
        </div>
      ) : null}
      <ConfirmDialog
        open={target !== null}
        onClose={() => setTarget(null)}
        action="Delete data set"
        target={target ?? ''}
        description="The cached result is removed from every task manager. Jobs that would reuse it compute it again."
        onConfirm={async () => {
          if (target === null) return;
          const { triggerId } = await del.mutateAsync(target);
          setDeletions((prev) => [
            { dataSetId: target, triggerId, at: Date.now() },
            ...prev.filter((p) => p.dataSetId !== target),
          ]);
        }}
      />
    </section>
  );
}

function DeletionStatus({ clusterId, deletion }: { clusterId: string; deletion: Deletion }) {
  const status = useDataSetDeleteStatus(clusterId, deletion.triggerId);
  const zone = useTimeZone();
  const state = status.data
    ? status.data.failure
      ? 'FAILED'
      : status.data.done
        ? 'COMPLETED'
        : 'IN_PROGRESS'
    : status.isError
      ? 'UNKNOWN'
      : 'IN_PROGRESS';
  return (
    <li
      className="flex flex-wrap items-center gap-2 text-xs"
      data-testid="dataset-deletion"
      data-state={state}
    >
      <StateBadge state={state === 'COMPLETED' ? 'DELETED' : state} />
      <span className="font-mono">{deletion.dataSetId}</span>
      <span className="text-slate-500">
        requested {formatTimestamp(deletion.at, zone)} · trigger{' '}
        <span className="font-mono">{deletion.triggerId}</span>
      </span>
      {status.data?.failure ? (
        <span className="text-red-700 dark:text-red-400">{status.data.failure.className ?? 'failed'}</span>
      ) : null}
      {status.isError && !status.data ? <QueryError error={status.error} compact /> : null}
    </li>
  );
}

function ShutdownSection({ clusterId }: { clusterId: string }) {
  const info = useClusterInfo(clusterId);
  const name = info?.name ?? clusterId;
  const shutdown = useShutdownCluster(clusterId);
  const zone = useTimeZone();
  const [step, setStep] = useState<0 | 1 | 2>(0);
  const [requestedAt, setRequestedAt] = useState<number | null>(null);
  return (
    <section
      aria-label="Shut down the cluster"
      className="rounded-lg border border-red-200 bg-white p-4 dark:border-red-900/70 dark:bg-slate-900"
      data-testid="shutdown-section"
    >
      <h2 className="text-sm font-semibold text-red-800 dark:text-red-300">Shut down the cluster</h2>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
        Stops the Flink cluster <span className="font-semibold">{name}</span> (
        <code className="font-mono">DELETE /cluster</code>): running jobs stop without a savepoint and the job
        manager exits. In a standalone session, task managers started on their own keep running until stopped;
        on Kubernetes or YARN the whole deployment goes away.
      </p>
      {requestedAt !== null ? (
        <p
          role="status"
          className="mt-3 rounded bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950/50 dark:text-amber-100"
          data-testid="shutdown-requested"
        >
          Shutdown requested at {formatTimestamp(requestedAt, zone)}. The dashboard shows the cluster as
          unreachable once the job manager has stopped.
        </p>
      ) : (
        <button
          type="button"
          className="mt-3 rounded bg-red-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-700 dark:bg-red-700 dark:hover:bg-red-600"
          onClick={() => setStep(1)}
        >
          Shut down cluster…
        </button>
      )}
      <ConfirmDialog
        open={step === 1}
        onClose={() => setStep((s) => (s === 1 ? 0 : s))}
        action="Shut down"
        target={name}
        confirmLabel="Continue"
        description={
          <>
            Every running job on this cluster stops, without a savepoint. Take savepoints first if you want to
            resume them. Next you will type the cluster’s name to confirm.
          </>
        }
        onConfirm={() => setStep(2)}
      />
      <ConfirmDialog
        open={step === 2}
        onClose={() => setStep(0)}
        action="Shut down cluster"
        target={name}
        requireTyping
        description="This cannot be undone from the dashboard: the cluster has to be started again where it runs."
        onConfirm={async () => {
          await shutdown.mutateAsync();
          setRequestedAt(Date.now());
        }}
      />
    </section>
  );
}
