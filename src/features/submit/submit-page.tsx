import { useState, type ReactNode } from 'react';
import { useReadOnly } from '@/api/dashboard/clusters';
import { useFlinkConfig, useJars } from '@/api/flink/queries';
import { useDeleteJar } from '@/api/flink/mutations-cluster';
import type { JarList } from '@/api/flink/schemas';
import { ConfirmDialog } from '@/components/dialog';
import { PageHeader } from '@/components/page-header';
import { PageSkeleton } from '@/components/page-skeleton';
import { QueryError, QueryState } from '@/components/query-state';
import { useClusterId } from '@/hooks/use-cluster-id';
import { formatTimestamp } from '@/lib/format';
import { useTimeZone } from '@/stores/preferences';
import { RunPanel } from './run-panel';
import { UploadCard } from './upload-card';

type Jar = JarList['files'][number];

const SELECTED_KEY = (c: string) => `streamdash.submit-selected:${c}`;
const session = (): Storage | undefined => {
  try {
    return sessionStorage;
  } catch {
    return undefined;
  }
};

/**
 * Web submission: upload jars, look at a job's plan before it runs, run it with its arguments
 * and restore settings, delete jars. Shown only where the cluster allows web submission
 * (`/config` features.web-submit) and the dashboard is not read-only.
 */
export function SubmitPage() {
  const clusterId = useClusterId();
  const config = useFlinkConfig(clusterId);
  const readOnly = useReadOnly();
  const header = <PageHeader title="Submit a job" subtitle="Upload a jar, preview its plan, run it" />;
  if (readOnly) {
    return (
      <div>
        {header}
        <Notice testId="submit-read-only" title="Submitting is off: the dashboard is in read-only mode.">
          The dashboard was started with <code className="font-mono">readOnly: true</code> (or{' '}
          <code className="font-mono">DASHBOARD_READ_ONLY=true</code>): it hides every action that changes a
          cluster, and its server refuses uploads.
        </Notice>
      </div>
    );
  }
  if (config.isPending) {
    return (
      <div>
        {header}
        <PageSkeleton rows={6} />
      </div>
    );
  }
  if (config.data === undefined) {
    return (
      <div>
        {header}
        <QueryError error={config.error} onRetry={() => void config.refetch()} />
      </div>
    );
  }
  if (!config.data.features['web-submit']) {
    return (
      <div>
        {header}
        <Notice testId="submit-disabled" title="This cluster does not accept jobs from the web.">
          Flink serves jar upload and submission only with{' '}
          <code className="font-mono">web.submit.enable: true</code> in its configuration (restart the cluster
          after changing it). Jobs can still be submitted with <code className="font-mono">flink run</code>.
        </Notice>
      </div>
    );
  }
  return (
    <div>
      {header}
      <Workspace clusterId={clusterId} flinkVersion={config.data['flink-version']} />
    </div>
  );
}

function Notice({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <div
      data-testid={testId}
      className="rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <p className="font-semibold">{title}</p>
      <p className="mt-1 text-slate-600 dark:text-slate-300">{children}</p>
    </div>
  );
}

function Workspace({ clusterId, flinkVersion }: { clusterId: string; flinkVersion: string }) {
  const jars = useJars(clusterId);
  const [selected, setSelectedState] = useState<string | null>(
    () => session()?.getItem(SELECTED_KEY(clusterId)) ?? null,
  );
  const setSelected = (id: string | null) => {
    setSelectedState(id);
    try {
      if (id) session()?.setItem(SELECTED_KEY(clusterId), id);
      else session()?.removeItem(SELECTED_KEY(clusterId));
    } catch {
      /* storage blocked */
    }
  };
  const files = jars.data ? [...jars.data.files].sort((a, b) => b.uploaded - a.uploaded) : [];
  const current = files.find((f) => f.id === selected) ?? files[0];

  return (
    <div className="space-y-4" data-testid="submit-page">
      <UploadCard clusterId={clusterId} onUploaded={setSelected} />
      <QueryState
        query={jars}
        skeletonRows={3}
        isEmpty={(d) => d.files.length === 0}
        empty={
          <p
            className="rounded-lg border border-slate-200 p-6 text-center text-sm text-slate-500 dark:border-slate-800"
            data-testid="no-jars"
          >
            No jar uploaded yet.
          </p>
        }
      >
        {() => (
          <JarsTable clusterId={clusterId} jars={files} selectedId={current?.id} onSelect={setSelected} />
        )}
      </QueryState>
      {current ? (
        <RunPanel key={current.id} clusterId={clusterId} jar={current} flinkVersion={flinkVersion} />
      ) : null}
    </div>
  );
}

