/**
 * "Why is this job slow?": back-pressure travels upstream from the operator that cannot keep
 * up. So in a chain of back-pressured vertices, the first vertex downstream that is NOT
 * back-pressured but busy is the usual bottleneck: it is working all the time and still its
 * inputs have to wait for it. This walks the plan (edges from the nodes' `inputs`) to find it.
 */
import { formatPercent } from '@/lib/format';
import { BACK_PRESSURE_LOW } from './levels';

/** From this busy share on a vertex counts as busy (Flink's graph turns red from 50 %). */
export const BUSY_THRESHOLD = 0.5;
/** Without back-pressure, a vertex this busy is at the edge of its capacity. */
export const SATURATED_THRESHOLD = 0.9;

export interface PressureNode {
  id: string;
  name: string;
  /** Ids of the vertices that feed this one. */
  inputs: readonly string[];
  /** Back-pressured share of time of the worst subtask, 0..1. */
  backPressured: number | undefined;
  /** Busy share of time of the worst subtask, 0..1. */
  busy: number | undefined;
}

export interface Bottleneck {
  vertex: PressureNode;
  busy: number;
  /** The most back-pressured direct input: the vertex that waits for this one. */
  upstream: PressureNode;
  upstreamBackPressured: number;
}

export type Diagnosis =
  /** No load figures yet (metrics not reported). */
  | { kind: 'unknown' }
  /** Nothing back-pressured, nothing near capacity. */
  | { kind: 'healthy'; busiest: PressureNode | undefined }
  /** Nothing back-pressured, but one vertex is (almost) always busy: the next limit. */
  | { kind: 'saturated'; vertex: PressureNode; busy: number }
  | { kind: 'bottleneck'; main: Bottleneck; others: Bottleneck[] }
  /** Back-pressure, but no vertex downstream of it is busy (network, skew, external system). */
  | { kind: 'unclear'; pressured: PressureNode; candidates: PressureNode[] };

const isPressured = (n: PressureNode) => (n.backPressured ?? 0) > BACK_PRESSURE_LOW;

/** The downstream vertices of every vertex, from the inputs lists. */
function outputsOf(nodes: readonly PressureNode[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const n of nodes) {
    for (const input of n.inputs) {
      const list = out.get(input) ?? [];
      if (!list.includes(n.id)) list.push(n.id);
      out.set(input, list);
    }
  }
  return out;
}

export function findBottleneck(nodes: readonly PressureNode[]): Diagnosis {
  const known = nodes.filter((n) => n.backPressured !== undefined || n.busy !== undefined);
  if (known.length === 0) return { kind: 'unknown' };
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const outputs = outputsOf(nodes);
  const pressured = nodes.filter(isPressured);
  const busiest = [...known].sort((a, b) => (b.busy ?? -1) - (a.busy ?? -1))[0];

  if (pressured.length === 0) {
    if (busiest && (busiest.busy ?? 0) >= SATURATED_THRESHOLD) {
      return { kind: 'saturated', vertex: busiest, busy: busiest.busy ?? 0 };
    }
    return { kind: 'healthy', busiest };
  }

  // From every back-pressured vertex, walk downstream through back-pressured vertices; the
  // first vertex on each path that is not back-pressured is a candidate.
  const candidates = new Map<string, PressureNode>();
  const visited = new Set<string>();
  const stack = pressured.map((n) => n.id);
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (visited.has(id)) continue;
    visited.add(id);
    for (const next of outputs.get(id) ?? []) {
      const node = byId.get(next);
      if (!node) continue;
      if (isPressured(node)) stack.push(next);
      else candidates.set(next, node);
    }
  }

  const bottlenecks: Bottleneck[] = [];
  for (const c of candidates.values()) {
    if ((c.busy ?? 0) < BUSY_THRESHOLD) continue;
    const ups = c.inputs
      .map((id) => byId.get(id))
      .filter((n): n is PressureNode => !!n && isPressured(n))
      .sort((a, b) => (b.backPressured ?? 0) - (a.backPressured ?? 0));
    const upstream = ups[0];
    if (!upstream) continue;
    bottlenecks.push({
      vertex: c,
      busy: c.busy ?? 0,
      upstream,
      upstreamBackPressured: upstream.backPressured ?? 0,
    });
  }
  bottlenecks.sort((a, b) => b.busy - a.busy || b.upstreamBackPressured - a.upstreamBackPressured);
  const [main, ...others] = bottlenecks;
  if (main) return { kind: 'bottleneck', main, others };

  const worst = [...pressured].sort(
    (a, b) => (b.backPressured ?? 0) - (a.backPressured ?? 0),
  )[0] as PressureNode;
  return {
    kind: 'unclear',
    pressured: worst,
    candidates: [...candidates.values()].sort((a, b) => (b.busy ?? -1) - (a.busy ?? -1)),
  };
}

