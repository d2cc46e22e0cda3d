/**
 * The flame graph tree Flink sends: `{name: "class.method:line", value: samples, children}` under a
 * "root" node. Pure helpers for the chart: a sorted private copy (the chart marks zoom state on
 * the nodes, the query cache must stay untouched), search, off-CPU frames and their colour.
 */
import type { FlameGraphNode } from '@/api/flink/schemas';

export interface PreparedFrame {
  name: string;
  value: number;
  children?: PreparedFrame[];
}

export interface PreparedTree {
  root: PreparedFrame;
  /** Number of frames, the root included. */
  nodes: number;
  /** Samples of the root. */
  total: number;
  maxDepth: number;
  /** Frames marked "[off-cpu]" (mixed graphs). */
  offCpuFrames: number;
}

/**
 * A copy of the tree with children sorted by name (the classic flame graph order: the same frames
 * stay in the same place from one sample to the next).
 */
export function prepareTree(data: FlameGraphNode): PreparedTree {
  let nodes = 0;
  let maxDepth = 0;
  let offCpuFrames = 0;
  const copy = (n: FlameGraphNode, depth: number): PreparedFrame => {
    nodes++;
    if (isOffCpuName(n.name)) offCpuFrames++;
    if (depth > maxDepth) maxDepth = depth;
    const out: PreparedFrame = { name: n.name, value: n.value };
    if (n.children && n.children.length > 0) {
      out.children = n.children
        .map((c) => copy(c, depth + 1))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    }
    return out;
  };
  const root = copy(data, 0);
  return { root, nodes, total: data.value, maxDepth, offCpuFrames };
}

/** Case-insensitive substring match: a search term is text, never a regular expression. */
export function frameMatches(name: string, term: string): boolean {
  const t = term.trim().toLowerCase();
  return t !== '' && name.toLowerCase().includes(t);
}

export interface SearchResult {
  /** Frames whose name matches. */
  frames: number;
  /** Samples under matching frames, each sample counted once (nested matches do not add up). */
  samples: number;
}

export function searchTree(root: PreparedFrame | FlameGraphNode, term: string): SearchResult {
  let frames = 0;
  let samples = 0;
  const stack: { node: PreparedFrame | FlameGraphNode; under: boolean }[] = [{ node: root, under: false }];
  while (stack.length > 0) {
    const { node, under } = stack.pop() as { node: PreparedFrame | FlameGraphNode; under: boolean };
    const hit = frameMatches(node.name, term);
    if (hit) {
      frames++;
      if (!under) samples += node.value;
    }
    for (const c of node.children ?? []) stack.push({ node: c, under: under || hit });
  }
  return { frames, samples };
}

/** Flink marks frames of off-CPU stacks in mixed graphs with an "[off-cpu]" suffix. */
export function isOffCpuName(name: string): boolean {
  return /\[off-cpu\]\s*$/i.test(name);
}

function hash01(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) | 0;
  return ((h >>> 0) % 1000) / 1000;
}

/** A blue shade per frame name (stable for a name), for off-CPU frames like Flink's graph. */
export function offCpuColor(name: string): string {
  const v = hash01(name);
  return `hsl(${Math.round(200 + 25 * v)} 70% ${Math.round(58 + 14 * v)}%)`;
}
