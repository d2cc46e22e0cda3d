import { useMemo } from 'react';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useDashboardSettings, type ClusterInfo } from '@/api/dashboard/clusters';
import { jobsOverviewQuery } from '@/api/flink/queries-jobs';
import { taskManagersQuery } from '@/api/flink/queries-taskmanagers';
import type { JobDetails, JobsOverview, TaskManagers } from '@/api/flink/schemas';
import type { SeaTunnelJob } from '@/api/seatunnel/normalise';
import { finishedJobsQuery, runningJobsQuery } from '@/api/seatunnel/queries';
import type { PaletteItem } from './search';

const enc = encodeURIComponent;
const LIST_STALE_MS = 30_000;

const FLINK_VIEWS: [string, string][] = [
  ['overview', 'Overview'],
  ['jobs', 'Jobs'],
  ['task-managers', 'Task managers'],
  ['job-manager', 'Job manager'],
  ['submit', 'Submit a job'],
];
const SEATUNNEL_VIEWS: [string, string][] = [
  ['overview', 'Overview'],
  ['jobs', 'Jobs'],
  ['nodes', 'Nodes'],
  ['submit', 'Submit a job'],
];

export function staticItems(clusters: readonly ClusterInfo[]): PaletteItem[] {
  const out: PaletteItem[] = [
    { id: 'page:home', kind: 'page', label: 'All clusters', detail: 'Home', keywords: ['home'], href: '/' },
    {
      id: 'page:triage',
      kind: 'page',
      label: 'Triage',
      detail: 'What is wrong right now',
      keywords: ['problems'],
      href: '/triage',
    },
  ];
  for (const c of clusters) {
    const kind = c.kind === 'flink' ? 'Flink' : 'SeaTunnel';
    out.push({
      id: `cluster:${c.id}`,
      kind: 'cluster',
      label: c.name,
      detail: `${kind} cluster · ${c.id}`,
      keywords: [c.id, kind],
      href: `/clusters/${enc(c.id)}/overview`,
    });
    for (const [view, label] of c.kind === 'flink' ? FLINK_VIEWS : SEATUNNEL_VIEWS) {
      if (view === 'overview') continue;
      out.push({
        id: `view:${c.id}:${view}`,
        kind: 'view',
        label: `${label}`,
        detail: c.name,
        keywords: [c.name, c.id],
        href: `/clusters/${enc(c.id)}/${view}`,
      });
    }
  }
  return out;
}

export function flinkJobItems(c: ClusterInfo, jobs: JobsOverview | undefined): PaletteItem[] {
  return (jobs?.jobs ?? []).map((j) => ({
    id: `job:${c.id}:${j.jid}`,
    kind: 'job',
    label: j.name,
    detail: `${j.state} · ${c.name} · ${j.jid}`,
    keywords: [j.jid, c.name],
    href: `/clusters/${enc(c.id)}/jobs/${enc(j.jid)}`,
  }));
}

export function seatunnelJobItems(c: ClusterInfo, jobs: readonly SeaTunnelJob[]): PaletteItem[] {
  const seen = new Set<string>();
  return jobs.flatMap((j) => {
    if (seen.has(j.jobId)) return [];
    seen.add(j.jobId);
    return [
      {
        id: `job:${c.id}:${j.jobId}`,
        kind: 'job' as const,
        label: j.jobName,
        detail: `${j.jobStatus} · ${c.name} · ${j.jobId}`,
        keywords: [j.jobId, c.name],
        href: `/clusters/${enc(c.id)}/jobs/${enc(j.jobId)}`,
      },
    ];
  });
}

export function vertexItems(c: ClusterInfo, details: JobDetails): PaletteItem[] {
  return details.vertices.map((v) => ({
    id: `vertex:${c.id}:${details.jid}:${v.id}`,
    kind: 'vertex',
    label: v.name,
    detail: `${details.name} · ${c.name}`,
    keywords: [v.id, details.name],
    href: `/clusters/${enc(c.id)}/jobs/${enc(details.jid)}?vertex=${enc(v.id)}`,
  }));
}

export function taskManagerItems(c: ClusterInfo, tms: TaskManagers | undefined): PaletteItem[] {
  return (tms?.taskmanagers ?? []).map((tm) => ({
    id: `tm:${c.id}:${tm.id}`,
    kind: 'taskmanager',
    label: tm.id,
    detail: `${tm.freeSlots} of ${tm.slotsNumber} slots free · ${c.name}`,
    keywords: [c.name, tm.path],
    href: `/clusters/${enc(c.id)}/task-managers/${enc(tm.id)}`,
  }));
}

/**
 * Everything the palette offers: pages, clusters and their views, jobs of every cluster (fetched
 * when the palette opens, cached for 30 s), task managers, and the vertices of every job whose
 * details are already in the cache (opened pages, the triage monitor).
 */
export function usePaletteItems(open: boolean): { items: PaletteItem[]; loading: boolean } {
  const { data } = useDashboardSettings();
  const clusters = useMemo(() => data?.clusters ?? [], [data]);
  const flinkClusters = clusters.filter((c) => c.kind === 'flink');
  const stClusters = clusters.filter((c) => c.kind === 'seatunnel');
  const client = useQueryClient();

  const flinkJobs = useQueries({
    queries: flinkClusters.map((c) => ({
      ...jobsOverviewQuery(c.id),
      enabled: open,
      staleTime: LIST_STALE_MS,
    })),
  });
  const flinkTms = useQueries({
    queries: flinkClusters.map((c) => ({
      ...taskManagersQuery(c.id),
      enabled: open,
      staleTime: LIST_STALE_MS,
    })),
  });
  const stRunning = useQueries({
    queries: stClusters.map((c) => ({
      ...runningJobsQuery(c.id, c.flavour ?? 'auto'),
      enabled: open,
      staleTime: LIST_STALE_MS,
    })),
  });
  const stFinished = useQueries({
    queries: stClusters.map((c) => ({
      ...finishedJobsQuery(c.id, c.flavour ?? 'auto'),
      enabled: open,
      staleTime: LIST_STALE_MS,
    })),
  });

  const items: PaletteItem[] = [...staticItems(clusters)];
  flinkClusters.forEach((c, i) => items.push(...flinkJobItems(c, flinkJobs[i]?.data)));
  stClusters.forEach((c, i) =>
    items.push(...seatunnelJobItems(c, [...(stRunning[i]?.data ?? []), ...(stFinished[i]?.data ?? [])])),
  );
  if (open) {
    const byId = new Map(flinkClusters.map((c) => [c.id, c]));
    const cached = client.getQueriesData<JobDetails>({
      predicate: (q) => q.queryKey[0] === 'flink' && q.queryKey[2] === 'jobs' && q.queryKey[4] === 'details',
    });
    for (const [key, details] of cached) {
      const c = byId.get(String(key[1]));
      if (c && details?.vertices) items.push(...vertexItems(c, details));
    }
  }
  flinkClusters.forEach((c, i) => items.push(...taskManagerItems(c, flinkTms[i]?.data)));
  const fetchingFirst = (q: { isPending: boolean; fetchStatus: string }) =>
    q.isPending && q.fetchStatus === 'fetching';
  const loading = open && [flinkJobs, stRunning, flinkTms].some((list) => list.some(fetchingFirst));
  return { items, loading };
}