/** A piece of the hint: plain text, or a vertex name (the page makes it a link). */
export type HintPart = { text: string } | { vertex: string; text: string };

const v = (n: PressureNode): HintPart => ({ vertex: n.id, text: n.name });
const t = (text: string): HintPart => ({ text });
const pct = (r: number | undefined) => formatPercent(r);

/** The diagnosis in words, e.g. "X is the likely bottleneck: it is 98 % busy and not back-pressured, ...". */
export function hintParts(d: Diagnosis): HintPart[] {
  switch (d.kind) {
    case 'unknown':
      return [t('Waiting for the busy and back-pressured times of the vertices…')];
    case 'healthy':
      return d.busiest && d.busiest.busy !== undefined
        ? [
            t('No vertex is back-pressured: the job keeps up with its input. The busiest vertex is '),
            v(d.busiest),
            t(` (${pct(d.busiest.busy)} busy).`),
          ]
        : [t('No vertex is back-pressured: the job keeps up with its input.')];
    case 'saturated':
      return [
        t('No vertex is back-pressured yet, but '),
        v(d.vertex),
        t(` is ${pct(d.busy)} busy: it is at its capacity and will be the first to slow the job down.`),
      ];
    case 'bottleneck': {
      const { vertex, busy, upstream, upstreamBackPressured } = d.main;
      const parts: HintPart[] = [
        v(vertex),
        t(` is the likely bottleneck: it is ${pct(busy)} busy and not back-pressured, while its upstream `),
        v(upstream),
        t(` is back-pressured ${pct(upstreamBackPressured)} of the time.`),
      ];
      if (d.others.length > 0) {
        parts.push(t(' Also busy behind back-pressure: '));
        d.others.forEach((o, i) => {
          if (i > 0) parts.push(t(', '));
          parts.push(v(o.vertex), t(` (${pct(o.busy)} busy)`));
        });
        parts.push(t('.'));
      }
      return parts;
    }
    case 'unclear': {
      const parts: HintPart[] = [
        v(d.pressured),
        t(
          ` is back-pressured ${pct(d.pressured.backPressured)} of the time, but no vertex downstream of it is busy`,
        ),
      ];
      const top = d.candidates[0];
      if (top) parts.push(t(' (the busiest is '), v(top), t(` at ${pct(top.busy)})`));
      parts.push(
        t(
          '. The slowdown may come from the network between task managers, one slow subtask, or an external system.',
        ),
      );
      return parts;
    }
  }
}

export const hintText = (d: Diagnosis) =>
  hintParts(d)
    .map((p) => p.text)
    .join('');

/** The vertex the hint points at (the bottleneck, the saturated or the most back-pressured one). */
export function focusVertex(d: Diagnosis): PressureNode | undefined {
  switch (d.kind) {
    case 'bottleneck':
      return d.main.vertex;
    case 'saturated':
      return d.vertex;
    case 'unclear':
      return d.candidates[0] ?? d.pressured;
    default:
      return undefined;
  }
}
