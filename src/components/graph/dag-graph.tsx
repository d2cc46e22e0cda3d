/**
 * DagGraph: a job graph (Flink plan or SeaTunnel DAG), always laid out left to right by dagre,
 * with pan/zoom, fit view, minimap, operator search (dims the rest, zooms to matches) and, for
 * graphs over 60 vertices, focus modes: collapse linear chains or show a node's neighbourhood.
 *
 *   const DagGraph = lazy(() => import('@/components/graph/dag-graph'));   // keeps xyflow lazy
 *   <DagGraph nodes={vertices.map(toDagNode)} edges={links} selectedId={vertexId}
 *     onSelect={(id) => navigate({ search: (s) => ({ ...s, vertex: id }) })} height={520} />
 *
 * Node colours come from `tone` and `fill` (see GraphLegend). Layout depends only on ids and
 * links, so metric polls repaint the boxes without moving them or resetting the zoom.
 */
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  Panel,
  Position,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
  type Edge,
} from '@xyflow/react';
import { DagNodeCard, type DagFlowNode } from './dag-node';
import { GraphLegend } from './graph-legend';
import { GraphToolbar, type FocusMode } from './graph-toolbar';
import { framePlan, planBounds, READABLE_ZOOM } from './frame';
import { NODE_HEIGHT, NODE_WIDTH, cachedLayout, structureKey } from './layout';
import { TONE_COLOR, worstTone } from './tones';
import type { DagEdge, DagNode } from './types';
import { useDarkMode } from './use-dark-mode';
import {
  collapseChains,
  fullView,
  neighbourhoodView,
  viewNodeMatches,
  type ViewGraph,
  type ViewNode,
} from './view-model';

export interface DagGraphProps {
  nodes: readonly DagNode[];
  edges: readonly DagEdge[];
  selectedId?: string | null;
  onSelect?: (id: string) => void;
  /** Height of the canvas (px or CSS); the width follows the parent. Default 520 px. */
  height?: number | string;
  /** Initial focus mode for big graphs; default "chains" above FOCUS_THRESHOLD vertices. */
  defaultFocusMode?: FocusMode;
  testId?: string;
}

export const FOCUS_THRESHOLD = 60;
const EDGE_LABEL_LIMIT = 120;
const NODE_TYPES = { dag: DagNodeCard };
/*
 * Handles and size are given, not measured: xyflow drops measured handle bounds whenever it gets
 * new node objects without them, and every metric poll makes new node objects. Measured handles
 * made the edges vanish until the next measurement, for good on a busy browser.
 */
const NODE_HANDLES = [
  { type: 'target' as const, position: Position.Left, x: 0, y: NODE_HEIGHT / 2 - 0.5, width: 1, height: 1 },
  {
    type: 'source' as const,
    position: Position.Right,
    x: NODE_WIDTH - 1,
    y: NODE_HEIGHT / 2 - 0.5,
    width: 1,
    height: 1,
  },
];
const NODE_SIZE = { width: NODE_WIDTH, height: NODE_HEIGHT };

export function DagGraph(props: DagGraphProps) {
  return (
    <ReactFlowProvider>
      <DagGraphCanvas {...props} />
    </ReactFlowProvider>
  );
}

export default DagGraph;

function containsSelected(view: ViewNode, selectedId: string | null | undefined): boolean {
  if (!selectedId) return false;
  return view.kind === 'node' ? view.id === selectedId : view.members.some((m) => m.id === selectedId);
}