const JARS_SHOWN = 100;

function JarsTable({
  clusterId,
  jars,
  selectedId,
  onSelect,
}: {
  clusterId: string;
  jars: Jar[];
  selectedId: string | undefined;
  onSelect: (id: string | null) => void;
}) {
  const zone = useTimeZone();
  const del = useDeleteJar(clusterId);
  const [target, setTarget] = useState<Jar | null>(null);
  const [showAll, setShowAll] = useState(false);
  // A cluster that kept every upload can list thousands of jars: the newest first, the rest on ask.
  const shown = showAll || jars.length <= JARS_SHOWN ? jars : jars.slice(0, JARS_SHOWN);
  return (
    <section
      aria-label="Uploaded jars"
      className="overflow-hidden rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <table className="w-full text-sm" data-testid="jars-table">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500 dark:bg-slate-800/50">
          <tr>
            <th className="w-8 px-3 py-2" />
            <th className="px-3 py-2 font-medium">Jar</th>
            <th className="px-3 py-2 font-medium">Uploaded</th>
            <th className="px-3 py-2 font-medium">Entry classes</th>
            <th className="px-3 py-2" />
          </tr>
        </thead>
        <tbody>
          {shown.map((j) => {
            const isSelected = j.id === selectedId;
            return (
              <tr
                key={j.id}
                data-testid="jar-row"
                aria-selected={isSelected}
                onClick={() => onSelect(j.id)}
                className={`cursor-pointer border-t border-slate-100 dark:border-slate-800 ${isSelected ? 'bg-sky-50 dark:bg-sky-950/50' : 'hover:bg-slate-50 dark:hover:bg-slate-800/60'}`}
              >
                <td className="px-3 py-2">
                  <input
                    type="radio"
                    name="jar"
                    checked={isSelected}
                    onChange={() => onSelect(j.id)}
                    aria-label={`Run ${j.name}`}
                    className="accent-sky-600"
                  />
                </td>
                <td className="px-3 py-2">
                  <div className="font-medium">{j.name}</div>
                  <div
                    className="truncate font-mono text-[11px] text-slate-500"
                    title={j.id}
                    data-testid="jar-id"
                  >
                    {j.id}
                  </div>
                </td>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                  {formatTimestamp(j.uploaded, zone)}
                </td>
                {/* a class name is one long word: it wraps inside its cell instead of leaving the table */}
                <td className="px-3 py-2 font-mono text-xs wrap-anywhere">
                  {j.entry.length ? (
                    j.entry.map((e) => e.name).join(', ')
                  ) : (
                    <span className="text-slate-500">none in the manifest</span>
                  )}
                </td>
                <td className="px-3 py-2 text-right">
                  <button
                    type="button"
                    onClick={(e) => {
                      e.stopPropagation();
                      setTarget(j);
                    }}
                    className="rounded border border-red-300 px-2 py-0.5 text-xs font-medium text-red-700 hover:bg-red-50 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950/50"
                    aria-label={`Delete ${j.name}`}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {shown.length < jars.length ? (
        <button
          type="button"
          onClick={() => setShowAll(true)}
          data-testid="show-all-jars"
          className="w-full border-t border-slate-100 px-3 py-2 text-sm text-sky-700 hover:bg-slate-50 dark:border-slate-800 dark:text-sky-400 dark:hover:bg-slate-800/60"
        >
          Showing the newest {JARS_SHOWN} of {jars.length.toLocaleString('en')} jars: show all
        </button>
      ) : null}
      <ConfirmDialog
        open={target !== null}
        onClose={() => setTarget(null)}
        action="Delete jar"
        target={target?.name ?? ''}
        description={
          <>
            The file <span className="break-all font-mono text-xs">{target?.id}</span> is removed from the
            cluster’s upload directory. Jobs already running from it keep running.
          </>
        }
        onConfirm={() => (target ? del.mutateAsync(target.id) : undefined)}
      />
    </section>
  );
}
