import { useCallback, useDeferredValue, useEffect, useMemo, useRef } from 'react';
import { jobRoute, useRouteParams } from '@/app/router';
import { useJobDetails } from '@/api/flink/queries';
import { isTerminalState } from '@/api/polling';
import { useVerticesLoad } from '@/api/flink/queries-job-graph';
import type { JobDetails } from '@/api/flink/schemas';
import { QueryState } from '@/components/query-state';
import { useClusterId } from '@/hooks/use-cluster-id';
import { GraphSection, useChainMembers } from './graph-section';
import { historyKey, jobGraphHistory } from './history';
import { VertexPanel } from './panel/vertex-panel';
import { useJobSearch } from './use-job-search';
import { useOnScreenIds } from './use-on-screen';
import { polledVertexIds, type OnScreen } from './utils/polled-vertices';
import { planEdges, toDagNode, vertexRows } from './utils/graph-model';
import { hotSpots } from './utils/tones';
import { vertexLoad, type VertexLoad } from './utils/vertex-load';
import { VertexTable } from './vertex-table';

/** Up to this many vertices, every vertex's load is kept in the in-memory history. */
const RECORD_ALL_UP_TO = 50;
/** The graph and the list take new metric answers at most this often. */
const LOAD_REDRAW_MS = 400;

/**
 * The job's main tab: the plan as a graph coloured by how busy or back-pressured each vertex is,
 * the vertex list, and the panel of the selected vertex. Selection and panel tab live in the URL
 * (`?vertex=…&panel=…&subtask=…`), so a view can be shared and survives a reload.
 */
export default function JobGraphTab() {
  const clusterId = useClusterId();
  const { jobId } = useRouteParams(jobRoute);
  const details = useJobDetails(clusterId, jobId);
  return (
    <div data-testid="job-graph-tab">
      <QueryState query={details} skeletonRows={8}>
        {(job) => <JobGraph clusterId={clusterId} job={job} />}
      </QueryState>
    </div>
  );
}

function JobGraph({ clusterId, job }: { clusterId: string; job: JobDetails }) {
  const [search, setSearch] = useJobSearch();
  const selected = search.vertex;
  const jobId = job.jid;

  const graphRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const graphContainers = useMemo(() => [graphRef], []);
  const tableContainers = useMemo(() => [tableRef], []);
  const graphOnScreen = useOnScreenIds(graphContainers, 'data-node-id');
  const tableOnScreen = useOnScreenIds(tableContainers, 'data-vertex-id');

  const vertexIds = useMemo(() => job.plan.nodes.map((n) => n.id), [job.plan]);
  const edges = useMemo(() => planEdges(job.plan), [job.plan]);
  const chainMembers = useChainMembers(vertexIds, edges);

  const polledIds = usePolledIds(vertexIds, graphOnScreen, tableOnScreen, chainMembers, selected);
  // Answers of many vertices arrive one by one (300 in a burst for a big plan): take them at most
  // a few times a second.
  const answers = useVerticesLoad(clusterId, jobId, vertexIds, polledIds, LOAD_REDRAW_MS);

  const loads = useMemo(() => {
    const out: Record<string, { load: VertexLoad | undefined; at: number }> = {};
    for (const [id, a] of Object.entries(answers)) out[id] = { load: vertexLoad(a.data), at: a.updatedAt };
    return out;
  }, [answers]);

  useRecordLoads(jobId, loads, vertexIds.length <= RECORD_ALL_UP_TO ? 'all' : selected);

  // Redraw the graph and the list at low priority.
  const shownLoads = useDeferredValue(loads);
  const over = isTerminalState(job.state);
  const rows = useMemo(
    () => vertexRows(job.plan, job.vertices, shownLoads, over),
    [job.plan, job.vertices, shownLoads, over],
  );
  const nodes = useMemo(() => rows.map(toDagNode), [rows]);
  const selectedRow = rows.find((r) => r.id === selected);
  const hot = useMemo(() => hotSpots(rows), [rows]);
  const loadError = Object.values(answers).find((a) => a.polled && a.error)?.error ?? null;

  // Stable between selections, so metric answers do not re-render the memoised graph and list.
  const subtask = search.subtask;
  const select = useCallback(
    (id: string) => setSearch({ vertex: id, subtask: id === selected ? subtask : undefined }),
    [setSearch, selected, subtask],
  );
  const close = () => setSearch({ vertex: undefined, panel: undefined, subtask: undefined });

  return (
    <div className="flex items-start gap-4">
      <div className="min-w-0 flex-1 space-y-4">
        <GraphSection
          ref={graphRef}
          nodes={nodes}
          edges={edges}
          selectedId={selected ?? null}
          onSelect={select}
          loadError={loadError}
          vertexCount={rows.length}
          hot={hot}
          over={over}
        />
        <VertexTable
          ref={tableRef}
          rows={rows}
          selectedId={selected}
          onSelect={select}
          polledIds={polledIds}
        />
      </div>
      {selected ? (
        <VertexPanel
          key={selected}
          clusterId={clusterId}
          job={job}
          vertexId={selected}
          row={selectedRow}
          panel={search.panel}
          subtask={search.subtask}
          onPanel={(panel) => setSearch({ panel }, { replace: true })}
          onSubtask={(subtask) => setSearch({ subtask })}
          onSelectVertex={select}
          onClose={close}
        />
      ) : null}
    </div>
  );
}

function usePolledIds(
  all: readonly string[],
  graph: OnScreen,
  table: OnScreen,
  chains: ReadonlyMap<string, readonly string[]>,
  selected: string | undefined,
): ReadonlySet<string> {
  const ids = polledVertexIds(all, graph, table, chains, selected);
  const key = [...ids].sort().join(',');
  // Same ids → same Set, so the queries and table columns are not rebuilt on every measurement.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => ids, [key]);
}

/** Keeps the load of every vertex ('all', small graphs) or of the selected one in the in-memory history. */
function useRecordLoads(
  jobId: string,
  loads: Record<string, { load: VertexLoad | undefined; at: number }>,
  which: 'all' | string | undefined,
) {
  useEffect(() => {
    if (which === undefined) return;
    for (const [id, { load, at }] of Object.entries(loads)) {
      if (!load || !at || (which !== 'all' && id !== which)) continue;
      jobGraphHistory.pushMany(at, {
        [historyKey(jobId, id, 'busy')]: load.busy,
        [historyKey(jobId, id, 'backPressured')]: load.backPressured,
        [historyKey(jobId, id, 'idle')]: load.idle,
        [historyKey(jobId, id, 'recordsIn')]: load.recordsIn,
        [historyKey(jobId, id, 'recordsOut')]: load.recordsOut,
      });
    }
  }, [jobId, loads, which]);
}
