/**
 * A jar's plan (`POST /jars/:jarid/plan`) as DagGraph input. Plan descriptions are HTML-ish
 * (`"Source: Orders source<br/>+- Enrich<br/>"`): they become plain operator names, never HTML.
 */
import type { Plan } from '@/api/flink/schemas';
import type { DagEdge, DagNode } from '@/components/graph';

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  apos: "'",
  nbsp: ' ',
};

/** `"[1]:Source: A<br/>+- [2]:Map<br/>"` → `["Source: A", "Map"]`. */
export function operatorNames(description: string): string[] {
  return description
    .split(/<br\s*\/?>|\n/i)
    .map((line) =>
      line
        .replace(/<[^>]*>/g, '')
        .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, e: string) => ENTITIES[e] ?? '')
        .replace(/^[\s+|-]*/, '')
        .replace(/^\[\d+\]:\s*/, '')
        .trim(),
    )
    .filter((line) => line !== '');
}

export function planToGraph(plan: Plan): { nodes: DagNode[]; edges: DagEdge[] } {
  const ids = new Set(plan.nodes.map((n) => n.id));
  const hasOutput = new Set<string>();
  const edges: DagEdge[] = [];
  for (const node of plan.nodes) {
    for (const input of node.inputs ?? []) {
      if (!ids.has(input.id)) continue;
      hasOutput.add(input.id);
      edges.push({
        source: input.id,
        target: node.id,
        ...(input.ship_strategy ? { label: input.ship_strategy } : {}),
      });
    }
  }
  const nodes: DagNode[] = plan.nodes.map((n) => {
    const ops = operatorNames(n.description);
    const isSource = !(n.inputs ?? []).some((i) => ids.has(i.id));
    const badges = [...(isSource ? ['source'] : []), ...(!hasOutput.has(n.id) ? ['sink'] : [])];
    return {
      id: n.id,
      title: ops.length ? ops.join(' → ') : n.operator || n.id,
      ...(ops.length > 1 ? { subtitle: `${ops.length} chained operators` } : {}),
      parallelism: n.parallelism,
      ...(badges.length ? { badges } : {}),
      tone: 'unknown' as const,
    };
  });
  return { nodes, edges };
}
