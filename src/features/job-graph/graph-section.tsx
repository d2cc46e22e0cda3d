import './graph-section.css';
import { lazy, memo, Suspense, useEffect, useMemo, type RefObject } from 'react';
import { findChains, TONE_LABEL, type DagEdge, type DagNode, type NodeTone } from '@/components/graph';
import { CHAIN_PREFIX } from '@/components/graph/view-model';
import { QueryError } from '@/components/query-state';
import { TruncatedText } from '@/components/truncated-text';

// xyflow and dagre arrive with the graph, after the rest of the tab is on screen.
const DagGraph = lazy(() => import('@/components/graph/dag-graph'));

export const GRAPH_HEIGHT = 'clamp(360px, 58vh, 720px)';

/** Collapsed chain id (`chain:<head>`) → the vertices inside, to poll what a chain box stands for. */
export function useChainMembers(
  ids: readonly string[],
  edges: readonly DagEdge[],
): ReadonlyMap<string, readonly string[]> {
  return useMemo(() => {
    const nodes = ids.map((id) => ({ id, title: id }));
    return new Map(findChains(nodes, edges).map((chain) => [CHAIN_PREFIX + (chain[0] ?? ''), chain]));
  }, [ids, edges]);
}

const SUMMARY_TONES: NodeTone[] = ['failed', 'backpressured', 'busy'];

export const GraphSection = memo(function GraphSection({
  ref,
  nodes,
  edges,
  selectedId,
  onSelect,
  loadError,
  vertexCount,
  hot,
  over = false,
}: {
  ref: RefObject<HTMLDivElement | null>;
  nodes: readonly DagNode[];
  edges: readonly DagEdge[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  loadError: Error | null;
  vertexCount: number;
  /** The worst vertices, offered as one-click selections (handy in big graphs). */
  hot: readonly { id: string; name: string; tone: NodeTone; fill: number | undefined }[];
  /** The job is over: its boxes show totals, and there is no load to summarise. */
  over?: boolean;
}) {
  useRefitOnResize(ref);
  const counts = new Map<NodeTone, number>();
  for (const n of nodes) counts.set(n.tone ?? 'unknown', (counts.get(n.tone ?? 'unknown') ?? 0) + 1);
  return (
    <section aria-label="Job graph">
      <div className="mb-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">
          Plan{' '}
          <span className="font-normal">
            ({vertexCount} {vertexCount === 1 ? 'vertex' : 'vertices'})
          </span>
        </h2>
        {over ? null : (
          <span data-testid="graph-summary" className="flex flex-wrap gap-2 text-xs">
            {SUMMARY_TONES.filter((t) => counts.get(t)).map((t) => (
              <span key={t} className={SUMMARY_CLASS[t]}>
                {counts.get(t)} {TONE_LABEL[t].toLowerCase()}
              </span>
            ))}
            {SUMMARY_TONES.every((t) => !counts.get(t)) ? (
              <span className="text-slate-500">No vertex is busy or back-pressured.</span>
            ) : null}
          </span>
        )}
        {hot.length ? (
          <span className="flex min-w-0 flex-wrap items-center gap-1.5 text-xs" data-testid="hot-spots">
            <span className="text-slate-500">Look at:</span>
            {hot.map((h) => (
              <button
                key={h.id}
                type="button"
                onClick={() => onSelect(h.id)}
                aria-pressed={h.id === selectedId}
                className={`flex max-w-72 min-w-0 items-center rounded border px-1.5 py-0.5 hover:bg-white dark:hover:bg-slate-800 ${TONE_CHIP[h.tone] ?? ''} ${h.id === selectedId ? 'ring-2 ring-sky-500' : ''}`}
              >
                <TruncatedText text={h.name} />
                <span className="shrink-0 whitespace-pre">
                  {' · '}
                  {h.fill === undefined
                    ? TONE_LABEL[h.tone].toLowerCase()
                    : `${Math.round(h.fill * 100)} % ${h.tone === 'busy' ? 'busy' : 'back-pressured'}`}
                </span>
              </button>
            ))}
          </span>
        ) : null}
        {over ? (
          <span className="ml-auto text-xs text-slate-500" data-testid="graph-totals-note">
            The job is over: records and bytes received and sent in total, and how long each vertex ran
          </span>
        ) : (
          <span
            className="ml-auto text-xs text-slate-500"
            title="Max over subtasks, refreshed every 10 s (the cluster's metric cadence)"
          >
            Busy and back-pressure: worst subtask · rates: whole vertex
          </span>
        )}
      </div>
      {loadError ? (
        <div className="mb-2">
          <QueryError error={loadError} compact />
        </div>
      ) : null}
      <div ref={ref} className="job-graph-canvas">
        <Suspense
          fallback={
            <div
              className="animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800"
              style={{ height: GRAPH_HEIGHT }}
            />
          }
        >
          <DagGraph
            testId="job-graph"
            nodes={nodes}
            edges={edges}
            selectedId={selectedId}
            onSelect={onSelect}
            height={GRAPH_HEIGHT}
          />
        </Suspense>
      </div>
    </section>
  );
});

const TONE_CHIP: Partial<Record<NodeTone, string>> = {
  failed: 'border-red-400 text-red-800 dark:border-red-700 dark:text-red-200',
  backpressured: 'border-violet-400 text-violet-800 dark:border-violet-700 dark:text-violet-200',
  busy: 'border-orange-400 text-orange-800 dark:border-orange-700 dark:text-orange-200',
};

const SUMMARY_CLASS: Partial<Record<NodeTone, string>> = {
  failed: 'rounded bg-red-100 px-1.5 py-0.5 font-medium text-red-900 dark:bg-red-900/50 dark:text-red-100',
  backpressured:
    'rounded bg-violet-100 px-1.5 py-0.5 font-medium text-violet-900 dark:bg-violet-900/50 dark:text-violet-100',
  busy: 'rounded bg-orange-100 px-1.5 py-0.5 font-medium text-orange-900 dark:bg-orange-900/50 dark:text-orange-100',
};

/**
 * DagGraph frames the graph when its structure changes, not when its box does. When the vertex
 * panel opens or closes the box gets narrower or wider: re-frame then, unless the user has panned
 * or zoomed since the last framing (their view is kept). Uses the canvas's own fit-view control.
 */
function useRefitOnResize(ref: RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let moved = false;
    let width = el.clientWidth;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onWheel = () => {
      moved = true;
    };
    const onPointerMove = (e: PointerEvent) => {
      if (e.buttons !== 0 && (e.target as Element | null)?.closest('.react-flow__pane, .react-flow__node'))
        moved = true;
    };
    const onClick = (e: MouseEvent) => {
      const button = (e.target as Element | null)?.closest('button');
      if (
        button &&
        (button.classList.contains('react-flow__controls-fitview') || button.textContent === 'Fit view')
      )
        moved = false;
    };
    const observer = new ResizeObserver(() => {
      const next = el.clientWidth;
      if (Math.abs(next - width) < 8) return;
      width = next;
      if (moved) return;
      clearTimeout(timer);
      timer = setTimeout(
        () => el.querySelector<HTMLButtonElement>('.react-flow__controls-fitview')?.click(),
        60,
      );
    });
    observer.observe(el);
    el.addEventListener('wheel', onWheel, { passive: true });
    el.addEventListener('pointermove', onPointerMove);
    el.addEventListener('click', onClick);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('pointermove', onPointerMove);
      el.removeEventListener('click', onClick);
    };
  }, [ref]);
}