function DagGraphCanvas({
  nodes,
  edges,
  selectedId,
  onSelect,
  height = 520,
  defaultFocusMode,
  testId,
}: DagGraphProps) {
  const big = nodes.length > FOCUS_THRESHOLD;
  const showFocus = big || defaultFocusMode !== undefined;
  const [mode, setMode] = useState<FocusMode>(defaultFocusMode ?? (big ? 'chains' : 'all'));
  const [depth, setDepth] = useState(2);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [query, setQuery] = useState('');
  // null: the user has not chosen; the minimap then shows whenever part of the plan is off screen
  const [minimapChoice, setMinimap] = useState<boolean | null>(null);
  const dark = useDarkMode();
  const { fitView, getViewport, setCenter, setViewport } = useReactFlow();
  const paneWidth = useStore((st) => st.width);
  const paneHeight = useStore((st) => st.height);

  const hasSelection = !!selectedId && nodes.some((n) => n.id === selectedId);
  const effectiveMode: FocusMode = showFocus ? mode : 'all';
  const view: ViewGraph = useMemo(() => {
    if (effectiveMode === 'chains') return collapseChains(nodes, edges, expanded);
    if (effectiveMode === 'neighbourhood' && hasSelection && selectedId) {
      return neighbourhoodView(nodes, edges, selectedId, depth);
    }
    return fullView(nodes, edges);
  }, [effectiveMode, nodes, edges, expanded, hasSelection, selectedId, depth]);
  const layoutKey = structureKey(view);
  const positions = cachedLayout(view);
  const measured = paneWidth > 0 && paneHeight > 0;
  const frame = useMemo(
    () => framePlan(planBounds(positions.values()), { width: paneWidth, height: paneHeight }),
    [positions, paneWidth, paneHeight],
  );
  const minimap = minimapChoice ?? frame.clipped;

  const trimmed = query.trim();
  const matches = useMemo(
    () => (trimmed ? view.nodes.filter((n) => viewNodeMatches(n, trimmed)).map((n) => n.id) : []),
    [view, trimmed],
  );
  const matchKey = matches.join('\u0000');

  const onActivate = useCallback(
    (v: ViewNode) => {
      if (v.kind === 'chain') setExpanded((prev) => new Set(prev).add(v.id));
      else onSelect?.(v.id);
    },
    [onSelect],
  );

  const flowNodes: DagFlowNode[] = useMemo(() => {
    const matchSet = new Set(matches);
    return view.nodes.map((v) => ({
      id: v.id,
      type: 'dag' as const,
      position: positions.get(v.id) ?? { x: 0, y: 0 },
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      measured: NODE_SIZE,
      handles: NODE_HANDLES,
      draggable: false,
      selectable: false,
      data: {
        view: v,
        dimmed: !!trimmed && !matchSet.has(v.id),
        selected: containsSelected(v, selectedId),
        onActivate,
      },
    }));
  }, [view, positions, matches, trimmed, selectedId, onActivate]);

  const flowEdges: Edge[] = useMemo(() => {
    const matchSet = new Set(matches);
    const showLabels = view.edges.length <= EDGE_LABEL_LIMIT;
    return view.edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      label: showLabels ? e.label : undefined,
      markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14 },
      style: trimmed && !(matchSet.has(e.source) && matchSet.has(e.target)) ? { opacity: 0.15 } : undefined,
      labelStyle: { fontSize: 10 },
      focusable: false,
    }));
  }, [view, matches, trimmed]);

  // Frame once the canvas has a size, and again when what is drawn changes (mode, expand,
  // neighbourhood); not on metric polls, nor when the canvas resizes under a view the user panned.
  const frameRef = useRef(frame);
  useLayoutEffect(() => {
    frameRef.current = frame;
  });
  const framedOnce = useRef(false);
  useEffect(() => {
    if (!measured) return;
    void setViewport(frameRef.current.viewport, { duration: framedOnce.current ? 200 : 0 });
    framedOnce.current = true;
  }, [layoutKey, measured, setViewport]);

  // When the selection changes elsewhere (e.g. a table row), pan to it if it is off screen.
  // Only on a change of selection: polls must not pull the view back after the user panned away.
  const centeredFor = useRef(selectedId);
  useEffect(() => {
    if (!selectedId || centeredFor.current === selectedId) return;
    centeredFor.current = selectedId;
    const target = view.nodes.find((v) => containsSelected(v, selectedId));
    const p = target ? positions.get(target.id) : undefined;
    if (!p) return;
    const { x, y, zoom } = getViewport();
    const left = p.x * zoom + x;
    const top = p.y * zoom + y;
    const visible =
      left >= 0 &&
      top >= 0 &&
      left + NODE_WIDTH * zoom <= paneWidth &&
      top + NODE_HEIGHT * zoom <= paneHeight;
    if (!visible) {
      void setCenter(p.x + NODE_WIDTH / 2, p.y + NODE_HEIGHT / 2, {
        zoom: Math.max(zoom, READABLE_ZOOM),
        duration: 300,
      });
    }
  }, [selectedId, view, positions, getViewport, setCenter, paneWidth, paneHeight]);

  const zoomToMatches = useCallback(() => {
    if (!matchKey) return;
    void fitView({
      nodes: matchKey.split('\u0000').map((id) => ({ id })),
      padding: 0.4,
      minZoom: READABLE_ZOOM,
      maxZoom: 1.25,
      duration: 300,
    });
  }, [matchKey, fitView]);

  // Zoom to matches once typing pauses.
  useEffect(() => {
    const timer = setTimeout(zoomToMatches, 300);
    return () => clearTimeout(timer);
  }, [zoomToMatches]);

  return (
    <div
      data-testid={testId}
      className="overflow-hidden rounded-lg border border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-950"
      style={{ height }}
    >
      <ReactFlow<DagFlowNode>
        nodes={flowNodes}
        edges={flowEdges}
        nodeTypes={NODE_TYPES}
        colorMode={dark ? 'dark' : 'light'}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        onlyRenderVisibleElements={flowNodes.length > 150}
        minZoom={0.05}
        maxZoom={2}
        style={{ backgroundColor: 'transparent' }}
      >
        <Background gap={16} size={1} />
        <Controls
          showInteractive={false}
          position="bottom-left"
          fitViewOptions={{ padding: 0.1, minZoom: READABLE_ZOOM, maxZoom: 1, duration: 200 }}
        />
        {minimap ? (
          <MiniMap
            position="top-right"
            pannable
            zoomable
            nodeColor={(n) => {
              const v = (n as DagFlowNode).data.view;
              return TONE_COLOR[
                v.kind === 'node'
                  ? (v.node.tone ?? 'unknown')
                  : worstTone(v.members.map((m) => m.tone ?? 'unknown'))
              ];
            }}
          />
        ) : null}
        <Panel position="top-left">
          <GraphToolbar
            query={query}
            onQuery={setQuery}
            onSubmitQuery={zoomToMatches}
            matchCount={matches.length}
            showFocus={showFocus}
            mode={mode}
            onMode={setMode}
            depth={depth}
            onDepth={setDepth}
            hasSelection={hasSelection}
            expandedCount={expanded.size}
            onCollapseAll={() => setExpanded(new Set())}
            minimap={minimap}
            onMinimap={setMinimap}
            onFit={() => void setViewport(frame.viewport, { duration: 200 })}
          />
        </Panel>
        {frame.clipped ? (
          // above the legend's row, which it would run into on a narrow canvas
          <Panel position="bottom-center" style={{ marginBottom: 44 }}>
            <p
              data-testid="graph-pan-hint"
              className="rounded bg-white/90 px-2 py-0.5 text-xs text-slate-600 shadow-sm dark:bg-slate-900/90 dark:text-slate-300"
            >
              Part of the plan is off screen: drag to pan, or use the minimap
            </p>
          </Panel>
        ) : null}
        <Panel position="bottom-right">
          <GraphLegend />
        </Panel>
      </ReactFlow>
    </div>
  );
}
