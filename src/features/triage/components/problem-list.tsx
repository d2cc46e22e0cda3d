import { useState } from 'react';
import type { ClusterInfo } from '@/api/dashboard/clusters';
import { SeriesChart } from '../charts/series-chart';
import type { Problem } from '../rules/types';
import { jobKey } from '../store/notify';
import { toggleWatched, useWatchedJobs } from '../store/preferences';
import { AppLink } from './app-link';
import { FigureValue } from './figure';
import { SEVERITY_EDGE, SeverityChip } from './severity';
import { Since } from './since';

const linkClass =
  'inline-flex items-center gap-1 whitespace-nowrap rounded border border-slate-300 px-2 py-1 text-xs font-medium text-sky-700 hover:border-sky-400 hover:bg-sky-50 dark:border-slate-700 dark:text-sky-300 dark:hover:bg-slate-800';
const iconButton =
  'rounded px-1.5 py-1 text-xs text-slate-500 hover:bg-slate-100 hover:text-slate-900 dark:hover:bg-slate-800 dark:hover:text-white';

export function ProblemRow({
  problem: p,
  cluster,
  now,
  showCluster,
}: {
  problem: Problem;
  cluster: ClusterInfo | undefined;
  now: number;
  showCluster: boolean;
}) {
  const [open, setOpen] = useState(false);
  const watched = useWatchedJobs();
  const key = p.jobId ? jobKey(p.clusterId, p.jobId) : undefined;
  const isWatched = key !== undefined && watched.has(key);
  return (
    <li
      data-testid="problem-row"
      data-rule={p.rule}
      data-severity={p.severity}
      data-cluster={p.clusterId}
      data-job={p.jobId}
      className={`border-l-4 ${SEVERITY_EDGE[p.severity]} bg-white px-3 py-2.5 dark:bg-slate-900`}
    >
      <div className="flex items-start gap-3">
        <div className="pt-0.5">
          <SeverityChip severity={p.severity} />
        </div>
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
            <span className="font-semibold" data-testid="problem-title">
              {p.title}
            </span>
            {p.jobName ? (
              <span className="truncate text-sm text-slate-700 dark:text-slate-300" data-testid="problem-job">
                {p.jobName}
              </span>
            ) : null}
            {showCluster ? (
              <span
                className="rounded bg-slate-100 px-1.5 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300"
                data-testid="problem-cluster"
              >
                {p.clusterName}
              </span>
            ) : null}
          </div>
          <p
            className="mt-0.5 line-clamp-2 text-sm text-slate-600 dark:text-slate-400"
            title={p.explanation}
            data-testid="problem-explanation"
          >
            {p.explanation}
          </p>
        </div>
        <div className="hidden w-28 shrink-0 text-right sm:block">
          <FigureValue figure={p.figure} />
        </div>
        <div className="hidden w-28 shrink-0 pt-3 text-right text-xs text-slate-600 md:block dark:text-slate-400">
          <Since since={p.since} basis={p.sinceBasis} now={now} />
        </div>
        <div className="flex shrink-0 items-center gap-1 pt-1.5">
          <AppLink
            href={p.href}
            className={linkClass}
            testId="problem-link"
            title={`Open ${p.linkLabel.toLowerCase()}`}
          >
            {p.linkLabel} <span aria-hidden>→</span>
          </AppLink>
          {p.series && cluster ? (
            <button
              type="button"
              className={iconButton}
              aria-expanded={open}
              aria-label={open ? 'Hide history' : 'Show history'}
              title={open ? 'Hide history' : 'Show history'}
              onClick={() => setOpen((o) => !o)}
              data-testid="problem-history-toggle"
            >
              <span aria-hidden>{open ? '▾' : '▸'}</span> History
            </button>
          ) : null}
          {key ? (
            <button
              type="button"
              className={`${iconButton} ${isWatched ? 'text-sky-700 dark:text-sky-300' : ''}`}
              aria-pressed={isWatched}
              title={isWatched ? 'Stop watching this job' : 'Watch this job: notify when its state changes'}
              onClick={() => toggleWatched(key)}
              data-testid="watch-toggle"
            >
              {isWatched ? '★' : '☆'}
              <span className="sr-only">Watch</span>
            </button>
          ) : null}
        </div>
      </div>
      {open && p.series && cluster ? (
        <div className="mt-2 pl-[4.75rem]">
          <SeriesChart
            cluster={cluster}
            spec={{ ...p.series, ratio: p.series.format === 'percent' }}
            testId="problem-chart"
          />
        </div>
      ) : null}
    </li>
  );
}

export function ProblemList({
  problems,
  clusters,
  now,
  showCluster = true,
}: {
  problems: readonly Problem[];
  clusters: readonly ClusterInfo[];
  now: number;
  showCluster?: boolean;
}) {
  const byId = new Map(clusters.map((c) => [c.id, c]));
  return (
    <ul
      className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800"
      data-testid="triage-list"
      aria-label="Problems"
    >
      {problems.map((p) => (
        <ProblemRow
          key={p.id}
          problem={p}
          cluster={byId.get(p.clusterId)}
          now={now}
          showCluster={showCluster}
        />
      ))}
    </ul>
  );
}
