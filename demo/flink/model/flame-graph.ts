// Flame graphs as Flink's VertexFlameGraphFactory builds them: a "root" node whose children
// are stack frames ("class.method:line") counted over thread samples, filtered by state.
import { Rng, hashString, noise } from '../util/rng.ts';
import type { SimJob, SimVertex } from './job.ts';
import { flameName, stackSamples, type ThreadState } from './stacks.ts';

export type FlameGraphType = 'FULL' | 'ON_CPU' | 'OFF_CPU';

export interface FlameNode {
  name: string;
  value: number;
  children: FlameNode[];
}

const STATES: Record<FlameGraphType, readonly ThreadState[]> = {
  FULL: ['RUNNABLE', 'WAITING', 'TIMED_WAITING', 'BLOCKED'],
  ON_CPU: ['RUNNABLE'],
  OFF_CPU: ['WAITING', 'TIMED_WAITING', 'BLOCKED'],
};

/** rest.flamegraph.num-samples */
const SAMPLES_PER_SUBTASK = 100;

interface Builder {
  name: string;
  value: number;
  children: Map<string, Builder>;
}

function toNode(b: Builder): FlameNode {
  return { name: b.name, value: b.value, children: [...b.children.values()].map(toNode) };
}

/** The flame graph of one sample round (`round` changes when Flink would sample again). */
export function buildFlameGraph(
  job: SimJob,
  v: SimVertex,
  type: FlameGraphType,
  subtask: number | undefined,
  round: number,
): FlameNode {
  const root: Builder = { name: 'root', value: 0, children: new Map() };
  const samples = stackSamples(v.spec);
  const subtasks = subtask === undefined ? [...Array(v.parallelism).keys()] : [subtask];
  const idle = v.spec.idleSubtasks ?? [];
  for (const s of subtasks) {
    for (const [i, sample] of samples.entries()) {
      if (!STATES[type].includes(sample.state)) continue;
      let weight = sample.weight;
      if (idle.includes(s)) weight = sample.part === 'idle' ? 1 : 0;
      const count = Math.round(
        weight * SAMPLES_PER_SUBTASK * (0.85 + 0.3 * noise(job.seed, v.id, s, i, round)),
      );
      if (count <= 0) continue;
      root.value += count;
      let node = root;
      for (const fr of sample.frames) {
        const name = flameName(fr);
        let child = node.children.get(name);
        if (!child) node.children.set(name, (child = { name, value: 0, children: new Map() }));
        child.value += count;
        node = child;
      }
    }
  }
  return toNode(root);
}

/** A deterministic flame graph with `size` nodes, for the large benchmark fixtures. */
export function syntheticFlameGraph(seed: number, size: number): FlameNode {
  const rng = new Rng(hashString(`${seed}:flame:${size}`));
  const root: FlameNode = { name: 'root', value: 0, children: [] };
  let count = 1;
  const queue: { node: FlameNode; depth: number }[] = [{ node: root, depth: 0 }];
  while (queue.length > 0 && count < size) {
    const item = queue.shift();
    if (!item) break;
    const fanout = item.depth < 3 ? 6 : rng.int(1, 5);
    for (let i = 0; i < fanout && count < size; i++) {
      const pkg = `com.streamdash.generated.p${item.depth % 12}`;
      const child: FlameNode = {
        name: `${pkg}.Stage${rng.int(0, 999)}$Worker.process${i}:${rng.int(20, 900)}`,
        value: 0,
        children: [],
      };
      item.node.children.push(child);
      count++;
      queue.push({ node: child, depth: item.depth + 1 });
    }
  }
  const fill = (n: FlameNode): number => {
    const own = n.children.length === 0 ? rng.int(1, 20) : rng.int(0, 2);
    n.value = own + n.children.reduce((a, c) => a + fill(c), 0);
    return n.value;
  };
  fill(root);
  return root;
}
