/**
 * What DagGraph actually draws: the full graph, the graph with linear chains merged into one
 * expandable group, or the neighbourhood of one node. Pure functions, no React, easy to test.
 */
import type { DagEdge, DagNode } from './types';

export type ViewNode =
  { kind: 'node'; id: string; node: DagNode } | { kind: 'chain'; id: string; members: DagNode[] };

export interface ViewEdge {
  id: string;
  source: string;
  target: string;
  label?: string;
}

export interface ViewGraph {
  nodes: ViewNode[];
  edges: ViewEdge[];
}

export const CHAIN_PREFIX = 'chain:';

/**
 * Maximal runs u1 → u2 → … → uk (k ≥ 2) where every inner link is the only way out of its
 * source and the only way into its target: they read as one pipeline and can be drawn as one box.
 */
export function findChains(nodes: readonly DagNode[], edges: readonly DagEdge[]): string[][] {
  const known = new Set(nodes.map((n) => n.id));
  const outs = new Map<string, Set<string>>();
  const ins = new Map<string, Set<string>>();
  for (const e of edges) {
    if (!known.has(e.source) || !known.has(e.target)) continue;
    if (!outs.has(e.source)) outs.set(e.source, new Set());
    if (!ins.has(e.target)) ins.set(e.target, new Set());
    outs.get(e.source)?.add(e.target);
    ins.get(e.target)?.add(e.source);
  }
  const next = new Map<string, string>();
  const hasPrev = new Set<string>();
  for (const n of nodes) {
    const out = outs.get(n.id);
    if (!out || out.size !== 1) continue;
    const [target] = out as Set<string>;
    if (target === undefined || target === n.id || ins.get(target)?.size !== 1) continue;
    next.set(n.id, target);
    hasPrev.add(target);
  }
  const chains: string[][] = [];
  for (const n of nodes) {
    if (hasPrev.has(n.id) || !next.has(n.id)) continue; // only start at heads
    const chain = [n.id];
    for (let cur = next.get(n.id); cur !== undefined; cur = next.get(cur)) chain.push(cur);
    chains.push(chain);
  }
  return chains;
}

/** Edges between view nodes, one per pair (ship strategies merged), links inside a group dropped. */
function mapEdges(edges: readonly DagEdge[], viewOf: (id: string) => string | undefined): ViewEdge[] {
  const byPair = new Map<string, { source: string; target: string; labels: Set<string> }>();
  for (const e of edges) {
    const source = viewOf(e.source);
    const target = viewOf(e.target);
    if (source === undefined || target === undefined || source === target) continue;
    const id = `${source}->${target}`;
    let entry = byPair.get(id);
    if (!entry) {
      entry = { source, target, labels: new Set() };
      byPair.set(id, entry);
    }
    if (e.label) entry.labels.add(e.label);
  }
  return [...byPair].map(([id, { source, target, labels }]) => ({
    id,
    source,
    target,
    ...(labels.size ? { label: [...labels].join(' / ') } : {}),
  }));
}

export function fullView(nodes: readonly DagNode[], edges: readonly DagEdge[]): ViewGraph {
  const ids = new Set(nodes.map((n) => n.id));
  return {
    nodes: nodes.map((node) => ({ kind: 'node', id: node.id, node })),
    edges: mapEdges(edges, (id) => (ids.has(id) ? id : undefined)),
  };
}

/** Merges chains into groups, except the groups whose id is in `expanded`. */
export function collapseChains(
  nodes: readonly DagNode[],
  edges: readonly DagEdge[],
  expanded: ReadonlySet<string> = new Set(),
): ViewGraph {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const groupOf = new Map<string, string>();
  const groups = new Map<string, DagNode[]>();
  for (const chain of findChains(nodes, edges)) {
    const id = CHAIN_PREFIX + chain[0];
    if (expanded.has(id)) continue;
    groups.set(
      id,
      chain.map((m) => byId.get(m) as DagNode),
    );
    for (const m of chain) groupOf.set(m, id);
  }
  const viewNodes: ViewNode[] = [];
  for (const node of nodes) {
    const group = groupOf.get(node.id);
    if (group === undefined) viewNodes.push({ kind: 'node', id: node.id, node });
    else if (CHAIN_PREFIX + node.id === group)
      viewNodes.push({ kind: 'chain', id: group, members: groups.get(group) ?? [] });
  }
  return {
    nodes: viewNodes,
    edges: mapEdges(edges, (id) => groupOf.get(id) ?? (byId.has(id) ? id : undefined)),
  };
}

/** The node, its ancestors and its descendants up to `depth` hops (not its siblings). */
export function neighbourhood(edges: readonly DagEdge[], centerId: string, depth: number): Set<string> {
  const forward = new Map<string, string[]>();
  const backward = new Map<string, string[]>();
  const link = (map: Map<string, string[]>, from: string, to: string) => {
    const list = map.get(from);
    if (list) list.push(to);
    else map.set(from, [to]);
  };
  for (const e of edges) {
    link(forward, e.source, e.target);
    link(backward, e.target, e.source);
  }
  const seen = new Set([centerId]);
  for (const links of [forward, backward]) {
    let frontier = [centerId];
    for (let d = 0; d < depth && frontier.length; d++) {
      const nextFrontier: string[] = [];
      for (const id of frontier) {
        for (const n of links.get(id) ?? []) {
          if (!seen.has(n)) {
            seen.add(n);
            nextFrontier.push(n);
          }
        }
      }
      frontier = nextFrontier;
    }
  }
  return seen;
}

export function neighbourhoodView(
  nodes: readonly DagNode[],
  edges: readonly DagEdge[],
  centerId: string,
  depth: number,
): ViewGraph {
  const keep = neighbourhood(edges, centerId, depth);
  return fullView(
    nodes.filter((n) => keep.has(n.id)),
    edges.filter((e) => keep.has(e.source) && keep.has(e.target)),
  );
}

/** Case-insensitive match on title, id and subtitle; a group matches when any member does. */
export function viewNodeMatches(node: ViewNode, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const hit = (n: DagNode) =>
    n.title.toLowerCase().includes(q) ||
    n.id.toLowerCase().includes(q) ||
    (n.subtitle ?? '').toLowerCase().includes(q);
  return node.kind === 'node' ? hit(node.node) : node.members.some(hit);
}
