/**
 * Graph types and pure helpers, safe to import anywhere. DagGraph itself pulls in xyflow and its
 * CSS, so import it lazily: `lazy(() => import('@/components/graph/dag-graph'))`.
 */
export type { DagEdge, DagMetric, DagNode, NodeTone } from './types';
export { collapseChains, findChains, neighbourhood } from './view-model';
export { TONE_LABEL } from './tones';
